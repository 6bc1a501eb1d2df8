/**
 * Peers: one indicator and plan year across the jurisdictions of a level or under a superior, each with its target
 * as written, last year's target, actual and verdict, the change of target, and its superior's target; and for every
 * year, how the scope's targets stand against their superiors' (amplification, lib/engine/peers).
 */

import { lexiconEntry } from "@/lib/engine/indicators";
import { decisiveValue } from "@/lib/engine/match";
import { amplification, amplificationYear, gdpWeight, ranks, targetChange } from "@/lib/engine/peers";
import { codeStrength, DEFAULT_STRENGTH_CUES, type StrengthCues } from "@/lib/export/strength";
import type { TPolarity } from "@/lib/schemas/extraction";
import {
  type TPeerActual,
  type TPeerRow,
  type TPeers,
  type TPeersQuery,
  type TPeerTarget,
  type TPlanStatus,
  ZPeers,
} from "@/lib/schemas/peers";
import { type TJurisdictionLevel, ZJurisdictionLevel } from "@/lib/schemas/store";
import type { Db } from "../client";
import { polarityColumn, qualifierColumn, verdictColumn } from "../columns";
import { readableFigures } from "../rows";
import { storedNamesOf } from "./compare";

/** The indicator whose level weighs a jurisdiction's target in the averages. */
const GDP_INDICATOR = "地区生产总值";

/**
 * Codes per query: a scope of every county holds thousands, past the bound parameters a statement may take (Prisma
 * refuses a query over its limit), so long lists are read in chunks, in code order.
 */
const CODES_PER_QUERY = 400;

async function inChunks<T>(codes: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < codes.length; i += CODES_PER_QUERY)
    rows.push(...(await read(codes.slice(i, i + CODES_PER_QUERY))));
  return rows;
}

interface Place {
  code: string;
  name: string;
  level: TJurisdictionLevel;
  parentCode: string | null;
}

const placeSelect = { code: true, name: true, level: true, parentCode: true } as const;
const toPlace = (row: { code: string; name: string; level: string; parentCode: string | null }): Place => ({
  ...row,
  // A jurisdiction created with an unknown code is stored as a county: any other string reads as one too.
  level: ZJurisdictionLevel.catch("county").parse(row.level),
});

/** The jurisdictions of the scope that hold a report, by code. */
async function scopePlaces(db: Db, query: TPeersQuery, parent: Place | null): Promise<Place[]> {
  const reporting = { reports: { some: {} } };
  if (!parent) {
    const rows = await db.jurisdiction.findMany({
      where: { level: query.level ?? "province", ...reporting },
      select: placeSelect,
      orderBy: { code: "asc" },
    });
    return rows.map(toPlace);
  }
  // Walk down the tree from the superior (three levels at most); keep the level asked for, else its children.
  const found: Place[] = [];
  let frontier = [parent.code];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const rows = (
      await inChunks(frontier, (chunk) =>
        db.jurisdiction.findMany({
          where: { parentCode: { in: chunk } },
          select: { ...placeSelect, _count: { select: { reports: true } } },
          orderBy: { code: "asc" },
        }),
      )
    ).map((row) => ({ ...toPlace(row), reports: row._count.reports }));
    for (const row of rows) {
      if (row.reports === 0) continue;
      if (query.level ? row.level === query.level : depth === 0) found.push(row);
    }
    if (!query.level) break;
    frontier = rows.filter((row) => row.level !== query.level).map((row) => row.code);
  }
  return found.sort((a, b) => a.code.localeCompare(b.code));
}

function loadTargets(db: Db, codes: string[], names: string[], measure: string) {
  return inChunks(codes, (chunk) => targetsOf(db, chunk, names, measure));
}

function targetsOf(db: Db, codes: string[], names: string[], measure: string) {
  return db.target.findMany({
    where: {
      jurisdictionCode: { in: codes },
      indicatorName: { in: names },
      measure,
      OR: [{ match: null }, { match: { notATarget: false } }],
    },
    select: {
      id: true,
      reportId: true,
      jurisdictionCode: true,
      planYear: true,
      qualifier: true,
      value: true,
      min: true,
      max: true,
      unit: true,
      polarity: true,
      wording: true,
      stretch: true,
      headline: true,
      text: true,
      match: {
        select: {
          verdict: true,
          outcome: { select: { id: true, reportId: true, value: true, unit: true, estimated: true, text: true } },
        },
      },
    },
    // A year's headline statement stands for it, then the plan's order (as on the compare screen).
    orderBy: [{ jurisdictionCode: "asc" }, { planYear: "asc" }, { headline: "desc" }, { position: "asc" }],
  });
}

type TargetRow = Awaited<ReturnType<typeof targetsOf>>[number];

function peerActual(
  row: {
    id: string;
    reportId: string | null;
    value: number | null;
    unit: string | null;
    estimated: boolean;
    text: string;
  },
  matched: boolean,
): TPeerActual {
  const { id, ...rest } = readableFigures(row);
  return { outcomeId: id, ...rest, matched };
}

