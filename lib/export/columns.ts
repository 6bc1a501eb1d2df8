/**
 * The columns of the long format (one row per target), in file order: each with its type and, for coded columns, the
 * set of codes it holds. A coded column is followed by `<name>_label`, the code in the export's language. What each
 * column means, and each code's label, is in lib/i18n (`exportData`), read by the codebook and the file headers.
 */
import { CATEGORIES } from "@/lib/engine/indicators/lexicon";
import { ZMeasure, ZPolarity, ZQualifier, ZVerdict } from "@/lib/schemas/extraction";
import { ZJurisdictionLevel } from "@/lib/schemas/store";
import { STRENGTHS } from "./strength";

export type ColumnType = "string" | "int" | "double" | "boolean";

/** The gap's unit as verdicts.md writes it: points (`个百分点`) of a percentage target, or actual ÷ target. */
export const GAP_UNITS = ["个百分点", "ratio"] as const;

export const CODE_SETS = {
  level: ZJurisdictionLevel.options,
  category: CATEGORIES,
  measure: ZMeasure.options,
  qualifier: ZQualifier.options,
  strength: STRENGTHS,
  polarity: ZPolarity.options,
  verdict: ZVerdict.options,
  gap_unit: GAP_UNITS,
} as const;
export type CodeSet = keyof typeof CODE_SETS;

/** One row as the query reads it: codes, not labels (labels are added per language when a file is written). */
export interface ExportRow {
  code: string;
  jurisdiction: string;
  level: string;
  parent_code: string | null;
  year: number;
  indicator: string;
  indicator_canonical: string | null;
  category: string;
  measure: string;
  qualifier: string;
  wording: string | null;
  strength: string;
  target_value: number | null;
  target_min: number | null;
  target_max: number | null;
  stretch: number | null;
  target_unit: string | null;
  polarity: string;
  headline: boolean;
  target_text: string;
  outcome_value: number | null;
  outcome_unit: string | null;
  estimated: boolean | null;
  outcome_text: string | null;
  outcome_report_id: string | null;
  outcome_source: string | null;
  outcome_source_url: string | null;
  verdict: string;
  /** The gap of verdicts.md (replacing 完成度): points or a ratio, oriented so that positive is better. */
  gap: number | null;
  gap_unit: string | null;
  confidence: number | null;
  reason: string;
  manual: boolean;
  not_a_target: boolean;
  reader_version: string;
  source_url: string | null;
  source_file: string;
  publish_date: string | null;
  plan_report_id: string;
  start: number;
  end: number;
}

export type DataColumn = keyof ExportRow;

interface DataColumnSpec {
  name: DataColumn;
  type: ColumnType;
  codes?: CodeSet;
}

const DATA_COLUMNS: DataColumnSpec[] = [
  { name: "code", type: "string" },
  { name: "jurisdiction", type: "string" },
  { name: "level", type: "string", codes: "level" },
  { name: "parent_code", type: "string" },
  { name: "year", type: "int" },
  { name: "indicator", type: "string" },
  { name: "indicator_canonical", type: "string" },
  { name: "category", type: "string", codes: "category" },
  { name: "measure", type: "string", codes: "measure" },
  { name: "qualifier", type: "string", codes: "qualifier" },
  { name: "wording", type: "string" },
  { name: "strength", type: "string", codes: "strength" },
  { name: "target_value", type: "double" },
  { name: "target_min", type: "double" },
  { name: "target_max", type: "double" },
  { name: "stretch", type: "double" },
  { name: "target_unit", type: "string" },
  { name: "polarity", type: "string", codes: "polarity" },
  { name: "headline", type: "boolean" },
  { name: "target_text", type: "string" },
  { name: "outcome_value", type: "double" },
  { name: "outcome_unit", type: "string" },
  { name: "estimated", type: "boolean" },
  { name: "outcome_text", type: "string" },
  { name: "outcome_report_id", type: "string" },
  { name: "outcome_source", type: "string" },
  { name: "outcome_source_url", type: "string" },
  { name: "verdict", type: "string", codes: "verdict" },
  { name: "gap", type: "double" },
  { name: "gap_unit", type: "string", codes: "gap_unit" },
  { name: "confidence", type: "double" },
  { name: "reason", type: "string" },
  { name: "manual", type: "boolean" },
  { name: "not_a_target", type: "boolean" },
  { name: "reader_version", type: "string" },
  { name: "source_url", type: "string" },
  { name: "source_file", type: "string" },
  { name: "publish_date", type: "string" },
  { name: "plan_report_id", type: "string" },
  { name: "start", type: "int" },
  { name: "end", type: "int" },
];

/** A column of an export file: a data column, or the label of a coded one (`of` names it). */
export interface FileColumn {
  name: string;
  type: ColumnType;
  codes?: CodeSet;
  /** For a label column: the coded column it labels, and that column's code set. */
  of?: DataColumn;
  labels?: CodeSet;
  /** For a data column: its key in ExportRow. */
  data?: DataColumn;
}

export const FILE_COLUMNS: readonly FileColumn[] = DATA_COLUMNS.flatMap((column): FileColumn[] =>
  column.codes
    ? [
        { name: column.name, type: column.type, codes: column.codes, data: column.name },
        { name: `${column.name}_label`, type: "string", of: column.name, labels: column.codes },
      ]
    : [{ name: column.name, type: column.type, data: column.name }],
);

/** The column names in file order. */
export const EXPORT_COLUMNS: readonly string[] = FILE_COLUMNS.map((column) => column.name);
