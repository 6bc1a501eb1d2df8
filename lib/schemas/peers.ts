/**
 * Peers and amplification: one indicator and year across the jurisdictions of a level or under a superior
 * (lib/db/queries/peers.ts), and how their targets stand against their superiors' (lib/engine/peers).
 */
import { z } from "zod";
import { STRENGTHS } from "@/lib/export/strength";
import { ZMeasure, ZPolarity, ZQualifier, ZVerdict } from "./extraction";
import { ZFigure, ZText } from "./primitives";
import { ZCode, ZJurisdictionLevel, ZYear } from "./store";

/** The levels that have superiors, so peers of one level can be ranked. */
export const ZPeerLevel = ZJurisdictionLevel.exclude(["national"]);
export type TPeerLevel = z.infer<typeof ZPeerLevel>;

/**
 * `/peers` and `GET /api/peers`. A scope is a level (`level=province`), the subordinates of a superior
 * (`parent=440000`: its direct subordinates), or both (`parent=440000&level=county`: the counties anywhere under it).
 */
const ZIndicatorName = ZText.trim().min(1).max(60);
const ZComparedMeasure = ZMeasure.exclude(["qualitative"]);

/** The page's address: a parameter it cannot read falls back to the default instead of failing the page. */
export const ZPeersQuery = z.object({
  indicator: ZIndicatorName.catch("地区生产总值").default("地区生产总值"),
  measure: ZComparedMeasure.catch("growth").default("growth"),
  year: ZYear.optional().catch(undefined),
  level: ZPeerLevel.optional().catch(undefined),
  parent: ZCode.optional().catch(undefined),
});
export type TPeersQuery = z.infer<typeof ZPeersQuery>;

/** `GET /api/peers`: the same parameters, strictly (a misspelt or invalid one is a 400), and the format. */
export const ZPeersApiQuery = z
  .object({
    indicator: ZIndicatorName.default("地区生产总值"),
    measure: ZComparedMeasure.default("growth"),
    year: ZYear.optional(),
    level: ZPeerLevel.optional(),
    parent: ZCode.optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict();

/** A target as written, with the figure its verdict is decided by (`decisive`: a range's floor or cap). */
export const ZPeerTarget = z.object({
  id: z.string(),
  reportId: z.string(),
  qualifier: ZQualifier,
  value: ZFigure.nullable(),
  min: ZFigure.nullable(),
  max: ZFigure.nullable(),
  unit: z.string().nullable(),
  wording: z.string().nullable(),
  /** Hard or soft, coded from the wording (lib/export/strength.ts, the configured cues). */
  strength: z.enum(STRENGTHS),
  stretch: ZFigure.nullable(),
  headline: z.boolean(),
  text: z.string(),
  /** The bound that decides the verdict (verdicts.md): the value, or a range's floor (cap for lower-better). */
  decisive: ZFigure.nullable(),
});
export type TPeerTarget = z.infer<typeof ZPeerTarget>;

/**
 * What a plan says of the indicator: `target`; `no_target_set`, the plan's headline list is read and names no such
 * target (the State Council in 2020); `not_read`, a plan is imported but no headline list was read from it, so
 * absence cannot be told from a miss; `no_plan`, no plan of the year is imported.
 */
export const ZPlanStatus = z.enum(["target", "no_target_set", "not_read", "no_plan"]);
export type TPlanStatus = z.infer<typeof ZPlanStatus>;

export const ZPeerActual = z.object({
  outcomeId: z.string(),
  reportId: z.string().nullable(),
  value: ZFigure.nullable(),
  unit: z.string().nullable(),
  estimated: z.boolean(),
  text: z.string(),
  /** The outcome the engine (or an analyst) matched to last year's target; else the review's figure, unclaimed. */
  matched: z.boolean(),
});
export type TPeerActual = z.infer<typeof ZPeerActual>;

export const ZTargetChange = z.object({
  direction: z.enum(["raised", "unchanged", "lowered"]),
  /** This year's decisive figure minus last year's, in the target's unit (points for a rate in %). */
  by: z.number(),
  unit: z.string().nullable(),
});
export type TTargetChange = z.infer<typeof ZTargetChange>;

export const ZAmplification = z.object({
  relation: z.enum(["above", "equal", "below"]),
  /** The subordinate's decisive figure minus its superior's, in percentage points. */
  gap: z.number(),
});
export type TAmplification = z.infer<typeof ZAmplification>;

export const ZPeerRow = z.object({
  code: ZCode,
  name: z.string(),
  level: ZJurisdictionLevel,
  /** 1 for the highest target (the lowest for a lower-better indicator); ties share a rank. Null without a target. */
  rank: z.number().int().nullable(),
  status: ZPlanStatus,
  target: ZPeerTarget.nullable(),
  previous: z.object({
    status: ZPlanStatus,
    target: ZPeerTarget.nullable(),
    /** The verdict of last year's target. */
    verdict: ZVerdict.nullable(),
    actual: ZPeerActual.nullable(),
  }),
  change: ZTargetChange.nullable(),
  superior: z
    .object({
      code: ZCode,
      name: z.string(),
      status: ZPlanStatus,
      target: ZPeerTarget.nullable(),
    })
    .nullable(),
  /** Against the superior's target: only for rates in % (a county's GDP level is no match for its province's). */
  amplification: ZAmplification.nullable(),
  /** Last year's level of GDP from the jurisdiction's review, in 亿元: the weight of its target in the averages. */
  gdp: z.object({ value: z.number(), text: z.string() }).nullable(),
});
export type TPeerRow = z.infer<typeof ZPeerRow>;

/** A year of amplification across the scope: how subordinates' targets stand against their superiors'. */
export const ZAmplificationYear = z.object({
  year: z.number().int(),
  /** Subordinates with a target of the indicator, and of those, the ones whose superior set one too. */
  targets: z.number().int(),
  compared: z.number().int(),
  above: z.number().int(),
  equal: z.number().int(),
  below: z.number().int(),
  /** Mean of (subordinate − superior) in points over the compared ones. */
  meanGap: z.number().nullable(),
  /** Plain mean of the subordinates' decisive figures. */
  mean: z.number().nullable(),
  /** Mean weighted by last year's GDP level; `weighted` counts the targets that had a GDP level to weigh by. */
  weightedMean: z.number().nullable(),
  weighted: z.number().int(),
  /** The superior's own decisive figure when the scope has a single superior (else null). */
  superior: z.number().nullable(),
});
export type TAmplificationYear = z.infer<typeof ZAmplificationYear>;

export const ZPeers = z.object({
  indicator: z.string(),
  measure: ZMeasure,
  polarity: ZPolarity,
  /** The most common unit of the targets. */
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  /** Plan years any jurisdiction of the scope has a target of the indicator for, ascending. */
  years: z.array(z.number().int()),
  scope: z.object({
    level: ZPeerLevel.nullable(),
    parent: z.object({ code: ZCode, name: z.string(), level: ZJurisdictionLevel }).nullable(),
    /** The one superior of every jurisdiction of the scope, when there is one. */
    superior: z.object({ code: ZCode, name: z.string() }).nullable(),
  }),
  rows: z.array(ZPeerRow),
  amplification: z.array(ZAmplificationYear),
});
export type TPeers = z.infer<typeof ZPeers>;
