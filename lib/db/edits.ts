/**
 * Hand edits of a target's match (verdicts.md, "Manual edits always win"). Each edit names the match version it saw:
 * a stale edit is refused (409), never applied over someone else's. The edit, its audit record and the re-fitting of
 * the engine's other matches around it are one transaction.
 */
import { judgeManualLink } from "@/lib/engine/match";
import type { Target } from "@/lib/generated/prisma-sqlite/client";
import type { TReason } from "@/lib/schemas/reasons";
import type { TEditAction, TManualOutcome, TMatchEdit, TMatchState } from "@/lib/schemas/store";
import type { Db, Tx } from "./client";
import { matchStateColumn, reasonsColumn, storedReasons, verdictColumn } from "./columns";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { type RematchOptions, rematchYear } from "./matching";
import type { Provider } from "./providers";
import { outcomeFromRow, targetFromRow } from "./rows";
import { lockYears, writeTransaction } from "./transaction";

/** The fields of a match an edit can change; `before`/`after` of the audit record hold them (ZMatchState). */
type MatchState = TMatchState;

export type EditAction = TEditAction;

export interface EditResult {
  matchId: string;
  version: number;
  action: EditAction;
}

/** The editable fields of a stored match row, its verdict and reasons read as codes. */
const stateOf = (match: Omit<MatchState, "verdict" | "reason"> & { id: string; verdict: string; reason: string }) => ({
  outcomeId: match.outcomeId,
  verdict: verdictColumn(match.verdict, match.id),
  reason: reasonsColumn(match.reason, match.id),
  confidence: match.confidence,
  ratio: match.ratio,
  manual: match.manual,
  notATarget: match.notATarget,
  flagged: match.flagged,
});

export async function editMatch(
  db: Db,
  targetId: string,
  edit: TMatchEdit,
  editor: string,
  options: RematchOptions,
): Promise<EditResult> {
  return writeTransaction(db, (tx, provider) => applyMatchEdit(tx, provider, targetId, edit, editor, options), {
    timeoutMs: 60_000,
  });
}

/**
 * The edit inside the caller's write transaction (`editMatch`, or carrying an orphaned edit over with its
 * resolution): the year's lock, the version check, the new state, its audit record and the year's re-judgement.
 */
