"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { GapFigure } from "@/components/ui/gap-figure";
import { EstimatedMark, VerdictBadge } from "@/components/ui/verdict-badge";
import { gapOfMatch } from "@/lib/charts/gap";
import { format } from "@/lib/i18n";
import { formatQuantity, formatTarget } from "@/lib/i18n/numbers";
import { type TStoredMatch, type TStoredTarget, ZScorecardYear } from "@/lib/schemas/store";
import { getJson } from "./api";
import { MatchEditor } from "./match-editor";

/** Who may correct: an editor; else why not (not signed in, or a read-only instance). */
export type CorrectAccess = "editor" | "sign_in" | "read_only";

type Loaded =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "failed" }
  | { kind: "missing" }
  | { kind: "ready"; target: TStoredTarget; match: TStoredMatch };

/**
 * The 纠错 action of a scorecard row, a headline card or a report highlight: opens the review queue's edit panel for
 * that target in a dialog, whatever the engine's confidence. The current match (and its version) is read when the
 * dialog opens, so an edit never starts from a stale page; after a save the page is refreshed when it closes.
 * Signed-out readers see the action disabled; the page's notice tells them how to sign in.
 */
export function CorrectButton({
  targetId,
  code,
  year,
  indicator,
  access,
}: {
  targetId: string;
  code: string;
  year: number;
  indicator: string;
  access: CorrectAccess;
}) {
  const t = useMessages();
  const locale = useLocale();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ kind: "idle" });
  const [changed, setChanged] = useState(false);
  const titleId = useId();

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setLoaded({ kind: "loading" });
    getJson(`/api/jurisdictions/${code}/years/${year}`, (v) => ZScorecardYear.parse(v), controller.signal)
      .then((scorecard) => {
        const target = scorecard.targets.find((x) => x.id === targetId);
        setLoaded(target?.match ? { kind: "ready", target, match: target.match } : { kind: "missing" });
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ kind: "failed" });
      });
    return () => controller.abort();
  }, [open, code, year, targetId]);

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  if (access !== "editor") {
    const why = access === "read_only" ? t.correct.readOnly : t.correct.signIn;
    return (
      <button
        type="button"
        className="correct-button"
        disabled
        title={why}
        aria-label={`${t.correct.action}（${why}）`}
      >
        {t.correct.action}
      </button>
    );
  }

  const close = () => {
    dialog.current?.close();
  };
  const onClosed = () => {
    setOpen(false);
    setLoaded({ kind: "idle" });
    if (changed) {
      setChanged(false);
      router.refresh();
    }
  };

  return (
    <>
      <button
        type="button"
        className="correct-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title={format(t.correct.title, { indicator })}
      >
        {t.correct.action}
      </button>
      {open ? (
        <dialog ref={dialog} className="correct-dialog" aria-labelledby={titleId} onClose={onClosed}>
          <div className="dialog-head">
            <h2 id={titleId}>{format(t.correct.title, { indicator })}</h2>
            <button type="button" className="link-button" onClick={close}>
              {t.common.close}
            </button>
          </div>
          <p className="field-hint">{t.correct.lead}</p>
          {loaded.kind === "loading" || loaded.kind === "idle" ? (
            <p className="muted" role="status">
              {t.correct.loading}
            </p>
          ) : loaded.kind === "failed" ? (
            <p className="notice notice-error" role="alert">
              {t.correct.failed}
            </p>
          ) : loaded.kind === "missing" ? (
            <p className="notice">{t.correct.missing}</p>
          ) : (
            <>
              <div className="correct-current">
                <span>
                  {t.common.target} <span className="num">{formatTarget(loaded.target, t, locale)}</span>
                </span>
                <span>
                  {t.common.actual}{" "}
                  {loaded.match.outcome ? (
                    <span className="num">
                      {loaded.match.outcome.estimated ? <EstimatedMark t={t} /> : null}
                      {formatQuantity(loaded.match.outcome.value, loaded.match.outcome.unit, locale)}
                    </span>
                  ) : (
                    <span className="muted">{t.common.none}</span>
                  )}
                </span>
                <VerdictBadge verdict={loaded.match.verdict} t={t} notATarget={loaded.match.notATarget} />
                <GapFigure gap={gapOfMatch(loaded.match)} verdict={loaded.match.verdict} t={t} locale={locale} />
                {loaded.match.manual ? <span className="tag">{t.common.manual}</span> : null}
              </div>
              <p className="cell-text">
                <mark className="hl hl-target">{loaded.target.text}</mark>
              </p>
              {loaded.match.outcome ? (
                <p className="cell-text">
                  <mark className="hl hl-outcome">{loaded.match.outcome.text}</mark>
                </p>
              ) : null}
              {loaded.match.reason ? <p className="evidence-reason">{loaded.match.reason}</p> : null}
              <MatchEditor
                targetId={targetId}
                targetUnit={loaded.target.unit}
                match={loaded.match}
                onMatch={(match) => setLoaded({ ...loaded, match })}
                canEdit
                onSaved={() => setChanged(true)}
              />
            </>
          )}
        </dialog>
      ) : null}
    </>
  );
}
