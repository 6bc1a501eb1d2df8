"use client";

import { type Ref, useId, useImperativeHandle, useRef, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { SnippetText } from "@/components/ui/snippet";
import { EstimatedMark, VerdictBadge } from "@/components/ui/verdict-badge";
import { format } from "@/lib/i18n";
import { formatConfidence, formatQuantity, formatTarget } from "@/lib/i18n/numbers";
import type { TCandidate, TReviewItem, TTargetChoice } from "@/lib/schemas/dashboard";
import { type TVerdict, ZVerdict } from "@/lib/schemas/extraction";
import type { TStoredMatch } from "@/lib/schemas/store";
import { type EditBody, type EditResult, patchMatch } from "./api";
import { CandidatePicker } from "./candidate-picker";
import { HistoryPanel } from "./history-panel";
import { TargetPicker } from "./target-picker";

export interface ItemHandle {
  focus: () => void;
  accept: () => void;
  edit: () => void;
  undo: () => void;
}

type Panel = "none" | "relink" | "manual" | "verdict";

type Status =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "conflict"; version: number | null }
  | { kind: "error"; message: string };

interface ItemProps {
  item: TReviewItem;
  canEdit: boolean;
  active: boolean;
  onActivate: () => void;
  handle: Ref<ItemHandle>;
}

