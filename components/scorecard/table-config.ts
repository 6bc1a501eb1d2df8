/** The scorecard table's URL keys and columns, shared by the server page (parsing) and the client table. */

export const TARGET_FILTER_KEYS = ["verdict", "category", "measure"] as const;
export const TARGET_GROUPS = ["category"] as const;

/** Columns a user may hide (the headline flag is a filter only). */
export const TARGET_COLUMN_IDS = [
  "indicator",
  "category",
  "measure",
  "target",
  "actual",
  "verdict",
  "gap",
  "confidence",
  "text",
  "reason",
] as const;

/** Hidden unless the URL says otherwise (`hide=none` shows every column). */
export const DEFAULT_HIDDEN = ["reason"];
