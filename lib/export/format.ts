/** Export files in long format (one row per target): CSV for any tool, XLSX for spreadsheets, JSON for scripts. */
import ExcelJS from "exceljs";

export interface ExportRow {
  code: string;
  jurisdiction: string;
  year: number;
  indicator: string;
  category: string;
  measure: string;
  qualifier: string;
  target_value: number | null;
  target_min: number | null;
  target_max: number | null;
  target_unit: string | null;
  polarity: string;
  headline: boolean;
  target_text: string;
  verdict: string;
  confidence: number | null;
  reason: string;
  /** The gap of verdicts.md (replacing 完成度): points or a ratio, oriented so that positive is better. */
  gap: number | null;
  gap_unit: "个百分点" | "ratio" | null;
  manual: boolean;
  not_a_target: boolean;
  actual_value: number | null;
  actual_unit: string | null;
  actual_text: string;
  estimated: boolean;
  plan_report_id: string;
  plan_source: string;
  review_report_id: string | null;
  review_source: string | null;
}

export type ExportFormat = "csv" | "xlsx" | "json";

export const EXPORT_COLUMNS: (keyof ExportRow)[] = [
  "code",
  "jurisdiction",
  "year",
  "indicator",
  "category",
  "measure",
  "qualifier",
  "target_value",
  "target_min",
  "target_max",
  "target_unit",
  "polarity",
  "headline",
  "target_text",
  "verdict",
  "confidence",
  "reason",
  "gap",
  "gap_unit",
  "manual",
  "not_a_target",
  "actual_value",
  "actual_unit",
  "actual_text",
  "estimated",
  "plan_report_id",
  "plan_source",
  "review_report_id",
  "review_source",
];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark, so that Excel reads the Chinese correctly. */
export function toCsv(rows: ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(",")];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function toXlsx(rows: ExportRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Luoshi";
  const sheet = workbook.addWorksheet("targets", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key.endsWith("text") || key === "reason" ? 50 : 14,
  }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  // The GB/T code stays text so that spreadsheets keep its leading zeros (000000).
  sheet.getColumn("code").numFmt = "@";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function renderExport(rows: ExportRow[], format: ExportFormat): Promise<Uint8Array> {
  if (format === "xlsx") return toXlsx(rows);
  const text = format === "csv" ? toCsv(rows) : `${JSON.stringify({ rows }, null, 2)}\n`;
  return new TextEncoder().encode(text);
}
