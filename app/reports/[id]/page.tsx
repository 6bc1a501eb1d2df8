import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { loadScorecard } from "@/app/_lib/data";
import { one, type SearchParams } from "@/app/_lib/params";
import { correctAccess, getViewer } from "@/app/_lib/viewer";
import { ReportReaderNotice } from "@/components/jobs/stale-notices";
import { ReportSelection } from "@/components/report/report-selection";
import { ReportText } from "@/components/report/report-text";
import { EditorNotice } from "@/components/ui/notice";
import { WidgetSkeleton } from "@/components/ui/skeleton";
import { WidgetBoundary } from "@/components/ui/widget-boundary";
import { gapOfMatch } from "@/lib/charts/gap";
import { getDb } from "@/lib/db/client";
import { getOutcomeClaims, getReportOriginalText, getTargetOutcomes } from "@/lib/db/queries/report-view";
import { getReport, getReportReaderVersion } from "@/lib/db/queries/reports";
import { format } from "@/lib/i18n";
import { formatNumber } from "@/lib/i18n/numbers";
import { renderReasons } from "@/lib/i18n/reasons";
import { getLocale, getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const loadReport = cache(async (id: string) => (id.length > 64 ? null : getReport(getDb(), id)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, t] = await Promise.all([params, getMessages()]);
  const report = await loadReport(id);
  if (!report) return { title: t.errors.notFoundTitle };
  return {
    title: format(t.report.title, {
      name: report.jurisdiction,
      year: report.year,
      kind: t.report.kinds[report.kind] ?? report.kind,
    }),
  };
}

/** A report's text with its targets and outcomes highlighted, what was detected about it, and its original text. */
export default async function ReportPage({ params, searchParams }: Props) {
  const [{ id }, query, t, locale] = await Promise.all([params, searchParams, getMessages(), getLocale()]);
  const report = await loadReport(id);
  if (!report) notFound();
  const view = one(query, "view") === "original" ? "original" : "normalized";
  const reportYear = report.planYear ?? report.reviewYear ?? report.year;
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/">{t.nav.overview}</Link> / <Link href={`/j/${report.code}`}>{report.jurisdiction}</Link>
      </nav>
      <h1>
        {format(t.report.title, {
          name: report.jurisdiction,
          year: report.year,
          kind: t.report.kinds[report.kind] ?? report.kind,
        })}
      </h1>
      <Suspense fallback={null}>
        <ReaderNotice id={id} code={report.code} year={report.year} name={report.jurisdiction} />
      </Suspense>
      <div className="report-layout">
        <div>
          <div className="report-toolbar">
            <nav className="view-toggle" aria-label={t.report.viewToggle}>
              <Link href={`/reports/${id}`} aria-current={view === "normalized" ? "true" : undefined} replace>
                {t.report.normalized}
              </Link>
              <Link
                href={`/reports/${id}?view=original`}
                aria-current={view === "original" ? "true" : undefined}
                replace
              >
                {t.report.original}
              </Link>
            </nav>
            {view === "normalized" ? (
              <span className="legend-inline">
                <span className="visually-hidden">
                  {t.report.legend}
                  {t.common.colon}
                </span>
                <mark className="hl hl-target">{t.report.legendTarget}</mark>
                <mark className="hl hl-outcome">{t.report.legendOutcome}</mark>
              </span>
            ) : null}
          </div>
          {view === "original" ? (
            <WidgetBoundary title={t.report.original}>
              <Suspense fallback={<WidgetSkeleton label={t.common.loading} height={480} />}>
                <OriginalText id={id} note={t.report.originalNote} />
              </Suspense>
            </WidgetBoundary>
          ) : (
            <ReportText
              text={report.text}
              sections={report.sections}
              labels={{ target: t.report.legendTarget, outcome: t.report.legendOutcome }}
              highlights={[
                ...report.targets.map((x) => ({ id: x.id, kind: "target" as const, start: x.start, end: x.end })),
                ...report.outcomes.flatMap((x) =>
                  x.start === null || x.end === null
                    ? []
                    : [{ id: x.id, kind: "outcome" as const, start: x.start, end: x.end }],
                ),
              ]}
            />
          )}
        </div>
        <aside className="report-side">
          <section className="panel" aria-labelledby="meta-title">
            <h2 id="meta-title" className="panel-title">
              {t.report.meta}
            </h2>
            <dl className="meta-list">
              <dt>{t.report.jurisdiction}</dt>
              <dd>
                <Link href={`/j/${report.code}`}>{report.jurisdiction}</Link>{" "}
                <span className="num muted">{report.code}</span>
              </dd>
              <dt>{t.report.year}</dt>
              <dd className="num">{report.year}</dd>
              {report.planYear !== null ? (
                <>
                  <dt>{t.report.planYear}</dt>
                  <dd>
                    <Link href={`/j/${report.code}/${report.planYear}`} className="num">
                      {report.planYear}
                    </Link>
                  </dd>
                </>
              ) : null}
              {report.reviewYear !== null ? (
                <>
                  <dt>{t.report.reviewYear}</dt>
                  <dd>
                    <Link href={`/j/${report.code}/${report.reviewYear}`} className="num">
                      {report.reviewYear}
                    </Link>
                  </dd>
                </>
              ) : null}
              <dt>{t.report.encoding}</dt>
              <dd>
                <code>{report.document.encoding}</code>
              </dd>
              <dt>{t.report.confidence}</dt>
              <dd className="num">
                {formatNumber(report.confidence * 100, locale, 0)}%
                {report.identityOverridden ? <span className="tag">{t.report.overridden}</span> : null}
              </dd>
              <dt>{t.report.source}</dt>
              <dd className="source-name">
                {report.document.url ? (
                  <a href={report.document.url}>{report.document.source}</a>
                ) : (
                  report.document.source
                )}
              </dd>
              <dt>{t.report.importedAt}</dt>
              <dd className="num">{report.document.importedAt.slice(0, 10)}</dd>
            </dl>
            <h3 className="sub-title">{t.report.sections}</h3>
            <ol className="section-list">
              {report.sections.map((section, index) => (
                <li key={`${section.start}-${section.kind}`}>
                  <a href={view === "normalized" ? `#s-${index}` : `/reports/${id}#s-${index}`}>
                    {section.title || t.report.sectionKinds[section.kind]}
                  </a>{" "}
                  <span className="tag">{t.report.sectionKinds[section.kind] ?? section.kind}</span>
                </li>
              ))}
            </ol>
          </section>
          <WidgetBoundary title={t.report.selected}>
            <Suspense fallback={<WidgetSkeleton label={t.common.loading} height={120} />}>
              <Selection
                id={id}
                code={report.code}
                planYear={report.planYear ?? (report.kind === "work_report" ? reportYear : null)}
              />
            </Suspense>
          </WidgetBoundary>
        </aside>
      </div>
    </>
  );
}

