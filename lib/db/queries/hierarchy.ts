/**
 * The hierarchy of jurisdictions (GB/T 2260 levels; a province's superior is the State Council): a jurisdiction's
 * superior and its subordinates that hold reports, and the superiors a peers scope can be chosen under.
 */

import { lexiconEntry } from "@/lib/engine/indicators";
import type { TPolarity, TQualifier } from "@/lib/schemas/extraction";
import { type TJurisdictionLevel, ZJurisdictionLevel } from "@/lib/schemas/store";
import type { Db } from "../client";
import { polarityColumn, qualifierColumn } from "../columns";
import { readableFigures } from "../rows";

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

export interface SuperiorTarget {
  id: string;
  indicator: string;
  measure: string;
  qualifier: TQualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  polarity: TPolarity;
  text: string;
}

/**
 * The superior's targets for the same plan year, by canonical indicator and measure (`地区生产总值:growth`), its
 * headline statement first: what the scorecard sets beside a jurisdiction's own targets. Null without a superior.
 */
export async function superiorTargetsOf(
  db: Db,
  code: string,
  year: number,
): Promise<{ superior: HierarchyPlace; targets: Map<string, SuperiorTarget> } | null> {
  const row = await db.jurisdiction.findUnique({ where: { code }, select: { parent: { select } } });
  if (!row?.parent) return null;
  const rows = await db.target.findMany({
    where: {
      jurisdictionCode: row.parent.code,
      planYear: year,
      measure: { not: "qualitative" },
      OR: [{ match: null }, { match: { notATarget: false } }],
    },
    select: {
      id: true,
      indicatorName: true,
      measure: true,
      qualifier: true,
      value: true,
      min: true,
      max: true,
      unit: true,
      polarity: true,
      text: true,
    },
    orderBy: [{ headline: "desc" }, { position: "asc" }],
  });
  const targets = new Map<string, SuperiorTarget>();
  for (const target of rows) {
    const indicator = lexiconEntry(target.indicatorName)?.name ?? target.indicatorName;
    const key = `${indicator}:${target.measure}`;
    if (targets.has(key)) continue;
    const figures = readableFigures(target);
    targets.set(key, {
      id: target.id,
      indicator,
      measure: target.measure,
      qualifier: qualifierColumn(target.qualifier),
      value: figures.value,
      min: figures.min ?? null,
      max: figures.max ?? null,
      unit: target.unit,
      polarity: polarityColumn(target.polarity),
      text: target.text,
    });
  }
  return { superior: place(row.parent), targets };
}
