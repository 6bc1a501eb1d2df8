/**
 * The export for Stata: a ZIP holding the data as CSV (column names as the header, no byte-order mark), a `.do` file
 * that imports it and labels every variable, turns each coded column into a numeric variable with value labels in
 * the export's language, and makes the true/false and numeric columns numbers; then the codebook and citation.
 * `do luoshi.do` in the folder the ZIP is unpacked into gives the labelled dataset (Stata 14 or later: Unicode).
 */
import { type Locale, messages } from "@/lib/i18n";
import { codebookMarkdown, type ExportSummary } from "./codebook";
import { CODE_SETS, type ExportRow, FILE_COLUMNS } from "./columns";
import { codeLabel, csvChunks, type DataTally, headerOf } from "./format";
import { ZipWriter } from "./zip";

export const STATA_DATA_FILE = "luoshi.csv";
export const STATA_DO_FILE = "luoshi.do";

/** Stata's variable labels hold 80 characters. */
const LABEL_CHARS = 80;

/** Text in Stata's compound quotes, which may hold `"`; the closing sequence `"'` is broken so it cannot end early. */
const quoted = (text: string) => `\`"${text.replace(/"'/g, "\" '").replace(/[\r\n]+/g, " ")}"'`;

function variableLabel(name: string, lang: Locale): string {
  const column = FILE_COLUMNS.find((c) => c.name === name);
  if (!column) return name;
  const t = messages(lang).exportData;
  const header = headerOf(column, lang);
  const meaning = column.of ? "" : (t.columns[column.name]?.meaning ?? "");
  const label = header === column.name && meaning ? meaning : header;
  return [...label].slice(0, LABEL_CHARS).join("");
}

/** The .do file for the CSV of these columns; `summary` goes into its header comment. */
export function stataDo(summary: ExportSummary, citation: string, lang: Locale): string {
  const lines = [
    `* ${citation}`,
    `* sha256 of the rows of ${STATA_DATA_FILE} (the lines after its header): ${summary.sha256}`,
    "* Run in the folder that holds the CSV: do luoshi.do",
    "version 14",
    "clear",
    `import delimited using "${STATA_DATA_FILE}", varnames(1) encoding("utf-8") bindquote(strict) stringcols(_all) case(preserve) clear`,
    "",
    "* true/false columns as 1/0",
  ];
  const booleans = FILE_COLUMNS.filter((c) => c.type === "boolean").map((c) => c.name);
  lines.push(
    `foreach v of varlist ${booleans.join(" ")} {`,
    `    replace \`v' = "1" if \`v' == "true"`,
    `    replace \`v' = "0" if \`v' == "false"`,
    "}",
  );
  const numeric = FILE_COLUMNS.filter((c) => c.type !== "string").map((c) => c.name);
  lines.push(`destring ${numeric.join(" ")}, replace`, "", "* coded columns: numbers with value labels");
  for (const column of FILE_COLUMNS) {
    if (!column.codes) continue;
    const codes = CODE_SETS[column.codes];
    const name = column.name;
    lines.push(
      `label define ${name}_codes ${codes.map((code, i) => `${i + 1} ${quoted(code)}`).join(" ")}, replace`,
      `encode ${name}, generate(${name}_n) label(${name}_codes)`,
      `label define ${name}_labels ${codes.map((code, i) => `${i + 1} ${quoted(codeLabel(column.codes ?? "verdict", code, lang))}`).join(" ")}, replace`,
      `label values ${name}_n ${name}_labels`,
      `order ${name}_n, after(${name})`,
      `drop ${name}`,
      `rename ${name}_n ${name}`,
    );
  }
  lines.push("", "* variable labels");
  for (const column of FILE_COLUMNS)
    lines.push(`label variable ${column.name} ${quoted(variableLabel(column.name, lang))}`);
  lines.push("", `label data ${quoted([...citation].slice(0, LABEL_CHARS).join(""))}`, "");
  return lines.join("\n");
}

/** The ZIP: the CSV first (hashed as it is written), then the .do file, the codebook and the citation. */
export async function* stataChunks(
  pages: AsyncIterable<ExportRow[]>,
  tally: DataTally,
  finish: () => { summary: ExportSummary; citation: string },
  created = new Date(),
): AsyncGenerator<Uint8Array> {
  const zip = new ZipWriter(created);
  yield* zip.entry(STATA_DATA_FILE, csvChunks(pages, tally, { bom: false, names: true }));
  const { summary, citation } = finish();
  yield* zip.entry(STATA_DO_FILE, [stataDo(summary, citation, tally.lang)]);
  yield* zip.entry("codebook.md", [codebookMarkdown(summary, tally.lang)]);
  yield* zip.entry("CITATION.txt", [`${citation}\n`]);
  yield zip.finish();
}