async function ReaderNotice({ id, code, year, name }: { id: string; code: string; year: number; name: string }) {
  const readerVersion = await getReportReaderVersion(getDb(), id);
  if (readerVersion === null) return null;
  return <ReportReaderNotice readerVersion={readerVersion} code={code} year={year} name={name} />;
}

async function OriginalText({ id, note }: { id: string; note: string }) {
  const text = await getReportOriginalText(getDb(), id);
  return (
    <>
      <p className="notice">{note}</p>
      <div className="report-text original">{text}</div>
    </>
  );
}

async function Selection({ id, code, planYear }: { id: string; code: string; planYear: number | null }) {
  const [report, outcomesOfTargets, claims, viewer, scorecard, t, locale] = await Promise.all([
    loadReport(id),
    getTargetOutcomes(getDb(), id),
    getOutcomeClaims(getDb(), id),
    getViewer(),
    planYear === null ? null : loadScorecard(code, planYear),
    getMessages(),
    getLocale(),
  ]);
  if (!report) return null;
  // The plan's targets as the scorecard holds them: the gap, and the year a 纠错 edit reads the match from.
  const stored = new Map((scorecard?.targets ?? []).map((target) => [target.id, target]));
  const access = correctAccess(viewer);
  const matchOf = new Map(outcomesOfTargets.map((m) => [m.targetId, m]));
  const claimOf = new Map(claims.map((c) => [c.outcomeId, c]));
  return (
    <>
      {report.targets.length > 0 ? (
        <EditorNotice viewer={viewer} t={t} next={`/reports/${id}`} action={t.correct.signInNotice} />
      ) : null}
      <ReportSelection
        code={code}
        planYear={planYear}
        access={access}
        targets={report.targets.map(({ start: _s, end: _e, outcomeId: _o, ...target }) => {
          const match = matchOf.get(target.id);
          const held = stored.get(target.id);
          return {
            ...target,
            gap: held ? gapOfMatch(held.match) : null,
            correctable: held?.match !== null && held !== undefined,
            match: match
              ? {
                  confidence: match.confidence,
                  reason: renderReasons(match.reasons, locale),
                  ratio: match.ratio,
                  manual: match.manual,
                  outcome: match.outcome,
                }
              : null,
          };
        })}
        outcomes={report.outcomes.map(({ start: _s, end: _e, ...outcome }) => {
          const claim = claimOf.get(outcome.id);
          return {
            ...outcome,
            claim: claim
              ? {
                  targetId: claim.targetId,
                  indicator: claim.indicator,
                  verdict: claim.verdict,
                  planYear: claim.planYear,
                  reportId: claim.reportId,
                }
              : null,
          };
        })}
      />
    </>
  );
}
