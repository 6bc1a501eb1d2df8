/**
 * The filters of an export, one schema for the API (`GET /api/export?…`), the command line (`luoshi export …`) and
 * the links the screens build: the same names, the same values, the same refusals. Lists are comma-separated
 * (`measure=growth,level`) or repeated; a year is one (`2026`) or a range (`2019-2021`).
 */
import { z } from "zod";
import { STRENGTHS } from "@/lib/export/strength";
import { ZMeasure, ZVerdict } from "./extraction";
import { ZCode, ZJurisdictionLevel } from "./store";

export const EXPORT_FORMATS = ["csv", "xlsx", "parquet", "stata", "json"] as const;
export const ZExportFormat = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormat>;

export const ZExportLang = z.enum(["zh-CN", "en"]);
export type TExportLang = z.infer<typeof ZExportLang>;

export const ZStrength = z.enum(STRENGTHS);

const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

/** A list from `a,b`, `["a", "b"]` or `["a,b"]`; absent when empty. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (value === undefined || value === null) return undefined;
    const parts = (Array.isArray(value) ? value : [value])
      .flatMap((part) => String(part).split(","))
      .map((part) => part.trim())
      .filter(Boolean);
    return parts.length > 0 ? parts : undefined;
  }, z.array(item).max(50, "at most 50 values").optional());

/** `2026` or `2019-2021` as an inclusive range. */
const ZYearRange = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{4})?$/, "a year (2026) or a range of years (2019-2021)")
  .transform((text) => {
    const [from, to = from] = text.split("-").map(Number) as [number, number?];
    return { from, to };
  })
  .refine(({ from, to }) => from >= MIN_YEAR && to <= MAX_YEAR, `years from ${MIN_YEAR} to ${MAX_YEAR}`)
  .refine(({ from, to }) => from <= to, "the first year of a range comes before the last");

/** `1`/`true` or `0`/`false` (a URL), or a boolean (a command-line switch). */
const ZSwitch = z
  .union([z.boolean(), z.enum(["1", "0", "true", "false"], { error: 'must be "1" or "0"' })])
  .optional()
  .transform((value) => value === true || value === "1" || value === "true");

export const ZExportFilters = z.object({
  /** One jurisdiction (GB/T 2260). */
  code: ZCode.optional(),
  level: list(ZJurisdictionLevel),
  /** The subordinates of this jurisdiction (`000000`: the provinces). */
  parent: ZCode.optional(),
  year: z.coerce.string().pipe(ZYearRange).optional(),
  /** Canonical indicator names (`地区生产总值`): every wording that resolves to one of them. */
  indicator: list(z.string().min(1).max(40)),
  measure: list(ZMeasure),
  /** As the screens show it: `pending` for a target whose year no review has reached. */
  verdict: list(ZVerdict),
  /** Areas of the indicator lexicon (`经济发展`), as the scorecard's filter. */
  category: list(z.string().min(1).max(20)),
  headline: ZSwitch,
  strength: list(ZStrength),
  /** Text the indicator, the target's or the outcome's sentence or the reason contains, as the scorecard's search. */
  q: z.string().max(100).optional(),
});
export type TExportFilters = z.infer<typeof ZExportFilters>;
export type TExportFiltersInput = z.input<typeof ZExportFilters>;

export const ZExportQuery = ZExportFilters.extend({
  format: ZExportFormat.default("csv"),
  /** Headers, labels and reasons in this language; the request's locale when absent. */
  lang: ZExportLang.optional(),
  /** The codebook and citation of the rows these filters select, instead of the rows. */
  codebook: ZSwitch,
}).strict();
export type TExportQuery = z.infer<typeof ZExportQuery>;

/** Filters as URL parameters, in the form ZExportFilters reads back. */
export function exportFilterParams(filters: TExportFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.code) params.set("code", filters.code);
  if (filters.level) params.set("level", filters.level.join(","));
  if (filters.parent) params.set("parent", filters.parent);
  if (filters.year)
    params.set(
      "year",
      filters.year.from === filters.year.to ? String(filters.year.from) : `${filters.year.from}-${filters.year.to}`,
    );
  for (const key of ["indicator", "measure", "verdict", "category", "strength"] as const) {
    const values = filters[key];
    if (values && values.length > 0) params.set(key, values.join(","));
  }
  if (filters.headline) params.set("headline", "1");
  if (filters.q) params.set("q", filters.q);
  return params;
}

/** A short description of the filters for citations and file names: `level=province year=2026`. */
export function describeFilters(filters: TExportFilters): string {
  return [...exportFilterParams(filters).entries()].map(([key, value]) => `${key}=${value}`).join(" ");
}
