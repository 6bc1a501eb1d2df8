"use client";

import {
  type ColumnFiltersState,
  type ColumnVisibilityState,
  type ExpandedState,
  functionalUpdate,
  type GroupingState,
  type SortingState,
  type Updater,
  useTable,
} from "@tanstack/react-table";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { ExportMenu } from "@/components/export/export-menu";
import { useLocale, useMessages } from "@/components/i18n-provider";
import type { CorrectAccess } from "@/components/review/correct-button";
import { PHONE_QUERY, useMediaQuery } from "@/components/ui/use-media-query";
import { VERDICT_GLYPH } from "@/components/ui/verdict-badge";
import { CATEGORIES } from "@/lib/engine/indicators/lexicon";
import { format } from "@/lib/i18n";
import { type TVerdict, ZMeasure, ZVerdict } from "@/lib/schemas/extraction";
import { DataTable } from "../data-table/data-table";
import { appTableFeatures } from "../data-table/features";
import { type TableUrlState, writeTableState } from "../data-table/url-state";
import type { TargetRow } from "./scorecard-rows";
import { DEFAULT_HIDDEN, TARGET_COLUMN_IDS, TARGET_FILTER_KEYS } from "./table-config";
import { TargetCards } from "./target-cards";
import { targetColumns } from "./target-columns";

const VERDICTS = ZVerdict.options;
const MEASURES = ZMeasure.options;

function filtersToColumns(state: TableUrlState): ColumnFiltersState {
  const filters: ColumnFiltersState = [];
  for (const key of TARGET_FILTER_KEYS) {
    const values = state.filters[key];
    if (values && values.length > 0) filters.push({ id: key, value: values });
  }
  if (state.headline) filters.push({ id: "headline", value: "1" });
  return filters;
}

function visibilityOf(hidden: string[]): ColumnVisibilityState {
  const visibility: ColumnVisibilityState = { headline: false, outcomeText: false };
  for (const id of TARGET_COLUMN_IDS) visibility[id] = !hidden.includes(id);
  return visibility;
}

/**
 * Every target of the year, with sort, filters (verdict / area / measure / headline), text search, grouping by area
 * and column choice. The state lives in the URL (replaced in place, so the server is not asked again) and rows are
 * windowed so that thousands scroll smoothly. On a phone the rows are cards (the same model, sorted and filtered).
 */
