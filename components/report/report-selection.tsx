"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { type CorrectAccess, CorrectButton } from "@/components/review/correct-button";
import { PermalinkLink } from "@/components/target/permalink-link";
import { GapFigure } from "@/components/ui/gap-figure";
import { useMediaQuery } from "@/components/ui/use-media-query";
import { EstimatedMark, VerdictBadge } from "@/components/ui/verdict-badge";
import { format } from "@/lib/i18n";
import { formatConfidence, formatQuantity, formatTarget } from "@/lib/i18n/numbers";
import type { TGap, TMeasure, TQualifier, TVerdict } from "@/lib/schemas/extraction";

export interface SelectableTarget {
  id: string;
  indicator: string;
  measure: TMeasure;
  qualifier: TQualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  headline: boolean;
  text: string;
  verdict: TVerdict | null;
  /** The gap of verdicts.md (replaces 完成度), null where there is none. */
  gap: TGap | null;
  /** The target has a match an editor can correct from here (纠错). */
  correctable: boolean;
  match: {
    confidence: number;
    reason: string;
    ratio: number | null;
    manual: boolean;
    outcome: {
      id: string;
      reportId: string | null;
      value: number | null;
      unit: string | null;
      text: string;
      estimated: boolean;
      source: string | null;
    };
  } | null;
}

export interface SelectableOutcome {
  id: string;
  indicator: string;
  measure: TMeasure;
  value: number | null;
  unit: string | null;
  estimated: boolean;
  year: number;
  text: string;
  claim: { targetId: string; indicator: string; verdict: TVerdict; planYear: number; reportId: string } | null;
}

const subscribe = (callback: () => void) => {
  window.addEventListener("hashchange", callback);
  return () => window.removeEventListener("hashchange", callback);
};

/** Where the report's side column falls under its text (globals.css `.report-layout`): details open as a sheet. */
const SHEET_QUERY = "(max-width: 900px)";

/**
 * The item the URL's hash points at (`#t-…` or `#o-…`), shown beside the text with its match and links. On a narrow
 * screen, where the side column is far from the text, a tapped highlight's details open as a sheet over the bottom
 * of the window instead: closed with its button or Esc, focus taken in when a tap opens it and given back after.
 */
