/**
 * Stored columns read back through the shared schemas, never cast: an enum column must hold one of its codes and a
 * JSON column its shape. Every write goes through the same schemas, so a value that fails here is a corrupted row;
 * the read fails naming the column and the row, where the fault is, not as a wrong verdict screens later.
 */
import { z } from "zod";
import { ZMeasure, ZOutcome, ZPolarity, ZQualifier, ZSection, ZVerdict } from "@/lib/schemas/extraction";
import { ZJobFileState, ZJobKind, ZJobParams, ZJobResult, ZJobState } from "@/lib/schemas/jobs";
import { type TReason, ZReasons } from "@/lib/schemas/reasons";
import { ZOrphanCause, ZOrphanSnapshot, ZOrphanState, ZOrphanSuccessors } from "@/lib/schemas/reread";
import { ZImportResult, ZMatchState } from "@/lib/schemas/store";

export class StoredRowError extends Error {}

function column<S extends z.ZodType>(schema: S, name: string) {
  return (value: unknown, rowId?: string): z.infer<S> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const shown = JSON.stringify(value)?.slice(0, 80) ?? String(value);
    throw new StoredRowError(`the stored ${name}${rowId ? ` of row ${rowId}` : ""} is not valid: ${shown}`);
  };
}

export const measureColumn = column(ZMeasure, "measure");
export const qualifierColumn = column(ZQualifier, "qualifier");
export const polarityColumn = column(ZPolarity, "polarity");
export const verdictColumn = column(ZVerdict, "verdict");
/** An outcome's result stated in words (`met`/`missed`), or none. */
export const statedColumn = column(ZOutcome.shape.stated.unwrap(), "stated result");
/** A report's sections (`Report.sections`). */
export const sectionsColumn = column(z.array(ZSection), "sections");
/** An edit's `before` or `after` (`Edit.before`, `Edit.after`). */
export const matchStateColumn = column(ZMatchState, "match state of an edit");
/** A background job's kind, state, parameters and result (`Job`); a job never written yet has no result. */
export const jobKindColumn = column(ZJobKind, "job kind");
export const jobStateColumn = column(ZJobState, "job state");
export const jobParamsColumn = column(ZJobParams, "job parameters");
/** An import job's file: its state, and its import result once done (`JobFile`). */
export const jobFileStateColumn = column(ZJobFileState, "job file state");
export const jobFileResultColumn = column(ZImportResult.nullable(), "job file result");
export const jobResultColumn = column(
  ZJobResult.nullable().transform((r) => r ?? ZJobResult.parse({})),
  "job result",
);

const reasonsJson = column(ZReasons, "reason");

/** A match's reasons (`Match.reason`, a JSON array of TReason in a text column). */
export function reasonsColumn(value: string, rowId?: string): TReason[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = value;
  }
  return reasonsJson(parsed, rowId);
}

/** Reasons as `Match.reason` stores them, checked on the way in as on the way out. */
export const storedReasons = (reasons: readonly TReason[]): string => JSON.stringify(ZReasons.parse(reasons));

/** An orphaned edit's cause, state, snapshot and likely successors (`OrphanedEdit`, lib/db/carry-over.ts). */
export const orphanCauseColumn = column(ZOrphanCause, "orphan cause");
export const orphanStateColumn = column(ZOrphanState, "orphan state");
export const orphanSnapshotColumn = column(ZOrphanSnapshot, "orphan snapshot");
export const orphanSuccessorsColumn = column(ZOrphanSuccessors, "orphan successors");
