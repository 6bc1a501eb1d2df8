import type { Messages } from "./zh-CN";

export const en: Messages = {
  app: {
    name: "Luoshi",
    tagline: "Are government work-report targets met?",
    description: "Each year's work-report targets, held against what the next year's report says was achieved.",
  },
  nav: {
    label: "Main navigation",
    overview: "Overview",
    compare: "Compare years",
    review: "Review queue",
    import: "Import reports",
    export: "Export",
  },
  overview: {
    title: "Targets met, by jurisdiction",
    jurisdictions: "Jurisdiction",
    code: "GB/T 2260 code",
    years: "Years",
    emptyTitle: "No reports imported yet",
    emptyBody:
      "Import government work reports (.txt, .html or .jsonl) to list each jurisdiction and how its targets fared.",
    count: "{count} jurisdictions",
  },
  footer: {
    evidence: "Every number links to the sentence it came from.",
  },
  errors: {
    title: "Something went wrong",
    retry: "Retry",
    notFoundTitle: "Page not found",
    notFoundBody: "The link may be out of date, or that jurisdiction or year has not been imported.",
    backHome: "Back to the overview",
  },
};
