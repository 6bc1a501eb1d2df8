/**
 * Orphaned edits in the review queue (`edit_orphaned`): an analyst's edit a re-read could not carry to a successor
 * (lib/db/carry-over.ts). The queue shows the target (or figure) as it was, what the analyst decided, the edit trail
 * and the likely successors; an analyst carries the decision to one of them, as an edit of that target's match with
 * its own audit record, or dismisses it. Either way the orphan and its edits stay: only its state changes.
 */
import type { TReviewItem, TReviewOrphan } from "@/lib/schemas/dashboard";
import type { TOrphanResolution } from "@/lib/schemas/reread";
import type { TMatchEdit } from "@/lib/schemas/store";
import type { Db, Tx } from "./client";
import {
  orphanCauseColumn,
  orphanSnapshotColumn,
  orphanStateColumn,
  orphanSuccessorsColumn,
  verdictColumn,
} from "./columns";
import { applyMatchEdit, type EditResult } from "./edits";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import type { RematchOptions } from "./matching";
import { lockYears, writeTransaction } from "./transaction";
import { refreshYearTally } from "./year-tally";

interface YearPair {
  code: string;
  year: number;
}

/** The open orphans of the given years, in queue order (latest year first, then jurisdiction, then oldest first). */
export async function pageOfOrphans(db: Db, pairs: YearPair[], skip: number, take: number) {
  if (pairs.length === 0 || take <= 0) return [];
  return db.orphanedEdit.findMany({
    where: { state: "open", OR: pairs.map((pair) => ({ jurisdictionCode: pair.code, year: pair.year })) },
    orderBy: [{ year: "desc" }, { jurisdictionCode: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip,
    take,
    include: { edits: { orderBy: { createdAt: "asc" } } },
  });
}

type OrphanRow = Awaited<ReturnType<typeof pageOfOrphans>>[number];

/** The queue items of orphans, with the successors as the current reading has them. */
export async function orphanItems(db: Db, rows: OrphanRow[], names: Map<string, string>): Promise<TReviewItem[]> {
  const parsed = rows.map((row) => ({
    row,
    cause: orphanCauseColumn(row.cause, row.id),
    snapshot: orphanSnapshotColumn(row.snapshot, row.id),
    successors: orphanSuccessorsColumn(row.successors, row.id),
  }));
  const targetIds = parsed.filter((p) => p.cause === "target_gone").flatMap((p) => p.successors.map((s) => s.id));
  const outcomeIds = parsed.filter((p) => p.cause === "outcome_gone").flatMap((p) => p.successors.map((s) => s.id));
  const [targets, outcomes] = await Promise.all([
    db.target.findMany({
      where: { id: { in: targetIds } },
      select: {
        id: true,
        indicatorName: true,
        text: true,
        planYear: true,
        match: { select: { verdict: true, manual: true } },
      },
    }),
    db.outcome.findMany({
      where: { id: { in: outcomeIds } },
      select: { id: true, indicatorName: true, text: true, year: true },
    }),
  ]);
  const targetById = new Map(targets.map((t) => [t.id, t]));
  const outcomeById = new Map(outcomes.map((o) => [o.id, o]));
  return parsed.map(({ row, cause, snapshot, successors }) => {
    const orphan: TReviewOrphan = {
      id: row.id,
      cause,
      code: row.jurisdictionCode,
      name: names.get(row.jurisdictionCode) ?? row.jurisdictionCode,
      year: row.year,
      reportId: row.reportId,
      readerBefore: row.readerBefore,
      readerAfter: row.readerAfter,
      createdAt: row.createdAt.toISOString(),
      snapshot,
      targetId: cause === "outcome_gone" ? snapshot.target.id : null,
      edits: row.edits.map((edit) => ({
        editor: edit.editor,
        action: edit.action,
        note: edit.note,
        at: edit.createdAt.toISOString(),
        reverted: edit.revertedAt !== null,
      })),
      // A successor the reading has lost since (another re-read) is left out.
      successors: successors.flatMap((s) => {
        if (cause === "target_gone") {
          const target = targetById.get(s.id);
          if (!target) return [];
          return [
            {
              id: s.id,
              similarity: s.similarity,
              indicator: target.indicatorName,
              text: target.text,
              year: target.planYear,
              verdict: target.match ? verdictColumn(target.match.verdict, target.id) : null,
              manual: target.match?.manual ?? false,
            },
          ];
        }
        const outcome = outcomeById.get(s.id);
        if (!outcome) return [];
        return [
          {
            id: s.id,
            similarity: s.similarity,
            indicator: outcome.indicatorName,
            text: outcome.text,
            year: outcome.year,
            verdict: null,
            manual: false,
          },
        ];
      }),
    };
    return { kind: "orphan", key: `e-${row.id}`, reasons: ["edit_orphaned"], orphan };
  });
}

/**
 * The edit that carries an orphan's decision to `to`: for a target gone, the analyst's standing decision (not a
 * target; a link to the figure, where it is still read; else the verdict) on the successor's match; for a figure
 * gone, a link of the same match to the successor figure, with the analyst's verdict.
 */
async function carriedEdit(
  tx: Tx,
  orphan: { cause: string; snapshot: ReturnType<typeof orphanSnapshotColumn> },
  to: string,
  version: number,
  note: string,
): Promise<TMatchEdit> {
  const { match } = orphan.snapshot;
  if (orphan.cause === "outcome_gone") return { action: "link", outcomeId: to, verdict: match.verdict, version, note };
  if (match.notATarget) return { action: "not_a_target", notATarget: true, version, note };
  const linked = match.outcomeId
    ? await tx.outcome.findUnique({ where: { id: match.outcomeId }, select: { id: true } })
    : null;
  if (linked) return { action: "link", outcomeId: linked.id, verdict: match.verdict, version, note };
  return { action: "set_verdict", verdict: match.verdict, version, note };
}

/** Carry an open orphan over or dismiss it, in one transaction; a second resolution of the same orphan is refused. */
export async function resolveOrphan(
  db: Db,
  orphanId: string,
  resolution: TOrphanResolution,
  editor: string,
  options: RematchOptions,
): Promise<{ state: "carried" | "dismissed"; edit: EditResult | null }> {
  return writeTransaction(
    db,
    async (tx, provider) => {
      const located = await tx.orphanedEdit.findUnique({
        where: { id: orphanId },
        select: { jurisdictionCode: true, year: true },
      });
      if (!located) throw new NotFoundError(`no orphaned edit ${orphanId}`);
      await lockYears(tx, provider, [{ code: located.jurisdictionCode, year: located.year }]);
      const row = await tx.orphanedEdit.findUniqueOrThrow({ where: { id: orphanId } });
      const state = orphanStateColumn(row.state, row.id);
      if (state !== "open") throw new ConflictError(`this orphaned edit was already resolved (${state}); reload`);
      const orphan = {
        cause: orphanCauseColumn(row.cause, row.id),
        snapshot: orphanSnapshotColumn(row.snapshot, row.id),
      };

      let edit: EditResult | null = null;
      if (resolution.action === "carry") {
        const targetId =
          orphan.cause === "target_gone" ? resolution.to : row.matchId && (await targetOfMatch(tx, row.matchId));
        if (!targetId) throw new ConflictError("the target whose link was lifted is no longer read; dismiss this one");
        const target = await tx.target.findUnique({
          where: { id: targetId },
          select: { jurisdictionCode: true, match: { select: { version: true } } },
        });
        if (!target || target.jurisdictionCode !== row.jurisdictionCode)
          throw new InvalidInputError(`no target ${targetId} of ${row.jurisdictionCode} to carry the edit to`);
        if (orphan.cause === "outcome_gone") {
          const figure = await tx.outcome.findUnique({
            where: { id: resolution.to },
            select: { jurisdictionCode: true },
          });
          if (!figure || figure.jurisdictionCode !== row.jurisdictionCode)
            throw new InvalidInputError(`no figure ${resolution.to} of ${row.jurisdictionCode} to link`);
        }
        const version = target.match?.version ?? 0;
        edit = await applyMatchEdit(
          tx,
          provider,
          targetId,
          await carriedEdit(tx, orphan, resolution.to, version, resolution.note),
          editor,
          options,
        );
      }
      const resolved: "carried" | "dismissed" = resolution.action === "carry" ? "carried" : "dismissed";
      const { count } = await tx.orphanedEdit.updateMany({
        where: { id: orphanId, state: "open" },
        data: {
          state: resolved,
          resolvedBy: editor,
          resolvedAt: new Date(),
          resolvedTo: resolution.action === "carry" ? resolution.to : null,
          resolvedNote: resolution.note,
        },
      });
      if (count === 0) throw new ConflictError("someone resolved this orphaned edit at the same moment; reload");
      await refreshYearTally(tx, row.jurisdictionCode, row.year);
      return { state: resolved, edit };
    },
    { timeoutMs: 60_000 },
  );
}

async function targetOfMatch(tx: Tx, matchId: string): Promise<string | null> {
  const match = await tx.match.findUnique({ where: { id: matchId }, select: { targetId: true } });
  return match?.targetId ?? null;
}
