/**
 * The hierarchy of jurisdictions (GB/T 2260 levels; a province's superior is the State Council): a jurisdiction's
 * superior and its subordinates that hold reports, and the superiors a peers scope can be chosen under.
 */
import { type TJurisdictionLevel, ZJurisdictionLevel } from "@/lib/schemas/store";
import type { Db } from "../client";

export interface HierarchyPlace {
  code: string;
  name: string;
  level: TJurisdictionLevel;
}

const select = { code: true, name: true, level: true } as const;
const place = (row: { code: string; name: string; level: string }): HierarchyPlace => ({
  ...row,
  level: ZJurisdictionLevel.catch("county").parse(row.level),
});

export interface Hierarchy {
  self: HierarchyPlace;
  superior: HierarchyPlace | null;
  /** The superiors up to the top, the top first (全国 › 广东省 › 广州市). */
  ancestors: HierarchyPlace[];
  /** Direct subordinates that hold at least one report, by code. */
  subordinates: HierarchyPlace[];
}

/** A jurisdiction's place in the tree; null for an unknown code. */
export async function getHierarchy(db: Db, code: string): Promise<Hierarchy | null> {
  const row = await db.jurisdiction.findUnique({
    where: { code },
    // Three levels above a county at most: 全国 › province › city.
    select: { ...select, parent: { select: { ...select, parent: { select: { ...select, parent: { select } } } } } },
  });
  if (!row) return null;
  const ancestors: HierarchyPlace[] = [];
  for (let up = row.parent; up; up = "parent" in up ? (up.parent as typeof up | null) : null)
    ancestors.unshift(place(up));
  const subordinates = await db.jurisdiction.findMany({
    where: { parentCode: code, reports: { some: {} } },
    select,
    orderBy: { code: "asc" },
  });
  return {
    self: place(row),
    superior: row.parent && place(row.parent),
    ancestors,
    subordinates: subordinates.map(place),
  };
}

/** Jurisdictions with at least one subordinate that holds a report: the superiors a peers scope can be under. */
export async function listSuperiors(db: Db): Promise<HierarchyPlace[]> {
  const parents = await db.jurisdiction.findMany({
    where: { parentCode: { not: null }, reports: { some: {} } },
    select: { parentCode: true },
    distinct: ["parentCode"],
  });
  const codes = parents.flatMap((p) => (p.parentCode ? [p.parentCode] : []));
  const rows = await db.jurisdiction.findMany({ where: { code: { in: codes } }, select, orderBy: { code: "asc" } });
  return rows.map(place);
}

/** The provinces that hold a report themselves or through a subordinate: the overview's province filter. */
export async function listProvinces(db: Db): Promise<HierarchyPlace[]> {
  const rows = await db.jurisdiction.findMany({ where: { level: "province" }, select, orderBy: { code: "asc" } });
  return rows.map(place);
}
