"use client";

import { type Ref, useId, useImperativeHandle, useRef, useState } from "react";
import { useMessages } from "@/components/i18n-provider";
import { format } from "@/lib/i18n";
import type { TCandidate } from "@/lib/schemas/dashboard";
import { type TVerdict, ZVerdict } from "@/lib/schemas/extraction";
import type { TStoredMatch } from "@/lib/schemas/store";
import { type EditRequest, type EditResult, patchMatch } from "./api";
import { CandidatePicker } from "./candidate-picker";
import { HistoryPanel } from "./history-panel";

export interface EditorHandle {
  accept: () => void;
  edit: () => void;
  undo: () => void;
}

type Panel = "none" | "relink" | "manual" | "verdict";

export type Status =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "conflict"; version: number | null }
  | { kind: "error"; message: string };

/** The note every edit must carry, with its error announced and linked to the field. */
export function NoteField({
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

export function StatusLine({ status }: { status: Status }) {
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
function optimistic(match: TStoredMatch, edit: EditRequest, candidate?: TCandidate): TStoredMatch {
  const base = { ...match, manual: true, flagged: false };
  switch (edit.action) {
    case "accept":
      return base;
    case "not_a_target":
      return { ...base, notATarget: edit.notATarget };
    case "unlink":
      return { ...base, outcome: null, verdict: edit.verdict ?? "no_outcome", ratio: null };
    case "set_verdict":
      return { ...base, verdict: edit.verdict };
    case "link":
      return candidate ? linkedTo(base, candidate) : match;
    case "manual_outcome":
    case "undo":
      return match;
  }
}

/** The match linked to a candidate outcome, before the engine's check of the link decides its verdict. */
function linkedTo(base: TStoredMatch, candidate: TCandidate): TStoredMatch {
  const { id, indicator, measure, value, unit, text, estimated, reportId, manual } = candidate;
  return { ...base, outcome: { id, indicator, measure, value, unit, text, estimated, reportId, manual, source: null } };
}

/**
 * The edit panel of one target (verdicts.md "Manual edits always win"): accept, pick another outcome, unlink, enter
 * the outcome by hand, set the verdict, mark as not a target, undo, and the audit trail. The review queue's items and
 * the 纠错 dialog of the scorecard, the headline cards and the report view all use this one panel.
 */
export function MatchEditor({
  targetId,
  targetUnit,
  match,
  onMatch,
  canEdit,
  handle,
  onSaved,
}: {
  targetId: string;
  targetUnit: string | null;
  /** The match as shown now; the editor reports every change (optimistic, saved, rolled back) through onMatch. */
  match: TStoredMatch;
  onMatch: (match: TStoredMatch) => void;
  canEdit: boolean;
  handle?: Ref<EditorHandle>;
  onSaved?: (match: TStoredMatch) => void;
}) {
  const t = useMessages();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>("none");
  /** A button that opens one panel, or closes it when it is open. */
  const panelToggle = (name: Exclude<Panel, "none">) => ({
    "aria-expanded": panel === name,
    onClick: () => setPanel(panel === name ? "none" : name),
  });
  const [showHistory, setShowHistory] = useState(false);
  const [revision, setRevision] = useState(0);
  const [manual, setManual] = useState({ value: "", unit: targetUnit ?? "", text: "", source: "" });
  const [verdict, setVerdict] = useState<TVerdict>(match.verdict);
  const noteInput = useRef<HTMLInputElement>(null);
  const ids = {
    note: useId(),
    value: useId(),
    unit: useId(),
    text: useId(),
    source: useId(),
    verdict: useId(),
  };
  const busy = status.kind === "saving";
  const disabled = !canEdit || busy;

  async function send(edit: EditRequest, candidate?: TCandidate): Promise<void> {
    if (!canEdit) return;
    if (!note.trim()) {
      setNoteError(t.review.noteRequired);
      noteInput.current?.focus();
      return;
    }
    setNoteError(null);
    const before = match;
    onMatch(optimistic(before, edit, candidate));
    setStatus({ kind: "saving" });
    const result: EditResult = await patchMatch(targetId, { ...edit, version: before.version, note: note.trim() });
    if (result.ok) {
      onMatch(result.match);
      setVerdict(result.match.verdict);
      setStatus({ kind: "saved" });
      setNote("");
      setPanel("none");
      setRevision((r) => r + 1);
      onSaved?.(result.match);
      return;
    }
    onMatch(before); // roll back
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
    accept: () => void send({ action: "accept" }),
    edit: () => {
      setPanel("relink");
      noteInput.current?.focus();
    },
    undo: () => void send({ action: "undo" }),
  }));

  const outcome = match.outcome;
  const manualValue = Number(manual.value);
  const manualValid =
    manual.value.trim() !== "" &&
    Number.isFinite(manualValue) &&
    manual.unit.trim() &&
    manual.text.trim() &&
    manual.source.trim();

  return (
    <>
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
              onClick={() => void send({ action: "accept" })}
              aria-keyshortcuts="a"
            >
              {t.review.accept}
            </button>
            <button type="button" disabled={disabled} {...panelToggle("relink")} aria-keyshortcuts="e">
              {t.review.relink}
            </button>
            <button type="button" disabled={disabled || !outcome} onClick={() => void send({ action: "unlink" })}>
              {t.review.unlink}
            </button>
            <button type="button" disabled={disabled} {...panelToggle("manual")}>
              {t.review.manual}
            </button>
            <button type="button" disabled={disabled} {...panelToggle("verdict")}>
              {t.review.setVerdict}
            </button>
            <button
              type="button"
              disabled={disabled}
              onClick={() => void send({ action: "not_a_target", notATarget: !match.notATarget })}
            >
              {match.notATarget ? t.review.isATarget : t.review.notATarget}
            </button>
            <button
              type="button"
              disabled={disabled}
              onClick={() => void send({ action: "undo" })}
              aria-keyshortcuts="u"
            >
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
            targetId={targetId}
            currentOutcomeId={outcome?.id ?? null}
            disabled={disabled}
            onChoose={(c) => void send({ action: "link", outcomeId: c.id }, c)}
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
              action: "manual_outcome",
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
            void send({ action: "set_verdict", verdict });
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
      {showHistory ? <HistoryPanel targetId={targetId} revision={revision} /> : null}
    </>
  );
}