/** The note every edit must carry, with its error announced and linked to the field. */
function NoteField({
  id,
  value,
  onChange,
  error,
  disabled,
  inputRef,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement>;
}) {
  const t = useMessages();
  return (
    <div className="note-field">
      <label htmlFor={id}>{t.review.note}</label>
      <input
        id={id}
        ref={inputRef}
        value={value}
        maxLength={1000}
        placeholder={t.review.notePlaceholder}
        disabled={disabled}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function StatusLine({ status }: { status: Status }) {
  const t = useMessages();
  if (status.kind === "idle") return <p className="status-line" role="status" aria-live="polite" />;
  if (status.kind === "saving")
    return (
      <p className="status-line muted" role="status" aria-live="polite">
        {t.review.saving}
      </p>
    );
  if (status.kind === "saved")
    return (
      <p className="status-line notice notice-ok" role="status" aria-live="polite">
        {t.review.saved} {t.review.resolvedHint}
      </p>
    );
  if (status.kind === "conflict")
    return (
      <p className="status-line notice notice-error" role="alert">
        {format(t.review.conflict, { version: status.version ?? "?" })}{" "}
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          {t.review.reload}
        </button>
      </p>
    );
  return (
    <p className="status-line notice notice-error" role="alert">
      {format(t.review.failed, { message: status.message })}
    </p>
  );
}

/** What a successful edit will most likely look like, shown at once and rolled back if the server refuses it. */
function optimistic(match: TStoredMatch, edit: Record<string, unknown>, candidate?: TCandidate): TStoredMatch {
  const base = { ...match, manual: true, flagged: false };
  if (edit.accept) return base;
  if (edit.notATarget !== undefined) return { ...base, notATarget: edit.notATarget === true };
  if (edit.outcomeId === null) return { ...base, outcome: null, verdict: "no_outcome", ratio: null };
  if (candidate) {
    return {
      ...base,
      outcome: {
        id: candidate.id,
        indicator: candidate.indicator,
        measure: candidate.measure,
        value: candidate.value,
        unit: candidate.unit,
        text: candidate.text,
        estimated: candidate.estimated,
        reportId: candidate.reportId,
        manual: candidate.manual,
        source: null,
      },
    };
  }
  if (edit.verdict) return { ...base, verdict: edit.verdict as TVerdict };
  return match;
}

/** A judged target needing a person: both sentences side by side and every action of verdicts.md. */
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
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>("none");
  const [showHistory, setShowHistory] = useState(false);
  const [revision, setRevision] = useState(0);
  const [manual, setManual] = useState({ value: "", unit: item.target.unit ?? "", text: "", source: "" });
  const [verdict, setVerdict] = useState<TVerdict>(match.verdict);
  const container = useRef<HTMLLIElement>(null);
  const noteInput = useRef<HTMLInputElement>(null);
  const ids = {
    note: useId(),
    title: useId(),
    value: useId(),
    unit: useId(),
    text: useId(),
    source: useId(),
    verdict: useId(),
  };
  const busy = status.kind === "saving";
  const disabled = !canEdit || busy;

  async function send(edit: Record<string, unknown>, candidate?: TCandidate): Promise<void> {
    if (!canEdit) return;
    if (!note.trim()) {
      setNoteError(t.review.noteRequired);
      noteInput.current?.focus();
      return;
    }
    setNoteError(null);
    const before = match;
    setMatch(optimistic(before, edit, candidate));
    setStatus({ kind: "saving" });
    const result: EditResult = await patchMatch(item.target.id, {
      version: before.version,
      note: note.trim(),
      ...edit,
    } as EditBody);
    if (result.ok) {
      setMatch(result.match);
      setVerdict(result.match.verdict);
      setStatus({ kind: "saved" });
      setNote("");
      setPanel("none");
      setRevision((r) => r + 1);
      return;
    }
    setMatch(before); // roll back
    if (result.kind === "conflict") setStatus({ kind: "conflict", version: result.version });
    else if (result.kind === "invalid" && result.fieldErrors.note) {
      setNoteError(t.review.noteRequired);
      setStatus({ kind: "idle" });
    } else
      setStatus({
        kind: "error",
        message: result.kind === "failed" && result.message === "network" ? t.errors.network : result.message,
      });
  }

  useImperativeHandle(handle, () => ({
    focus: () => container.current?.focus(),
    accept: () => void send({ accept: true }),
    edit: () => {
      setPanel("relink");
      noteInput.current?.focus();
    },
    undo: () => void send({ undo: true }),
  }));

  const outcome = match.outcome;
  const sameOutcome = outcome && item.outcome && outcome.id === item.outcome.id;
  const manualValue = Number(manual.value);
  const manualValid =
    manual.value.trim() !== "" &&
    Number.isFinite(manualValue) &&
    manual.unit.trim() &&
    manual.text.trim() &&
    manual.source.trim();

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
          {format(t.review.item, { name: item.target.name, year: item.target.year, indicator: item.target.indicator })}
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

      {canEdit ? (
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
              className="primary"
              disabled={disabled}
              onClick={() => void send({ accept: true })}
              aria-keyshortcuts="a"
            >
              {t.review.accept}
            </button>
            <button
              type="button"
              disabled={disabled}
              aria-expanded={panel === "relink"}
              onClick={() => setPanel(panel === "relink" ? "none" : "relink")}
              aria-keyshortcuts="e"
            >
              {t.review.relink}
            </button>
            <button type="button" disabled={disabled || !outcome} onClick={() => void send({ outcomeId: null })}>
              {t.review.unlink}
            </button>
            <button
              type="button"
              disabled={disabled}
              aria-expanded={panel === "manual"}
              onClick={() => setPanel(panel === "manual" ? "none" : "manual")}
            >
              {t.review.manual}
            </button>
            <button
              type="button"
              disabled={disabled}
              aria-expanded={panel === "verdict"}
              onClick={() => setPanel(panel === "verdict" ? "none" : "verdict")}
            >
              {t.review.setVerdict}
            </button>
            <button type="button" disabled={disabled} onClick={() => void send({ notATarget: !match.notATarget })}>
              {match.notATarget ? t.review.isATarget : t.review.notATarget}
            </button>
            <button type="button" disabled={disabled} onClick={() => void send({ undo: true })} aria-keyshortcuts="u">
              {t.review.undo}
            </button>
            <button
              type="button"
              className="link-button"
              aria-expanded={showHistory}
              onClick={() => setShowHistory((s) => !s)}
            >
              {t.review.history}
            </button>
          </div>
        </>
      ) : (
        <div className="review-actions">
          <button
            type="button"
            className="link-button"
            aria-expanded={showHistory}
            onClick={() => setShowHistory((s) => !s)}
          >
            {t.review.history}
          </button>
        </div>
      )}
      <StatusLine status={status} />

      {panel === "relink" && canEdit ? (
        <div className="review-panel">
          <CandidatePicker
            targetId={item.target.id}
            currentOutcomeId={outcome?.id ?? null}
            disabled={disabled}
            onChoose={(c) => void send({ outcomeId: c.id }, c)}
          />
        </div>
      ) : null}
      {panel === "manual" && canEdit ? (
        <form
          className="review-panel manual-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!manualValid) return;
            void send({
              manualOutcome: {
                value: manualValue,
                unit: manual.unit.trim(),
                text: manual.text.trim(),
                source: manual.source.trim(),
              },
            });
          }}
        >
          <div className="field">
            <label htmlFor={ids.value}>{t.review.value}</label>
            <input
              id={ids.value}
              inputMode="decimal"
              required
              value={manual.value}
              onChange={(e) => setManual({ ...manual, value: e.target.value })}
              aria-invalid={manual.value !== "" && !Number.isFinite(manualValue) ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.unit}>{t.review.unit}</label>
            <input
              id={ids.unit}
              required
              maxLength={20}
              value={manual.unit}
              onChange={(e) => setManual({ ...manual, unit: e.target.value })}
            />
          </div>
          <div className="field wide">
            <label htmlFor={ids.source}>{t.review.source}</label>
            <input
              id={ids.source}
              required
              maxLength={500}
              placeholder={t.review.sourcePlaceholder}
              value={manual.source}
              onChange={(e) => setManual({ ...manual, source: e.target.value })}
            />
          </div>
          <div className="field wide" style={{ gridColumn: "1 / -2" }}>
            <label htmlFor={ids.text}>{t.review.text}</label>
            <input
              id={ids.text}
              required
              maxLength={2000}
              value={manual.text}
              onChange={(e) => setManual({ ...manual, text: e.target.value })}
            />
          </div>
          <div className="field">
            <button type="submit" className="primary" disabled={disabled || !manualValid}>
              {t.review.saveManual}
            </button>
          </div>
        </form>
      ) : null}
      {panel === "verdict" && canEdit ? (
        <form
          className="review-panel form-row"
          onSubmit={(event) => {
            event.preventDefault();
            void send({ verdict });
          }}
        >
          <div className="field">
            <label htmlFor={ids.verdict}>{t.review.verdictLabel}</label>
            <select id={ids.verdict} value={verdict} onChange={(e) => setVerdict(e.target.value as TVerdict)}>
              {ZVerdict.options.map((v) => (
                <option key={v} value={v}>
                  {t.verdict[v]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit" className="primary" disabled={disabled}>
              {t.review.setVerdict}
            </button>
          </div>
        </form>
      ) : null}
      {showHistory ? <HistoryPanel targetId={item.target.id} revision={revision} /> : null}
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
    const result = await patchMatch(choice.id, { version: choice.version, note: note.trim(), outcomeId: o.id });
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
        <h2 id={ids.title}>{format(t.review.outcomeItem, { name: o.name, year: o.year, indicator: o.indicator })}</h2>
        <span className="reason-tags">
          <span className="tag">{t.review.reasons.unmatched_outcome}</span>
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
      {canEdit ? (
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
      {open && canEdit ? (
        <div className="review-panel">
          <TargetPicker outcomeId={o.id} disabled={busy} onChoose={(choice) => void link(choice)} />
        </div>
      ) : null}
    </li>
  );
}
