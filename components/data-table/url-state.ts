/**
 * A table's state in the URL: sort, filters, search, grouping and hidden columns as query parameters, so that a
 * filtered view can be bookmarked and shared. Parsing is lenient: unknown values are dropped, not errors.
 */

export interface TableUrlState {
  /** Column id and direction, e.g. `ratio.desc`. */
  sort: { id: string; desc: boolean } | null;
  /** Multi-value column filters, by URL key (`verdict`, `category`, `measure`). */
  filters: Record<string, string[]>;
  headline: boolean;
  q: string;
  group: string | null;
  hidden: string[];
}

export const TABLE_PARAM_KEYS = ["sort", "q", "group", "hide", "headline"] as const;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

export function parseTableState(
  params: Params,
  filterKeys: readonly string[],
  allowed: { columns: readonly string[]; groups: readonly string[] },
): TableUrlState {
  const sortRaw = read(params, "sort");
  const [sortId, direction] = (sortRaw ?? "").split(".");
  const sort = sortId && allowed.columns.includes(sortId) ? { id: sortId, desc: direction === "desc" } : null;
  const filters: Record<string, string[]> = {};
  for (const key of filterKeys) {
    const values = list(read(params, key));
    if (values.length > 0) filters[key] = values;
  }
  const group = read(params, "group") ?? null;
  return {
    sort,
    filters,
    headline: read(params, "headline") === "1",
    q: (read(params, "q") ?? "").slice(0, 100),
    group: group && allowed.groups.includes(group) ? group : null,
    hidden: list(read(params, "hide")).filter((id) => allowed.columns.includes(id)),
  };
}

/** The query of a table state, keeping every other parameter of `base` (e.g. the year) as it was. */
export function writeTableState(
  state: TableUrlState,
  filterKeys: readonly string[],
  base: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of [...TABLE_PARAM_KEYS, ...filterKeys]) params.delete(key);
  if (state.sort) params.set("sort", `${state.sort.id}.${state.sort.desc ? "desc" : "asc"}`);
  for (const key of filterKeys) {
    const values = state.filters[key];
    if (values && values.length > 0) params.set(key, values.join(","));
  }
  if (state.headline) params.set("headline", "1");
  if (state.q) params.set("q", state.q);
  if (state.group) params.set("group", state.group);
  if (state.hidden.length > 0) params.set("hide", state.hidden.join(","));
  return params;
}
