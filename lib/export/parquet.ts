/**
 * The export as Parquet (hyparquet-writer), written as it goes: rows are gathered into row groups of at most
 * ROW_GROUP_ROWS, each group is encoded and its bytes handed on before the next is read, so memory holds one group,
 * never the file. Columns are typed (INT32, DOUBLE, BOOLEAN, UTF-8 strings; every one nullable) and named by their
 * column names; the codebook, citation and data hash are the file's key-value metadata (`luoshi.*`), written in the
 * footer once every row has passed.
 */
import { ByteWriter, type ColumnSource, ParquetWriter, type SchemaElement } from "hyparquet-writer";
import type { Locale } from "@/lib/i18n";
import { type CodebookEntry, codebook, codebookMarkdown, type ExportSummary } from "./codebook";
import { type ColumnType, type ExportRow, FILE_COLUMNS } from "./columns";
import { type DataTally, fileValues } from "./format";

/** Rows per row group: large enough for readers to scan well, small enough to hold in memory (~10 MB). */
export const ROW_GROUP_ROWS = 10_000;

const PARQUET_TYPE: Record<ColumnType, Omit<SchemaElement, "name">> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  int: { type: "INT32" },
  double: { type: "DOUBLE" },
  boolean: { type: "BOOLEAN" },
};

const SCHEMA: SchemaElement[] = [
  { name: "root", num_children: FILE_COLUMNS.length },
  ...FILE_COLUMNS.map((column) => ({
    name: column.name,
    ...PARQUET_TYPE[column.type],
    repetition_type: "OPTIONAL" as const,
  })),
];

/** The key-value metadata of a finished export. */
export function parquetMetadata(summary: ExportSummary, citation: string, lang: Locale, entries: CodebookEntry[]) {
  return [
    { key: "luoshi.citation", value: citation },
    { key: "luoshi.sha256", value: summary.sha256 },
    { key: "luoshi.rows", value: String(summary.rows) },
    { key: "luoshi.filters", value: summary.filters },
    { key: "luoshi.lang", value: lang },
    { key: "luoshi.codebook", value: JSON.stringify(entries) },
    { key: "luoshi.codebook.md", value: codebookMarkdown(summary, lang) },
  ];
}

export async function* parquetChunks(
  pages: AsyncIterable<ExportRow[]>,
  tally: DataTally,
  finish: () => { summary: ExportSummary; citation: string },
): AsyncGenerator<Uint8Array> {
  const writer = new ByteWriter();
  const metadata: { key: string; value: string }[] = [];
  // The metadata array is read when the footer is written: filled in once the rows (and so the hash) are known.
  const parquet = new ParquetWriter({ writer, schema: SCHEMA, kvMetadata: metadata, createdBy: "Luoshi" });
  /** What the writer holds so far, handed on and forgotten (its offset keeps counting the file's bytes). */
  const drain = (): Uint8Array => {
    const bytes = new Uint8Array(writer.buffer, 0, writer.index).slice();
    writer.index = 0;
    return bytes;
  };
  let group: ExportRow[] = [];
  const flush = async () => {
    const data: unknown[][] = FILE_COLUMNS.map(() => []);
    for (const row of group) {
      fileValues(row, tally.lang).forEach((value, index) => {
        data[index]?.push(value);
      });
    }
    const columns = FILE_COLUMNS.map(
      (column, index): ColumnSource => ({ name: column.name, data: data[index] as ColumnSource["data"] }),
    );
    await parquet.write({ columnData: columns, rowGroupSize: group.length });
    group = [];
    return drain();
  };
  for await (const page of pages) {
    tally.add(page);
    for (const row of page) {
      group.push(row);
      if (group.length >= ROW_GROUP_ROWS) yield await flush();
    }
  }
  if (group.length > 0) yield await flush();
  const { summary, citation } = finish();
  metadata.push(...parquetMetadata(summary, citation, tally.lang, codebook(tally.lang)));
  await parquet.finish();
  yield drain();
}