export function TargetTable({
  rows,
  initial,
  caption,
  code,
  year,
  access,
}: {
  rows: TargetRow[];
  initial: TableUrlState;
  caption: string;
  code: string;
  year: number;
  access: CorrectAccess;
}) {
  const t = useMessages();
  const locale = useLocale();
  const columns = useMemo(() => targetColumns(t, locale, { code, year, access }), [t, locale, code, year, access]);
  const [state, setState] = useState<TableUrlState>(initial);
  const [expanded, setExpanded] = useState<ExpandedState>(true);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const searchId = useId();
  const phone = useMediaQuery(PHONE_QUERY);

  // Write the state to the address bar without a navigation (Next keeps useSearchParams in step).
  useEffect(() => {
    const params = writeTableState(state, TARGET_FILTER_KEYS, new URLSearchParams(window.location.search));
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, "", url);
    }
  }, [state]);

  const sorting: SortingState = useMemo(() => (state.sort ? [state.sort] : []), [state.sort]);
  const columnFilters = useMemo(() => filtersToColumns(state), [state]);
  const grouping: GroupingState = useMemo(() => (state.group ? [state.group] : []), [state.group]);
  const columnVisibility = useMemo(
    () => visibilityOf(state.hidden.length ? state.hidden : DEFAULT_HIDDEN),
    [state.hidden],
  );

  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) =>
      setState((s) => {
        const next = functionalUpdate(updater, s.sort ? [s.sort] : []);
        return { ...s, sort: next[0] ? { id: next[0].id, desc: next[0].desc } : null };
      }),
    [],
  );
  const onColumnVisibilityChange = useCallback(
    (updater: Updater<ColumnVisibilityState>) =>
      setState((s) => {
        const next = functionalUpdate(updater, visibilityOf(s.hidden.length ? s.hidden : DEFAULT_HIDDEN));
        const hidden = TARGET_COLUMN_IDS.filter((id) => next[id] === false);
        // "Nothing hidden" is written as `none` so that it differs from the default.
        return { ...s, hidden: hidden.length > 0 ? hidden : ["none"] };
      }),
    [],
  );

  const table = useTable({
    features: appTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, columnFilters, globalFilter: state.q, grouping, columnVisibility, expanded },
    onSortingChange,
    onColumnVisibilityChange,
    onExpandedChange: setExpanded,
    globalFilterFn: "includesString",
    getColumnCanGlobalFilter: (column) => ["indicator", "text", "outcomeText", "reason"].includes(column.id),
    groupedColumnMode: false,
    enableSortingRemoval: true,
    autoResetExpanded: false,
  });

  const toggleFilter = (key: (typeof TARGET_FILTER_KEYS)[number], value: string) =>
    setState((s) => {
      const current = s.filters[key] ?? [];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { ...s, filters: { ...s.filters, [key]: next } };
    });

  const shown = table.getFilteredRowModel().rows.length;
  const counts = useMemo(() => {
    const byVerdict: Record<TVerdict, number> = { met: 0, missed: 0, needs_review: 0, no_outcome: 0, pending: 0 };
    for (const row of rows) byVerdict[row.verdict] += 1;
    return byVerdict;
  }, [rows]);
  const categories = useMemo(() => CATEGORIES.filter((c) => rows.some((r) => r.category === c)), [rows]);
  const filtered =
    state.q !== "" ||
    state.headline ||
    Object.values(state.filters).some((values) => values.length > 0) ||
    state.group !== null;

  return (
    <div className="target-table" data-ready={ready || undefined}>
      <search className="table-toolbar" aria-label={t.table.searchLabel}>
        <div className="toolbar-row">
          <label htmlFor={searchId} className="visually-hidden">
            {t.table.searchLabel}
          </label>
          <input
            id={searchId}
            type="search"
            className="table-search"
            placeholder={t.table.searchPlaceholder}
            value={state.q}
            onChange={(event) => {
              const q = event.target.value;
              setState((s) => ({ ...s, q }));
            }}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={state.headline}
              onChange={(event) => setState((s) => ({ ...s, headline: event.target.checked }))}
            />
            {t.table.filterHeadline}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={state.group === "category"}
              onChange={(event) => setState((s) => ({ ...s, group: event.target.checked ? "category" : null }))}
            />
            {t.table.groupBy}
          </label>
          <details className="column-chooser">
            <summary>{t.table.columns}</summary>
            <fieldset>
              <legend className="visually-hidden">{t.table.columns}</legend>
              {table
                .getAllLeafColumns()
                .filter((column) => column.getCanHide() && !column.columnDef.meta?.fixed)
                .map((column) => (
                  <label key={column.id} className="check">
                    <input
                      type="checkbox"
                      checked={column.getIsVisible()}
                      onChange={column.getToggleVisibilityHandler()}
                    />
                    {column.columnDef.meta?.label ?? column.id}
                  </label>
                ))}
            </fieldset>
          </details>
          {filtered ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setState((s) => ({ ...s, q: "", headline: false, filters: {}, group: null }))}
            >
              {t.table.reset}
            </button>
          ) : null}
        </div>
        <fieldset className="chips">
          <legend>{t.table.filterVerdict}</legend>
          {VERDICTS.map((verdict) => (
            <label key={verdict} className={`chip chip-${verdict}`}>
              <input
                type="checkbox"
                checked={state.filters.verdict?.includes(verdict) ?? false}
                onChange={() => toggleFilter("verdict", verdict)}
              />
              <span aria-hidden="true">{VERDICT_GLYPH[verdict]}</span>
              {t.verdict[verdict]} <span className="num muted">{counts[verdict]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="chips">
          <legend>{t.table.filterMeasure}</legend>
          {MEASURES.map((measure) => (
            <label key={measure} className="chip">
              <input
                type="checkbox"
                checked={state.filters.measure?.includes(measure) ?? false}
                onChange={() => toggleFilter("measure", measure)}
              />
              {t.measure[measure]}
            </label>
          ))}
        </fieldset>
        {categories.length > 1 ? (
          <fieldset className="chips">
            <legend>{t.table.filterCategory}</legend>
            {categories.map((category) => (
              <label key={category} className="chip">
                <input
                  type="checkbox"
                  checked={state.filters.category?.includes(category) ?? false}
                  onChange={() => toggleFilter("category", category)}
                />
                {t.categories[category] ?? category}
              </label>
            ))}
          </fieldset>
        ) : null}
      </search>
      <p className="table-count" role="status" aria-live="polite">
        {format(t.table.rows, { shown, total: rows.length })}
      </p>
      <ExportMenu code={code} year={year} state={state} shown={shown} />
      {phone ? (
        <TargetCards
          table={table}
          caption={caption}
          empty={rows.length === 0 ? t.table.emptyAll : t.table.empty}
          correct={{ code, year, access }}
        />
      ) : (
        <DataTable
          table={table}
          caption={caption}
          empty={rows.length === 0 ? t.table.emptyAll : t.table.empty}
          rowId={(row) => `row-${row.id}`}
          sortLabels={{
            asc: t.table.sortAsc,
            desc: t.table.sortDesc,
            sortBy: (column) => format(t.table.sortBy, { column }),
          }}
          renderGroup={(row) => {
            const value = String(row.groupingValue ?? "");
            return format(t.table.group, { group: t.categories[value] ?? value, count: row.subRows.length });
          }}
        />
      )}
    </div>
  );
}