export async function applyMatchEdit(
  tx: Tx,
  provider: Provider,
  targetId: string,
  edit: TMatchEdit,
  editor: string,
  options: RematchOptions,
): Promise<EditResult> {
  const located = await tx.target.findUnique({
    where: { id: targetId },
    select: { jurisdictionCode: true, planYear: true },
  });
  if (!located) throw new NotFoundError(`no target ${targetId}`);
  // The year's lock first, then the match: no re-judgement of the year can slip in between read and write.
  await lockYears(tx, provider, [{ code: located.jurisdictionCode, year: located.planYear }]);
  const target = await tx.target.findUniqueOrThrow({ where: { id: targetId }, include: { match: true } });
  const match = target.match;
  if (!match) throw new NotFoundError(`target ${targetId} has not been judged yet`);
  if (match.version !== edit.version) {
    throw new ConflictError(
      `someone else changed this match (version ${match.version}, the edit saw ${edit.version}); reload and try again`,
      { version: match.version },
    );
  }
  const action = edit.action;
  const before: MatchState = stateOf(match);
  const after = await nextState(tx, target, before, edit, options);

  // The conditional update is the lock: of two edits that read the same version, only one changes a row.
  const { count } = await tx.match.updateMany({
    where: { id: match.id, version: edit.version },
    data: { ...after, reason: storedReasons(after.reason), version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError("someone else changed this match at the same moment; reload and try again");
  await tx.edit.create({
    data: { matchId: match.id, editor, action, before: { ...before }, after: { ...after }, note: edit.note },
  });
  await rematchYear(tx, provider, target.jurisdictionCode, target.planYear, options);
  return { matchId: match.id, version: edit.version + 1, action };
}

type TargetRow = Target;

async function nextState(
  tx: Tx,
  target: TargetRow,
  before: MatchState,
  edit: TMatchEdit,
  options: RematchOptions,
): Promise<MatchState> {
  const manual = { ...before, manual: true, flagged: false };
  const noteReason: TReason[] = [{ code: "manual_note", note: edit.note }];
  switch (edit.action) {
    case "undo":
      return undoState(tx, target);
    case "accept":
      return manual;
    case "not_a_target":
      return { ...manual, notATarget: edit.notATarget, reason: noteReason };
    case "unlink":
      return {
        ...manual,
        outcomeId: null,
        verdict: edit.verdict ?? ((await yearReviewed(tx, target)) ? "no_outcome" : "pending"),
        ratio: null,
        confidence: 1,
        reason: noteReason,
      };
    case "set_verdict":
      return { ...manual, verdict: edit.verdict, confidence: 1, reason: noteReason };
    case "link":
    case "manual_outcome": {
      const outcome =
        edit.action === "link"
          ? await linkableOutcome(tx, target, edit.outcomeId)
          : await createManualOutcome(tx, target, edit.manualOutcome);
      // Checked like an engine match: incompatible units or measures give needs_review with the reason shown,
      // unless the analyst also set the verdict (verdicts.md "Manual edits always win").
      const judged = judgeManualLink(targetFromRow(target), outcomeFromRow(outcome), {
        ...options,
        verdict: edit.verdict ?? null,
      });
      const ratio = judged.ratio !== null && Number.isFinite(judged.ratio) ? judged.ratio : null;
      return {
        ...manual,
        outcomeId: outcome.id,
        verdict: judged.verdict,
        ratio,
        confidence: 1,
        reason: [{ code: edit.verdict ? "manual_verdict" : "manual_link", note: edit.note, checked: judged.reason }],
      };
    }
  }
}

/** A report reviewing the target's plan year is imported. */
async function yearReviewed(tx: Tx, target: TargetRow): Promise<boolean> {
  const review = await tx.report.findFirst({
    where: { jurisdictionCode: target.jurisdictionCode, reviewYear: target.planYear },
    select: { id: true },
  });
  return review !== null;
}

/** The state before the latest edit not yet reverted; that edit is marked reverted. */
async function undoState(tx: Tx, target: TargetRow): Promise<MatchState> {
  const last = await tx.edit.findFirst({
    where: { match: { targetId: target.id }, action: { not: "undo" }, revertedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!last) throw new InvalidInputError("there is no edit to undo");
  await tx.edit.update({ where: { id: last.id }, data: { revertedAt: new Date() } });
  return matchStateColumn(last.before, last.id);
}

async function linkableOutcome(tx: Tx, target: TargetRow, outcomeId: string) {
  const outcome = await tx.outcome.findUnique({ where: { id: outcomeId } });
  if (!outcome) throw new NotFoundError(`no outcome ${outcomeId}`);
  if (outcome.periodStart !== null) {
    throw new InvalidInputError(
      `outcome ${outcomeId} is a figure of the period ${outcome.periodStart}–${outcome.periodEnd}, not of one year: it cannot be linked to a target`,
    );
  }
  if (outcome.jurisdictionCode !== target.jurisdictionCode || outcome.year !== target.planYear) {
    throw new InvalidInputError(
      `outcome ${outcomeId} reports on ${outcome.jurisdictionCode} ${outcome.year}, the target on ${target.jurisdictionCode} ${target.planYear}`,
    );
  }
  return outcome;
}

function createManualOutcome(tx: Tx, target: TargetRow, entered: TManualOutcome) {
  return tx.outcome.create({
    data: {
      jurisdictionCode: target.jurisdictionCode,
      year: target.planYear,
      indicatorName: target.indicatorName,
      measure: target.measure === "qualitative" ? "level" : target.measure,
      value: entered.value,
      unit: entered.unit,
      polarity: target.polarity,
      estimated: false,
      text: entered.text,
      source: entered.source,
      manual: true,
      readerVersion: "manual",
    },
  });
}