export function ReportSelection({
  code,
  planYear,
  access,
  targets,
  outcomes,
}: {
  code: string;
  planYear: number | null;
  access: CorrectAccess;
  targets: SelectableTarget[];
  outcomes: SelectableOutcome[];
}) {
  const t = useMessages();
  const locale = useLocale();
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );
  const narrow = useMediaQuery(SHEET_QUERY);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const tapped = useRef(false);
  const titleId = useId();
  // A link from the scorecard (…#t-id) may arrive before the text has streamed in: bring the item into view (on a
  // narrow screen near the top, above the sheet).
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: narrow ? "start" : "center" });
  }, [hash, narrow]);
  const target = hash.startsWith("#t-") ? targets.find((x) => x.id === hash.slice(3)) : undefined;
  const outcome = hash.startsWith("#o-") ? outcomes.find((x) => x.id === hash.slice(3)) : undefined;
  const sheet = narrow && (target !== undefined || outcome !== undefined) && dismissed !== hash;

  // A tap on a highlight (the same one again included, which changes no hash) opens its sheet.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest("a.hl")) return;
      tapped.current = true;
      setDismissed(null);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  const close = () => {
    setDismissed(hash);
    const highlight = document.getElementById(hash.slice(1)) ?? document.querySelector(`a.hl[href="${hash}"]`);
    if (highlight instanceof HTMLElement) highlight.focus();
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  useEffect(() => {
    if (!sheet) return;
    if (tapped.current) panel.current?.focus();
    tapped.current = false;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") closeRef.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [sheet]);

  return (
    <section
      ref={panel}
      className={`panel selected-panel${sheet ? " sheet-open" : ""}`}
      aria-live={sheet ? undefined : "polite"}
      role={sheet ? "dialog" : undefined}
      aria-labelledby={titleId}
      tabIndex={sheet ? -1 : undefined}
    >
      <div className="sheet-head">
        <h2 id={titleId} className="panel-title">
          {t.report.selected}
        </h2>
        {sheet ? (
          <button type="button" className="sheet-close" onClick={close}>
            <span aria-hidden="true">×</span> {t.screens.closeDetails}
          </button>
        ) : null}
      </div>
      {target ? (
        <div>
          <h3>
            <span className="tag tag-target">{t.report.legendTarget}</span> {target.indicator}
          </h3>
          <dl className="meta-list">
            <dt>{t.table.measure}</dt>
            <dd>{t.measure[target.measure]}</dd>
            <dt>{t.table.target}</dt>
            <dd className="num">{formatTarget(target, t, locale)}</dd>
            <dt>{t.table.verdict}</dt>
            <dd>{target.verdict ? <VerdictBadge verdict={target.verdict} t={t} /> : "—"}</dd>
            {target.match ? (
              <>
                <dt>{t.table.actual}</dt>
                <dd className="num">
                  {target.match.outcome.estimated ? <EstimatedMark t={t} /> : null}
                  {formatQuantity(target.match.outcome.value, target.match.outcome.unit, locale)}
                </dd>
                <dt>{t.gap.label}</dt>
                <dd className="num">
                  <GapFigure gap={target.gap} verdict={target.verdict ?? "no_outcome"} t={t} locale={locale} />
                </dd>
                <dt>{t.table.confidence}</dt>
                <dd className="num">{formatConfidence(target.match.confidence, locale)}</dd>
                <dt>{t.table.reason}</dt>
                <dd>{target.match.reason}</dd>
              </>
            ) : null}
          </dl>
          {target.match ? (
            <p>
              {t.report.matchedTo}
              {t.common.colon}
              {target.match.outcome.reportId ? (
                <a href={`/reports/${target.match.outcome.reportId}#o-${target.match.outcome.id}`}>
                  {target.match.outcome.text}
                </a>
              ) : (
                <span>
                  {target.match.outcome.text}
                  {format(t.common.paren, { text: target.match.outcome.source ?? "" })}
                </span>
              )}
            </p>
          ) : null}
          {planYear !== null && target.correctable ? (
            <p>
              <CorrectButton
                key={target.id}
                targetId={target.id}
                code={code}
                year={planYear}
                indicator={target.indicator}
                access={access}
              />
            </p>
          ) : null}
          {planYear !== null ? (
            <p>
              <Link href={`/j/${code}/${planYear}?q=${encodeURIComponent(target.indicator)}`}>
                {t.report.scorecardLink}
              </Link>
              {" · "}
              <Link href={`/review?code=${code}&year=${planYear}`}>{t.report.reviewLink}</Link>
              {" · "}
              <PermalinkLink id={target.id} indicator={target.indicator} text />
            </p>
          ) : null}
        </div>
      ) : outcome ? (
        <div>
          <h3>
            <span className="tag tag-outcome">{t.report.legendOutcome}</span> {outcome.indicator}
          </h3>
          <dl className="meta-list">
            <dt>{t.table.measure}</dt>
            <dd>{t.measure[outcome.measure]}</dd>
            <dt>{t.table.actual}</dt>
            <dd className="num">
              {outcome.estimated ? <EstimatedMark t={t} /> : null}
              {formatQuantity(outcome.value, outcome.unit, locale)}
            </dd>
            <dt>{t.common.year}</dt>
            <dd className="num">{outcome.year}</dd>
          </dl>
          {outcome.claim ? (
            <p>
              {t.report.takenBy}
              {t.common.colon}
              <a href={`/reports/${outcome.claim.reportId}#t-${outcome.claim.targetId}`}>{outcome.claim.indicator}</a>{" "}
              <VerdictBadge verdict={outcome.claim.verdict} t={t} />
              <br />
              <Link href={`/j/${code}/${outcome.claim.planYear}?q=${encodeURIComponent(outcome.claim.indicator)}`}>
                {t.report.scorecardLink}
              </Link>
            </p>
          ) : (
            <p className="muted">
              {t.report.unmatched} ·{" "}
              <Link href={`/review?code=${code}&year=${outcome.year}&reason=unmatched_outcome`}>
                {t.report.reviewLink}
              </Link>
            </p>
          )}
        </div>
      ) : (
        <p className="muted">{t.report.selectHint}</p>
      )}
      <p className="muted" style={{ fontSize: "0.8rem" }}>
        {format(t.report.counts, { targets: targets.length, outcomes: outcomes.length })}
      </p>
    </section>
  );
}
