"use client";

import type { ReactTable, Row, RowData } from "@tanstack/react-table";
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { rowWindow } from "@/lib/charts/windowing";
import type { AppFeatures } from "./features";

/** Rows rendered beyond the viewport's edges, and the granularity of the window's edges (see lib/charts/windowing). */
const OVERSCAN = 12;
const CHUNK = 8;

// useLayoutEffect warns during server rendering; the window is measured in the browser only.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

export interface DataTableProps<TData extends RowData> {
  // biome-ignore lint/suspicious/noExplicitAny: the wrapper renders any selection of the table's state
  table: ReactTable<AppFeatures, TData, any>;
  caption: string;
  /** Shown in place of rows when the filtered model is empty. */
  empty: ReactNode;
  /** Height of every row in px: rows are windowed, so all rows are one height. */
  rowHeight?: number;
  /** Height of the scrolling viewport (CSS). */
  maxHeight?: string;
  /** Label of a group row (grouping on). */
  renderGroup?: (row: Row<AppFeatures, TData>) => ReactNode;
  /** `id` of a leaf row's element, for links to it. */
  rowId?: (row: Row<AppFeatures, TData>) => string;
  sortLabels: { asc: string; desc: string; sortBy: (column: string) => string };
}

/**
 * The app's table: TanStack Table v9 models, rendered as a real <table> with a sticky header and windowed rows
 * (only the rows in view, plus some overscan, are in the DOM, so thousands of rows scroll smoothly). Sorting is
 * driven from header buttons with `aria-sort`; rows carry `aria-rowindex` so screen readers know where they are.
 */
export function DataTable<TData extends RowData>({
  table,
  caption,
  empty,
  rowHeight = 44,
  maxHeight = "70vh",
  renderGroup,
  rowId,
  sortLabels,
}: DataTableProps<TData>) {
  const scroller = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(720);
  const frame = useRef<number | null>(null);
  const rows = table.getRowModel().rows;
  const count = rows.length;
  const windowOf = useCallback(
    (top: number, height: number) =>
      rowWindow({ scrollTop: top, viewportHeight: height, rowHeight, count, overscan: OVERSCAN, chunk: CHUNK }),
    [rowHeight, count],
  );

  useIsomorphicLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const element = scroller.current;
      if (!element) return;
      // Only a new window re-renders: scrolling inside a chunk changes nothing on screen but the scroll position.
      const next = element.scrollTop;
      setScrollTop((current) =>
        windowOf(current, viewport).start === windowOf(next, viewport).start ? current : next,
      );
    });
  }, [viewport, windowOf]);

  const headerGroups = table.getHeaderGroups();
  const leafColumns = table.getVisibleLeafColumns();
  const range = windowOf(scrollTop, viewport);
  const visible = rows.slice(range.start, range.end);

  return (
    <section
      className="table-viewport"
      ref={scroller}
      onScroll={onScroll}
      style={{ maxHeight }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard
      tabIndex={0}
      aria-label={caption}
    >
      <table
        className="data-table windowed"
        aria-rowcount={rows.length + 1}
        style={{ minWidth: leafColumns.reduce((sum, c) => sum + (c.columnDef.meta?.width ?? 120), 0) }}
      >
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {leafColumns.map((column) => (
            <col key={column.id} style={{ width: column.columnDef.meta?.width ?? 120 }} />
          ))}
        </colgroup>
        <thead>
          {headerGroups.map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const meta = column.columnDef.meta;
                const label = meta?.label ?? column.id;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.align === "end" ? "num" : undefined}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.isPlaceholder ? null : column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={column.getToggleSortingHandler()}
                        title={sortLabels.sortBy(label)}
                      >
                        <table.FlexRender header={header} />
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                        {sorted ? (
                          <span className="visually-hidden">{sorted === "asc" ? sortLabels.asc : sortLabels.desc}</span>
                        ) : null}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={leafColumns.length} className="table-empty">
                {empty}
              </td>
            </tr>
          ) : null}
          {range.padTop > 0 ? (
            <tr className="spacer">
              <td colSpan={leafColumns.length} style={{ height: range.padTop }} />
            </tr>
          ) : null}
          {visible.map((row, offset) => {
            const index = range.start + offset;
            if (row.getIsGrouped()) {
              return (
                <tr key={row.id} className="group-row" aria-rowindex={index + 2} style={{ height: rowHeight }}>
                  <th colSpan={leafColumns.length} scope="rowgroup">
                    <button
                      type="button"
                      className="group-toggle"
                      aria-expanded={row.getIsExpanded()}
                      onClick={row.getToggleExpandedHandler()}
                    >
                      <span aria-hidden="true">{row.getIsExpanded() ? "▾" : "▸"}</span>
                      {renderGroup ? renderGroup(row) : String(row.groupingValue ?? "")}
                    </button>
                  </th>
                </tr>
              );
            }
            return (
              <tr key={row.id} id={rowId?.(row)} aria-rowindex={index + 2} style={{ height: rowHeight }}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.align === "end" ? "num" : undefined}>
                    {cell.getIsPlaceholder() ? null : <table.FlexRender cell={cell} />}
                  </td>
                ))}
              </tr>
            );
          })}
          {range.padBottom > 0 ? (
            <tr className="spacer">
              <td colSpan={leafColumns.length} style={{ height: range.padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
