/**
 * Splitting a page into its reports: at report titles, without the page's repeated title or its navigation
 * (texts written here).
 */
import { describe, expect, it } from "vitest";
import { splitReports } from "@/lib/engine/reader/document/split";

const SENTENCES = "全区生产总值增长6%。新增就业5万人。一般公共预算收入增长3%。".repeat(12);

describe("splitReports", () => {
  it("keeps a page's repeated title with the report it names", () => {
    const page = `2024年望川市澄湖区政府工作报告\n首页 > 政务公开\n2024年望川市澄湖区政府工作报告\n${SENTENCES}`;
    const spans = splitReports(page);
    expect(spans).toHaveLength(1);
    expect(page.slice(spans[0]?.start, spans[0]?.end)).toContain(SENTENCES.slice(0, 20));
  });

  it("does not end a report at navigation above the article (`下一篇`)", () => {
    const page = `报纸版面导航\n上一篇\n下一篇\n${SENTENCES}`;
    const [span] = splitReports(page);
    expect(span?.end).toBe(page.length);
  });

  it("ends a report at the closing boilerplate below it", () => {
    const page = `${SENTENCES}\n上一篇\n下一篇\n免责声明：本站内容仅供参考。`;
    const [span] = splitReports(page);
    expect(page.slice(span?.start, span?.end)).not.toContain("免责声明");
  });
});
