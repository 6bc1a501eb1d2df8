/**
 * Identity of every report in the five seed files (hand labels, written by reading the files).
 *
 * Judgement calls:
 * - 000 holds only the end of the 2025 report's part 一 (the paragraph on problems, no outcomes) and the 2025 plan:
 *   reviewYear is null because the file states no outcome of 2024.
 * - 003 is the 2025 plan only: reviewYear null.
 * - 004 is a news article of 2019-01-08 on the district's 2018 achievements: a review source whose `year` is the
 *   year it reports on (2018), reviewYear 2018, no plan.
 */
import type { ReportIdentityLabel } from "./types";

export const seedReports: ReportIdentityLabel[] = [
  {
    file: "000_9e7a45089d25ec8e.txt",
    kind: "work_report",
    code: "370202",
    jurisdiction: "青岛市市南区",
    year: 2025,
    planYear: 2025,
    reviewYear: null,
  },
  {
    file: "001_afcc151cafc2b4a6.txt",
    kind: "work_report",
    code: "370202",
    jurisdiction: "青岛市市南区",
    year: 2019,
    planYear: 2019,
    reviewYear: 2018,
  },
  {
    file: "001_afcc151cafc2b4a6.txt",
    kind: "work_report",
    code: "370202",
    jurisdiction: "青岛市市南区",
    year: 2020,
    planYear: 2020,
    reviewYear: 2019,
  },
  {
    file: "002_4956f23b0c3276e5.txt",
    kind: "work_report",
    code: "370613",
    jurisdiction: "烟台市莱山区",
    year: 2024,
    planYear: 2024,
    reviewYear: 2023,
  },
  {
    file: "003_c60be1a80293fcb0.txt",
    kind: "work_report",
    code: "370705",
    jurisdiction: "潍坊市奎文区",
    year: 2025,
    planYear: 2025,
    reviewYear: null,
  },
  {
    file: "004_3f6588de4f1c987f.txt",
    kind: "review_source",
    code: "370202",
    jurisdiction: "青岛市市南区",
    year: 2018,
    planYear: null,
    reviewYear: 2018,
  },
];