function peerTarget(row: TargetRow, cues: StrengthCues): TPeerTarget {
  const figures = readableFigures(row);
  const qualifier = qualifierColumn(row.qualifier);
  const polarity = polarityColumn(row.polarity);
  return {
    id: row.id,
    reportId: row.reportId,
    qualifier,
    value: figures.value,
    min: figures.min ?? null,
    max: figures.max ?? null,
    unit: row.unit,
    wording: row.wording,
    strength: codeStrength(row.wording, qualifier, cues),
    stretch: row.stretch !== null && Number.isFinite(row.stretch) ? row.stretch : null,
    headline: row.headline,
    text: row.text,
    decisive: decisiveValue({ ...figures, min: figures.min ?? null, max: figures.max ?? null, qualifier, polarity }),
  };
}

/** The first target of each jurisdiction and plan year: `code:year` → row. */
function firstTargets(rows: TargetRow[]): Map<string, TargetRow> {
  const first = new Map<string, TargetRow>();
  for (const row of rows) {
    const key = `${row.jurisdictionCode}:${row.planYear}`;
    if (!first.has(key)) first.set(key, row);
  }
  return first;
}

/** What each jurisdiction's plan of each year says of the indicator, apart from setting a target. */
async function planStatuses(db: Db, codes: string[], years: number[]): Promise<Map<string, TPlanStatus>> {
  const [plans, headlines] = await Promise.all([
    inChunks(codes, (chunk) =>
      db.report.findMany({
        where: { jurisdictionCode: { in: chunk }, kind: "work_report", planYear: { in: years } },
        select: { jurisdictionCode: true, planYear: true },
        distinct: ["jurisdictionCode", "planYear"],
      }),
    ),
    inChunks(codes, (chunk) =>
      db.target.groupBy({
        by: ["jurisdictionCode", "planYear"],
        where: { jurisdictionCode: { in: chunk }, planYear: { in: years }, headline: true },
      }),
    ),
  ]);
  const statuses = new Map<string, TPlanStatus>();
  for (const plan of plans) statuses.set(`${plan.jurisdictionCode}:${plan.planYear}`, "not_read");
  for (const row of headlines) statuses.set(`${row.jurisdictionCode}:${row.planYear}`, "no_target_set");
  return statuses;
}

