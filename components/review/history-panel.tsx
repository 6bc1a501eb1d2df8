"use client";

import { useEffect, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { format } from "@/lib/i18n";
import { type TEditRecord, ZEditHistory } from "@/lib/schemas/dashboard";
import { getJson } from "./api";

function describe(
  state: TEditRecord["before"],
  outcomes: Record<string, string>,
  t: ReturnType<typeof useMessages>,
): string {
  const parts: string[] = [];
  if (
    state.verdict &&
    (state.verdict === "met" ||
      state.verdict === "missed" ||
      state.verdict === "no_outcome" ||
      state.verdict === "needs_review")
  ) {
    parts.push(t.verdict[state.verdict]);
  }
  if (state.notATarget) parts.push(t.verdict.notATarget);
  if (state.outcomeId)
    parts.push(format(t.common.quote, { text: (outcomes[state.outcomeId] ?? state.outcomeId).slice(0, 40) }));
  else if (state.outcomeId === null) parts.push(t.review.noOutcome);
  // Written by the server in the reader's locale.
  if (state.reason) parts.push(state.reason);
  return parts.join(" · ");
}

/** The audit trail of one target's match: who, when, what it was and became, why; reverted edits struck through. */
export function HistoryPanel({ targetId, revision }: { targetId: string; revision: number }) {
  const t = useMessages();
  const locale = useLocale();
  const [items, setItems] = useState<TEditRecord[] | null>(null);
  const [failed, setFailed] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` changes after each saved edit, to reload
  useEffect(() => {
    const controller = new AbortController();
    setFailed(false);
    getJson(`/api/targets/${encodeURIComponent(targetId)}/edits`, (v) => ZEditHistory.parse(v), controller.signal)
      .then((history) => setItems(history.items))
      .catch((error: unknown) => {
        if ((error as Error).name !== "AbortError") setFailed(true);
      });
    return () => controller.abort();
  }, [targetId, revision]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });
  return (
    <section className="history" aria-live="polite" aria-label={t.review.history}>
      <h3>{t.review.history}</h3>
      {failed ? (
        <p className="field-error">{t.review.historyError}</p>
      ) : items === null ? (
        <p className="muted">{t.review.historyLoading}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t.review.historyEmpty}</p>
      ) : (
        <ol>
          {items.map((edit) => (
            <li key={edit.id} className={edit.revertedAt ? "reverted" : undefined} data-action={edit.action}>
              <span className="history-action">{t.review.actions[edit.action] ?? edit.action}</span>
              {edit.revertedAt ? <span className="tag">{t.review.reverted}</span> : null}{" "}
              <span className="muted">
                {format(t.review.by, { editor: edit.editor, time: time.format(new Date(edit.createdAt)) })}
              </span>
              <div>{format(t.common.quote, { text: edit.note })}</div>
              <div className="history-change">
                {t.review.before}
                {t.common.colon}
                {describe(edit.before, edit.outcomes, t) || "—"} → {t.review.after}
                {t.common.colon}
                {describe(edit.after, edit.outcomes, t) || "—"}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
