/**
 * The codebook every export carries (every column: name, header, type, meaning, codes and their labels) and its
 * citation line, which names the filters, the number of rows and the data hash (format.ts `DataTally`).
 */
import { format, type Locale, messages } from "@/lib/i18n";
import { CODE_SETS, type ColumnType, FILE_COLUMNS } from "./columns";
import { codeLabel, headerOf } from "./format";

export interface CodebookEntry {
  name: string;
  header: string;
  type: ColumnType;
  meaning: string;
  codes: { code: string; label: string }[];
}

export function codebook(lang: Locale): CodebookEntry[] {
  const t = messages(lang).exportData;
  return FILE_COLUMNS.map((column) => {
    const labelled = column.of ? (t.columns[column.of]?.header ?? column.of) : null;
    return {
      name: column.name,
      header: headerOf(column, lang),
      type: column.type,
      meaning: labelled
        ? format(t.labelMeaning, { header: labelled })
        : (t.columns[column.name]?.meaning ?? column.name),
      codes: column.codes
        ? CODE_SETS[column.codes].map((code) => ({ code, label: codeLabel(column.codes ?? "verdict", code, lang) }))
        : [],
    };
  });
}

/** What an export holds: the citation's facts. */
export interface ExportSummary {
  /** The filters as `key=value` pairs; empty for every target. */
  filters: string;
  rows: number;
  sha256: string;
  /** When it was exported (YYYY-MM-DD). */
  date: string;
}

export function citationLine(summary: ExportSummary, lang: Locale): string {
  const t = messages(lang).exportData.codebook;
  return format(t.citationLine, {
    filters: summary.filters || t.noFilters,
    rows: summary.rows,
    date: summary.date,
    hash: summary.sha256,
  });
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** The codebook as Markdown (codebook.md in ZIPs, the API's and CLI's `codebook` answer for a CSV). */
export function codebookMarkdown(summary: ExportSummary, lang: Locale): string {
  const t = messages(lang).exportData;
  const c = t.codebook;
  const lines = [
    `# ${c.title}`,
    "",
    c.intro,
    "",
    `- ${c.citation}: ${citationLine(summary, lang)}`,
    `- ${c.filters}: ${summary.filters || c.noFilters}`,
    `- ${c.rows}: ${summary.rows}`,
    `- ${c.hash}: sha256 \`${summary.sha256}\``,
    "",
    c.hashNote,
    "",
    `| ${c.name} | ${c.header} | ${c.type} | ${c.meaning} | ${c.codeList} |`,
    "| --- | --- | --- | --- | --- |",
    ...codebook(lang).map(
      (entry) =>
        `| ${entry.name} | ${cell(entry.header)} | ${t.types[entry.type] ?? entry.type} | ${cell(entry.meaning)} | ${entry.codes
          .map(({ code, label }) => cell(`${code} = ${label}`))
          .join("; ")} |`,
    ),
    "",
  ];
  return lines.join("\n");
}