/** `cues`: the hard and soft cue words targets are coded with (the settings', else the defaults). */
export async function getPeers(
  db: Db,
  query: TPeersQuery,
  cues: StrengthCues = DEFAULT_STRENGTH_CUES,
): Promise<TPeers | null> {
  const { measure } = query;
  // Every stored name the lexicon reads as the indicator (`经济增长`, `国内生产总值` → `地区生产总值`).
  const { canonical: indicator, names } = await storedNamesOf(db, query.indicator, measure);
  const parentRow = query.parent
    ? await db.jurisdiction.findUnique({ where: { code: query.parent }, select: placeSelect })
    : null;
  if (query.parent && !parentRow) return null;
  const parent = parentRow && toPlace(parentRow);
  const places = await scopePlaces(db, query, parent);
  const codes = places.map((p) => p.code);

  const superiorCodes = [...new Set(places.flatMap((p) => (p.parentCode ? [p.parentCode] : [])))].sort();
  const superiors = new Map(
    (
      await inChunks(superiorCodes, (chunk) =>
        db.jurisdiction.findMany({ where: { code: { in: chunk } }, select: placeSelect }),
      )
    ).map((row) => [row.code, toPlace(row)]),
  );
  const [targetRows, superiorRows] = await Promise.all([
    loadTargets(db, codes, names, measure),
    loadTargets(db, superiorCodes, names, measure),
  ]);
  const years = [...new Set(targetRows.map((row) => row.planYear))].sort((a, b) => a - b);
  const year = query.year ?? years.at(-1) ?? null;
  const polarity: TPolarity =
    lexiconEntry(indicator)?.polarity ?? (targetRows[0] ? polarityColumn(targetRows[0].polarity) : "higher_better");
  const unitCounts = new Map<string, number>();
  for (const row of targetRows) if (row.unit) unitCounts.set(row.unit, (unitCounts.get(row.unit) ?? 0) + 1);
  const unit = [...unitCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const first = firstTargets(targetRows);
  const superiorFirst = firstTargets(superiorRows);
  const targetOf = (code: string, y: number) => {
    const row = first.get(`${code}:${y}`) ?? superiorFirst.get(`${code}:${y}`);
    return row ? peerTarget(row, cues) : null;
  };

  // GDP levels of the year before each plan year, from the reviews: the weights of the averages.
  const weightYears = years.map((y) => y - 1);
  const gdpNames = (await storedNamesOf(db, GDP_INDICATOR, "level")).names;
  const levelRows = await inChunks(codes, (chunk) =>
    db.outcome.findMany({
      where: {
        jurisdictionCode: { in: chunk },
        indicatorName: { in: gdpNames },
        measure: "level",
        year: { in: weightYears },
        periodStart: null,
        value: { not: null },
      },
      select: { jurisdictionCode: true, year: true, value: true, unit: true, text: true },
      orderBy: [{ year: "asc" }, { position: "asc" }],
    }),
  );
  const levelsByKey = new Map<string, { value: number; unit: string | null; text: string }[]>();
  for (const row of levelRows) {
    const value = readableFigures(row).value;
    if (value === null) continue;
    const key = `${row.jurisdictionCode}:${row.year}`;
    levelsByKey.set(key, [...(levelsByKey.get(key) ?? []), { value, unit: row.unit, text: row.text }]);
  }
  const gdpOf = (code: string, y: number) => {
    const best = gdpWeight(levelsByKey.get(`${code}:${y}`) ?? []);
    return best && { value: best.weight, text: best.text };
  };

  const figure = (target: TPeerTarget | null) =>
    target?.decisive != null ? { value: target.decisive, unit: target.unit } : null;
  const amplificationOf = (code: string, parentCode: string | null, y: number) => {
    const own = figure(targetOf(code, y));
    const theirs = parentCode ? figure(targetOf(parentCode, y)) : null;
    return own && theirs ? amplification(own, theirs, polarity) : null;
  };

  const sharedSuperior = superiorCodes.length === 1 ? (superiors.get(superiorCodes[0] ?? "") ?? null) : null;
  const amplificationYears = years.map((y) =>
    amplificationYear(
      y,
      places.map((place) => ({
        value: figure(targetOf(place.code, y))?.value ?? null,
        amplification: amplificationOf(place.code, place.parentCode, y),
        weight: gdpOf(place.code, y - 1)?.value ?? null,
      })),
      sharedSuperior ? (figure(targetOf(sharedSuperior.code, y))?.value ?? null) : null,
    ),
  );

  const rows = year === null ? [] : await peerRows();
  async function peerRows(): Promise<TPeerRow[]> {
    const y = year as number;
    const statuses = await planStatuses(db, [...codes, ...superiorCodes], [y - 1, y]);
    const statusOf = (code: string, planYear: number): TPlanStatus =>
      first.has(`${code}:${planYear}`) || superiorFirst.has(`${code}:${planYear}`)
        ? "target"
        : (statuses.get(`${code}:${planYear}`) ?? "no_plan");
    const previousRows = new Map(
      codes.flatMap((code) => {
        const row = first.get(`${code}:${y - 1}`);
        return row ? [[code, row] as const] : [];
      }),
    );
    // Last year's actual where last year's target is not imported or not matched: the review's own figure.
    const unclaimed = await inChunks(codes, (chunk) =>
      db.outcome.findMany({
        where: {
          jurisdictionCode: { in: chunk },
          indicatorName: { in: names },
          measure,
          year: y - 1,
          periodStart: null,
          manual: false,
          conflictWithId: null,
        },
        select: {
          id: true,
          reportId: true,
          jurisdictionCode: true,
          value: true,
          unit: true,
          estimated: true,
          text: true,
        },
        orderBy: [{ position: "asc" }],
      }),
    );
    const reviewFigure = new Map<string, (typeof unclaimed)[number]>();
    for (const row of unclaimed)
      if (!reviewFigure.has(row.jurisdictionCode)) reviewFigure.set(row.jurisdictionCode, row);

    const targets = places.map((place) => targetOf(place.code, y));
    const rankOf = ranks(
      targets.map((t) => t?.decisive ?? null),
      polarity,
    );
    const peers = places.map((place, index) => {
      const target = targets[index] ?? null;
      const previousRow = previousRows.get(place.code);
      const previousTarget = previousRow ? peerTarget(previousRow, cues) : null;
      const matched = previousRow?.match?.outcome ?? null;
      const review = reviewFigure.get(place.code) ?? null;
      const actual = matched ? peerActual(matched, true) : review ? peerActual(review, false) : null;
      const now = figure(target);
      const before = figure(previousTarget);
      const superior = place.parentCode ? superiors.get(place.parentCode) : undefined;
      return {
        code: place.code,
        name: place.name,
        level: place.level,
        rank: rankOf[index] ?? null,
        status: statusOf(place.code, y),
        target,
        previous: {
          status: statusOf(place.code, y - 1),
          target: previousTarget,
          verdict: previousRow?.match ? verdictColumn(previousRow.match.verdict) : null,
          actual,
        },
        change: now && before ? targetChange(now, before) : null,
        superior: superior
          ? {
              code: superior.code,
              name: superior.name,
              status: statusOf(superior.code, y),
              target: targetOf(superior.code, y),
            }
          : null,
        amplification: amplificationOf(place.code, place.parentCode, y),
        gdp: gdpOf(place.code, y - 1),
      };
    });
    // Most ambitious first; jurisdictions without a target after, by code.
    return peers.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  }

  return ZPeers.parse({
    indicator,
    measure,
    polarity,
    unit,
    year,
    years,
    scope: {
      level: query.level ?? (parent ? null : "province"),
      parent: parent && { code: parent.code, name: parent.name, level: parent.level },
      superior: sharedSuperior && { code: sharedSuperior.code, name: sharedSuperior.name },
    },
    rows,
    amplification: amplificationYears,
  });
}
