import { getDb } from "@/lib/db/client";
import { listProvinces } from "@/lib/db/queries/hierarchy";
import { OverviewFiltersForm } from "./overview-filters-form";

/** Browse the overview by level and by province. */
export async function OverviewFilters({ q, level, province }: { q: string; level?: string; province?: string }) {
  const provinces = await listProvinces(getDb());
  return <OverviewFiltersForm q={q} level={level} province={province} provinces={provinces} />;
}
