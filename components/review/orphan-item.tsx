"use client";

import { type Ref, useId, useImperativeHandle, useRef, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { format } from "@/lib/i18n";
import { formatConfidence } from "@/lib/i18n/numbers";
import type { TReviewItem } from "@/lib/schemas/dashboard";
import type { TOrphanResolution } from "@/lib/schemas/reread";
import { NoteField, type Status, StatusLine } from "./match-editor";
import type { ItemHandle } from "./review-item";

async function postResolution(orphanId: string, body: TOrphanResolution): Promise<Status> {
  let response: Response;
  try {
    response = await fetch(`/api/orphans/${encodeURIComponent(orphanId)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: "error", message: "network" };
  }
  if (response.ok) return { kind: "saved" };
  if (response.status === 409) return { kind: "conflict", version: null };
  const json = (await response.json().catch(() => null)) as { error?: string } | null;
  return { kind: "error", message: json?.error ?? String(response.status) };
}

/**
 * An analyst's edit a re-read left without its target (or its linked figure): the target as it was, the analyst's
 * decision and edit trail, and the likely successors of the new reading, each offered to carry the decision to.
 */
export function OrphanReviewItem({
  item,
  canEdit,
  active,
  onActivate,
  handle,
}: {
  item: Extract<TReviewItem, { kind: "orphan" }>;
  canEdit: boolean;
  active: boolean;
  onActivate: () => void;
  handle: Ref<ItemHandle>;
}) {
  const t = useMessages();
  const locale = useLocale();
  const o = item.orphan;
  const { target, match, outcome } = o.snapshot;
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [resolved, setResolved] = useState<"carried" | "dismissed" | null>(null);
  const container = useRef<HTMLLIElement>(null);
  const noteInput = useRef<HTMLInputElement>(null);
  const ids = { note: useId(), title: useId() };
  const busy = status.kind === "saving";

  useImperativeHandle(handle, () => ({
    focus: () => container.current?.focus(),
    accept: () => noteInput.current?.focus(),
    edit: () => noteInput.current?.focus(),
    undo: () => undefined,
  }));

  async function resolve(body: TOrphanResolution) {
    if (!body.note.trim()) {
      setNoteError(t.review.noteRequired);
      noteInput.current?.focus();
      return;
    }
    setNoteError(null);
    setStatus({ kind: "saving" });
    const result = await postResolution(o.id, body);
    setStatus(result);
    // The item stays in place with its confirmation (refreshing the page now would drop it from the list before
    // the analyst has read what happened); the queue's counts follow on the next visit.
    if (result.kind === "saved") setResolved(body.action === "carry" ? "carried" : "dismissed");
  }

  const title =
    o.cause === "target_gone"
      ? format(t.review.orphan.targetTitle, { name: o.name, year: o.year, indicator: target.indicatorName })
      : format(t.review.orphan.outcomeTitle, { name: o.name, year: o.year, indicator: outcome?.indicatorName ?? "" });
  return (
    <li
      ref={container}
      id={item.key}
      className={`review-item${active ? " active" : ""}${resolved ? " resolved" : ""}`}
      tabIndex={-1}
      aria-labelledby={ids.title}
      onFocus={onActivate}
    >
      <div className="review-head">
        <h2 id={ids.title}>{title}</h2>
        <span className="reason-tags">
          {item.reasons.map((reason) => (
            <span key={reason} className="tag">
              {t.review.reasons[reason]}
            </span>
          ))}
        </span>
      </div>
      <p className="muted">{format(t.review.orphan.readers, { before: o.readerBefore, after: o.readerAfter })}</p>
      <div className="side-by-side">
        <div className="side">
          <h3>{o.cause === "target_gone" ? t.review.orphan.was : t.review.target}</h3>
          <p>
            <mark className="hl hl-target">{target.text}</mark>
          </p>
          {o.cause === "outcome_gone" ? (
            <>
              <h3>{t.review.orphan.wasOutcome}</h3>
              <p>
                <mark className="hl hl-outcome">{outcome?.text}</mark>
              </p>
            </>
          ) : null}
        </div>
        <div className="side">
          <h3>{t.review.orphan.decided}</h3>
          <p>
            {match.notATarget ? (
              <span className="tag">{t.review.orphan.notATarget}</span>
            ) : (
              <VerdictBadge verdict={match.verdict} t={t} />
            )}
          </p>
          {o.cause === "target_gone" && outcome ? (
            <p className="muted">{format(t.review.orphan.linkedTo, { text: outcome.text })}</p>
          ) : null}
          <h3>{t.review.orphan.trail}</h3>
          <ol className="history-list">
            {o.edits.map((edit) => (
              <li key={`${edit.at}-${edit.action}`} className={edit.reverted ? "reverted" : undefined}>
                <span className="history-action">{t.review.actions[edit.action] ?? edit.action}</span>{" "}
                <span className="muted">
                  {edit.editor} · {new Date(edit.at).toLocaleString(locale)}
                </span>
                <span> {edit.note}</span>
              </li>
            ))}
          </ol>
        </div>
      </div>

      <h3>{t.review.orphan.successors}</h3>
      {o.successors.length === 0 ? <p className="muted">{t.review.orphan.successorsEmpty}</p> : null}
      <ul className="candidate-list">
        {o.successors.map((successor) => (
          <li key={successor.id}>
            <span>{successor.text}</span>{" "}
            <span className="muted">
              {successor.indicator} ·{" "}
              {format(t.review.orphan.similarity, { value: formatConfidence(successor.similarity, locale) })}
            </span>{" "}
            {successor.verdict ? <VerdictBadge verdict={successor.verdict} t={t} /> : null}
            {successor.manual ? <span className="tag">{t.review.orphan.hasManual}</span> : null}{" "}
            {canEdit && !resolved ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => resolve({ action: "carry", to: successor.id, note })}
              >
                {t.review.orphan.carry}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && !resolved ? (
        <div className="editor-actions">
          <NoteField
            id={ids.note}
            value={note}
            onChange={setNote}
            error={noteError}
            disabled={busy}
            inputRef={noteInput}
          />
          <button type="button" disabled={busy} onClick={() => resolve({ action: "dismiss", note })}>
            {t.review.orphan.dismiss}
          </button>
        </div>
      ) : null}
      {resolved ? (
        <p className="status-line notice notice-ok" role="status">
          {resolved === "carried" ? t.review.orphan.carried : t.review.orphan.dismissed}
        </p>
      ) : (
        <StatusLine status={status} />
      )}
    </li>
  );
}
