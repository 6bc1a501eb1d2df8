/**
 * What a re-read keeps (lib/db/reread.ts, lib/db/carry-over.ts): the hints a document was first read with, and the
 * analysts' work it could not carry to a successor (OrphanedEdit rows).
 */
import { z } from "zod";
import { ZMeasure, ZQualifier, ZVerdict } from "./extraction";
import { ZId, ZText } from "./primitives";

/** `Document.hints`: ReadHints as stored (lib/engine/reader/types.ts). */
export const ZStoredHints = z.object({
  jurisdiction: z.string().optional(),
  code: z.string().optional(),
  year: z.number().int().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  publishDate: z.string().optional(),
});

/** `target_gone`: the current reader reads no successor of an edited target; `outcome_gone`: of a linked figure. */
export const ZOrphanCause = z.enum(["target_gone", "outcome_gone"]);
/** `archived`: the target's edits had all been undone; kept for the audit trail, never a queue item. */
export const ZOrphanState = z.enum(["open", "carried", "dismissed", "archived"]);

const figure = z.number().nullable();

export const ZOrphanTarget = z.object({
  id: z.string(),
  reportId: z.string(),
  planYear: z.number().int(),
  indicatorName: z.string(),
  measure: ZMeasure,
  qualifier: ZQualifier,
  value: figure,
  min: figure,
  max: figure,
  unit: z.string().nullable(),
  headline: z.boolean(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  readerVersion: z.string(),
});

export const ZOrphanOutcome = z.object({
  id: z.string(),
  reportId: z.string().nullable(),
  year: z.number().int(),
  indicatorName: z.string(),
  measure: ZMeasure,
  value: figure,
  min: figure,
  max: figure,
  unit: z.string().nullable(),
  text: z.string(),
  readerVersion: z.string(),
});

/** The match as the analyst left it. */
export const ZOrphanMatch = z.object({
  id: z.string(),
  verdict: ZVerdict,
  outcomeId: z.string().nullable(),
  manual: z.boolean(),
  notATarget: z.boolean(),
  version: z.number().int(),
});

/** `OrphanedEdit.snapshot`: the target (gone, or the one whose link was lost), its match, and the linked figure. */
export const ZOrphanSnapshot = z.object({
  target: ZOrphanTarget,
  match: ZOrphanMatch,
  outcome: ZOrphanOutcome.nullable(),
});

/** `OrphanedEdit.successors`: the likely successors' ids, best first, with their similarity in [0, 1]. */
export const ZOrphanSuccessors = z.array(z.object({ id: z.string(), similarity: z.number().min(0).max(1) }));

export type TStoredHints = z.infer<typeof ZStoredHints>;
export type TOrphanCause = z.infer<typeof ZOrphanCause>;
export type TOrphanState = z.infer<typeof ZOrphanState>;
export type TOrphanSnapshot = z.infer<typeof ZOrphanSnapshot>;
export type TOrphanSuccessors = z.infer<typeof ZOrphanSuccessors>;

/** `POST /api/orphans/{id}`: carry an orphan's decision to a successor (a target, or a figure), or dismiss it. */
export const ZOrphanResolution = z.discriminatedUnion("action", [
  z
    .object({ action: z.literal("carry"), to: ZId, note: ZText.trim().min(1, "a short note is required").max(1000) })
    .strict(),
  z.object({ action: z.literal("dismiss"), note: ZText.trim().min(1, "a short note is required").max(1000) }).strict(),
]);
export type TOrphanResolution = z.infer<typeof ZOrphanResolution>;

export const ZOrphanResolved = z.object({ id: z.string(), state: ZOrphanState });
