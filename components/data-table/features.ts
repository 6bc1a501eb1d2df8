/**
 * The one feature set of the app's tables (TanStack Table v9): client sorting, column and global filtering,
 * grouping with expandable groups, and column visibility. Kept at module scope so that the table never rebuilds it.
 */
import {
  columnFilteringFeature,
  columnGroupingFeature,
  columnVisibilityFeature,
  createExpandedRowModel,
  createFilteredRowModel,
  createGroupedRowModel,
  createSortedRowModel,
  filterFn_equals,
  filterFn_includesString,
  globalFilteringFeature,
  metaHelper,
  rowExpandingFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from "@tanstack/react-table";

export interface AppColumnMeta {
  /** The column's name in the column chooser and for screen readers. */
  label: string;
  /** Width in px (the table is laid out fixed so that windowed rows keep their columns). */
  width: number;
  align?: "end";
  /** Cannot be hidden with the column chooser. */
  fixed?: boolean;
}

export const appTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, text: sortFn_text },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString, equals: filterFn_equals },
  columnGroupingFeature,
  groupedRowModel: createGroupedRowModel(),
  rowExpandingFeature,
  expandedRowModel: createExpandedRowModel(),
  columnVisibilityFeature,
  columnMeta: metaHelper<AppColumnMeta>(),
});

export type AppFeatures = typeof appTableFeatures;
