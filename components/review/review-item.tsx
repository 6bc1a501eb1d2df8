"use client";

import { type Ref, useId, useImperativeHandle, useRef, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { SnippetText } from "@/components/ui/snippet";
import { EstimatedMark, VerdictBadge } from "@/components/ui/verdict-badge";
import { format } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import { formatConfidence, formatQuantity, formatTarget } from "@/lib/i18n/numbers";
import type { TReviewItem, TTargetChoice } from "@/lib/schemas/dashboard";
import type { TSourceFigure, TStoredMatch } from "@/lib/schemas/store";
import { patchMatch } from "./api";
import { type EditorHandle, MatchEditor, NoteField, type Status, StatusLine } from "./match-editor";
import { TargetPicker } from "./target-picker";

export interface ItemHandle {
  focus: () => void;
  accept: () => void;
  edit: () => void;
  undo: () => void;
}

interface ItemProps {
  item: TReviewItem;
  canEdit: boolean;
  active: boolean;
  onActivate: () => void;
  handle: Ref<ItemHandle>;
}

/** A judged target needing a person: both sentences side by side and every action of verdicts.md. */
/** Each review source's figure for the item, the one the verdict used first; a disagreement is said in words. */
export function SourceFigures({ sources, conflict }: { sources: TSourceFigure[] | undefined; conflict: boolean }) {
  const t = useMessages();
  const locale = useLocale();
  if (!sources || sources.length === 0) return null;
  return (
    <div className={`source-figures${conflict ? " notice notice-error" : ""}`}>
      <strong>{conflict ? t.review.sourceConflict : t.review.sources}</strong>
      <ul className="source-list">
        {sources.map((source) => (
          <li key={source.outcomeId}>
            <span className="num">
              {source.estimated ? <EstimatedMark t={t} /> : null}
              {formatQuantity(source.value, source.unit, locale)}
            </span>{" "}
            {source.reportId ? (
              <a href={`/reports/${source.reportId}#o-${source.outcomeId}`} title={source.text}>
                {source.source ?? source.text}
              </a>
            ) : source.url ? (
              <a href={source.url} title={source.text}>
                {source.source ?? source.url}
              </a>
            ) : (
              <span title={source.text}>{source.source ?? source.text}</span>
            )}
            {source.agrees ? null : <span className="tag">{t.review.reasons.source_conflict}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TargetReviewItem({
  item,
  canEdit,
  active,
  onActivate,
  handle,
}: ItemProps & { item: Extract<TReviewItem, { kind: "target" }> }) {
  const t = useMessages();
  const locale = useLocale();
  const [match, setMatch] = useState<TStoredMatch>(item.match);
  const [saved, setSaved] = useState(false);
  const container = useRef<HTMLLIElement>(null);
  const editor = useRef<EditorHandle>(null);
  const titleId = useId();

  useImperativeHandle(handle, () => ({
    focus: () => container.current?.focus(),
    accept: () => editor.current?.accept(),
    edit: () => editor.current?.edit(),
    undo: () => editor.current?.undo(),
  }));

  const outcome = match.outcome;
  const sameOutcome = outcome && item.outcome && outcome.id === item.outcome.id;
  return (
    <li
      ref={container}
      id={item.key}
      className={`review-item${active ? " active" : ""}${saved ? " resolved" : ""}`}
      tabIndex={-1}
      aria-labelledby={titleId}
      onFocus={onActivate}
    >
      <div className="review-head">
        <h2 id={titleId}>
          {format(t.review.item, {
            name: item.target.name,
            year: item.target.year,
            indicator: indicatorLabel(item.target.indicator, locale),
          })}
        </h2>
        <span className="reason-tags">
          {item.reasons.map((reason) => (
            <span key={reason} className="tag">
              {t.review.reasons[reason]}
            </span>
          ))}
          <VerdictBadge verdict={match.verdict} t={t} notATarget={match.notATarget} />
          {match.manual ? <span className="tag">{t.common.manual}</span> : null}
        </span>
      </div>
      <div className="side-by-side">
        <div className="side">
          <h3>
            <span>{t.review.target}</span>
            <span className="figure num">{formatTarget(item.target, t, locale)}</span>
          </h3>
          <p>
            <SnippetText snippet={item.target.snippet} kind="target" />
          </p>
          <a href={`/reports/${item.target.reportId}#t-${item.target.id}`}>{t.table.evidenceLink}</a>
        </div>
        <div className="side">
          <h3>
            <span>{t.review.outcome}</span>
            {outcome ? (
              <span className="figure num">
                {outcome.estimated ? <EstimatedMark t={t} /> : null}
                {formatQuantity(outcome.value, outcome.unit, locale)}
              </span>
            ) : null}
          </h3>
          {outcome ? (
            <>
              <p>
                {sameOutcome && item.outcome ? (
                  <SnippetText snippet={item.outcome.snippet} kind="outcome" />
                ) : (
                  <mark className="hl hl-outcome">{outcome.text}</mark>
                )}
              </p>
              {outcome.reportId ? (
                <a href={`/reports/${outcome.reportId}#o-${outcome.id}`}>{t.table.evidenceLink}</a>
              ) : (
                <span className="muted">{outcome.source}</span>
              )}
              <span className="muted">
                {" "}
                · {format(t.review.confidence, { value: formatConfidence(match.confidence, locale) })}
              </span>
            </>
          ) : (
            <p className="muted">{t.review.noOutcome}</p>
          )}
          {match.reason ? <p className="evidence-reason">{match.reason}</p> : null}
        </div>
      </div>

      <SourceFigures
        sources={item.sources ?? match.sources}
        conflict={item.reasons.includes("source_conflict") || match.sourceConflict === true}
      />
      <MatchEditor
        targetId={item.target.id}
        targetUnit={item.target.unit}
        match={match}
        onMatch={setMatch}
        canEdit={canEdit}
        handle={editor}
        onSaved={() => setSaved(true)}
      />
    </li>
  );
}

/** A review figure no target claimed: its sentence, and the plan's targets it could be matched to. */
export function OutcomeReviewItem({
  item,
  canEdit,
  active,
  onActivate,
  handle,
}: ItemProps & { item: Extract<TReviewItem, { kind: "outcome" }> }) {
  const t = useMessages();
  const locale = useLocale();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [linked, setLinked] = useState<TTargetChoice | null>(null);
  const container = useRef<HTMLLIElement>(null);
  const noteInput = useRef<HTMLInputElement>(null);
  const ids = { note: useId(), title: useId() };
  const busy = status.kind === "saving";
  const o = item.outcome;

  async function link(choice: TTargetChoice) {
    if (!note.trim()) {
      setNoteError(t.review.noteRequired);
      noteInput.current?.focus();
      return;
    }
    if (choice.version === null) return;
    setNoteError(null);
    setLinked(choice);
    setStatus({ kind: "saving" });
    const result = await patchMatch(choice.id, {
      action: "link",
      version: choice.version,
      note: note.trim(),
      outcomeId: o.id,
    });
    if (result.ok) {
      setStatus({ kind: "saved" });
      setNote("");
      setOpen(false);
      return;
    }
    setLinked(null);
    if (result.kind === "conflict") setStatus({ kind: "conflict", version: result.version });
    else setStatus({ kind: "error", message: result.message });
  }

  useImperativeHandle(handle, () => ({
    focus: () => container.current?.focus(),
    accept: () => undefined,
    edit: () => {
      setOpen(true);
      noteInput.current?.focus();
    },
    undo: () => undefined,
  }));

  return (
    <li
      ref={container}
      id={item.key}
      className={`review-item${active ? " active" : ""}${status.kind === "saved" ? " resolved" : ""}`}
      tabIndex={-1}
      aria-labelledby={ids.title}
      onFocus={onActivate}
    >
      <div className="review-head">
        <h2 id={ids.title}>
          {format(t.review.outcomeItem, { name: o.name, year: o.year, indicator: indicatorLabel(o.indicator, locale) })}
        </h2>
        <span className="reason-tags">
          {(item.reasons.length > 0 ? item.reasons : (["unmatched_outcome"] as const)).map((reason) => (
            <span key={reason} className="tag">
              {t.review.reasons[reason]}
            </span>
          ))}
          {o.period ? (
            <span className="tag" data-period={o.period.join("-")}>
              {t.review.periodTag} {format(t.scorecard.periodSpan, { first: o.period[0], last: o.period[1] })}
            </span>
          ) : null}
        </span>
      </div>
      <div className="side-by-side">
        <div className="side">
          <h3>{t.review.target}</h3>
          {linked ? (
            <p>
              <mark className="hl hl-target">{linked.text}</mark>
            </p>
          ) : (
            <p className="muted">{t.review.noOutcome}</p>
          )}
        </div>
        <div className="side">
          <h3>
            <span>{t.review.outcome}</span>
            <span className="figure num">
              {o.estimated ? <EstimatedMark t={t} /> : null}
              {formatQuantity(o.value, o.unit, locale)}
            </span>
          </h3>
          <p>
            <SnippetText snippet={o.snippet} kind="outcome" />
          </p>
          {o.reportId ? <a href={`/reports/${o.reportId}#o-${o.id}`}>{t.table.evidenceLink}</a> : null}
        </div>
      </div>
      <SourceFigures sources={item.sources} conflict={item.reasons.includes("source_conflict")} />
      {/* A period figure is matched to no year's target (verdicts.md "Periods are not years"). */}
      {canEdit && !o.period ? (
        <>
          <NoteField
            id={ids.note}
            value={note}
            onChange={setNote}
            error={noteError}
            disabled={busy}
            inputRef={noteInput}
          />
          <div className="review-actions">
            <button
              type="button"
              disabled={busy}
              aria-expanded={open}
              onClick={() => setOpen((v) => !v)}
              aria-keyshortcuts="e"
            >
              {t.review.linkTarget}
            </button>
          </div>
        </>
      ) : null}
      <StatusLine status={status} />
      {open && canEdit && !o.period ? (
        <div className="review-panel">
          <TargetPicker outcomeId={o.id} disabled={busy} onChoose={(choice) => void link(choice)} />
        </div>
      ) : null}
    </li>
  );
}
