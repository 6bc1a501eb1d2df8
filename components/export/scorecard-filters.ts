/**
 * The scorecard table's filter state (its URL: `components/data-table/url-state.ts`) as export filters, so that an
 * export holds exactly the rows the table shows: the jurisdiction and year of the page, then the table's verdict,
 * area and measure chips, its headline switch and its search. Sorting, grouping and hidden columns change how the
 * rows are shown, not which: they are not filters. Values the table does not know are dropped, as its parser does.
 */
import { CATEGORIES } from "@/lib/engine/indicators/lexicon";
import { exportFilterParams, type TExportFilters, type TExportFormat, type TExportLang } from "@/lib/schemas/export";
import { ZMeasure, ZVerdict } from "@/lib/schemas/extraction";
import type { TableUrlState } from "../data-table/url-state";

const known = <T extends string>(values: string[] | undefined, allowed: readonly T[]): T[] | undefined => {
  const kept = (values ?? []).filter((value): value is T => (allowed as readonly string[]).includes(value));
  return kept.length > 0 ? kept : undefined;
};

export function scorecardExportFilters(code: string, year: number, state: TableUrlState): TExportFilters {
  return {
    code,
    year: { from: year, to: year },
    verdict: known(state.filters.verdict, ZVerdict.options),
    measure: known(state.filters.measure, ZMeasure.options),
    category: known(state.filters.category, CATEGORIES),
    headline: state.headline,
    // As the table searches: the text as typed (its parser keeps 100 characters).
    q: state.q === "" ? undefined : state.q.slice(0, 100),
    level: undefined,
    parent: undefined,
    indicator: undefined,
    strength: undefined,
  };
}

/** The address of an export of these filters (`codebook`: their codebook and citation instead of the rows). */
export function exportHref(
  filters: TExportFilters,
  format: TExportFormat,
  lang: TExportLang,
  { codebook = false }: { codebook?: boolean } = {},
): string {
  const params = exportFilterParams(filters);
  params.set("format", format);
  params.set("lang", lang);
  if (codebook) params.set("codebook", "1");
  return `/api/export?${params.toString()}`;
}
