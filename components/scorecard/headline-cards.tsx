import { loadScorecard } from "@/app/_lib/data";
import { correctAccess, getViewer } from "@/app/_lib/viewer";
import { CorrectButton } from "@/components/review/correct-button";
import { PermalinkLink } from "@/components/target/permalink-link";
import { ActualFigure } from "@/components/ui/actual-figure";
import { GapFigure } from "@/components/ui/gap-figure";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { sentenceAround } from "@/lib/charts/evidence";
import { gapOfMatch } from "@/lib/charts/gap";
import { getDb } from "@/lib/db/client";
import { superiorTargetsOf } from "@/lib/db/queries/hierarchy";
import { getOutcomeSpans, getReportTexts } from "@/lib/db/queries/report-view";
import { lexiconEntry } from "@/lib/engine/indicators";
import { decisiveValue } from "@/lib/engine/match";
import { amplification } from "@/lib/engine/peers";
import { format } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import { formatNumber, formatTarget } from "@/lib/i18n/numbers";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { EvidenceToggle } from "./evidence-toggle";
import { shownVerdict } from "./scorecard-rows";

/** How a target stands against its superior's (rates in % only), by the bound that decides each. */
function amplificationOf(
  own: Parameters<typeof decisiveValue>[0],
  theirs: Parameters<typeof decisiveValue>[0],
): ReturnType<typeof amplification> {
  const mine = decisiveValue(own);
  const superior = decisiveValue(theirs);
  if (mine === null || superior === null) return null;
  return amplification({ value: mine, unit: own.unit }, { value: superior, unit: theirs.unit }, own.polarity);
}

/** The headline targets (主要预期目标) as cards: target, actual, verdict, gap, 纠错, and both sentences on demand. */
export async function HeadlineCards({ code, year }: { code: string; year: number }) {
  const [t, locale, scorecard, viewer, superior] = await Promise.all([
    getMessages(),
    getLocale(),
    loadScorecard(code, year),
    getViewer(),
    superiorTargetsOf(getDb(), code, year),
  ]);
  const access = correctAccess(viewer);
  if (!scorecard) return null;
  const headline = scorecard.targets.filter((target) => target.headline && !target.match?.notATarget);
  if (headline.length === 0) return <p className="empty-inline">{t.scorecard.noHeadline}</p>;

  const outcomeIds = headline.flatMap((target) => (target.match?.outcome ? [target.match.outcome.id] : []));
  const spans = await getOutcomeSpans(getDb(), outcomeIds);
  const reportIds = new Set(headline.map((target) => target.reportId));
  for (const span of spans.values()) reportIds.add(span.reportId);
  const texts = await getReportTexts(getDb(), [...reportIds]);

  return (
    <ul className="cards headline-cards">
      {headline.map((target) => {
        const match = target.match;
        const outcome = match?.outcome ?? null;
        const verdict = shownVerdict(target, scorecard.review !== null);
        const planText = texts.get(target.reportId);
        const span = outcome ? spans.get(outcome.id) : undefined;
        const reviewText = span ? texts.get(span.reportId) : undefined;
        const theirs = superior?.targets.get(
          `${lexiconEntry(target.indicator)?.name ?? target.indicator}:${target.measure}`,
        );
        const stance = theirs && amplificationOf(target, theirs);
        return (
          <li key={target.id} className={`card headline-card accent-${verdict}`}>
            <div className="card-head">
              <h3 id={`card-${target.id}`}>
                {format(t.measureTitle[target.measure], { indicator: indicatorLabel(target.indicator, locale) })}
              </h3>
              <span className="tag">{t.measure[target.measure]}</span>
            </div>
            <dl className="figures">
              <div>
                <dt>{t.common.target}</dt>
                <dd className="num">
                  <a href={`/reports/${target.reportId}#t-${target.id}`} className="figure-link" title={target.text}>
                    {formatTarget(target, t, locale)}
                  </a>
                </dd>
              </div>
              <div>
                <dt>{t.common.actual}</dt>
                <dd className="num">
                  <ActualFigure actual={outcome} t={t} locale={locale} className="figure-link" />
                </dd>
              </div>
              <div>
                <dt>{t.gap.label}</dt>
                <dd className="num">
                  <GapFigure gap={gapOfMatch(match)} verdict={verdict} t={t} locale={locale} />
                </dd>
              </div>
              {superior && theirs ? (
                <div className="superior-figure" data-superior={superior.superior.code}>
                  <dt>{format(t.hierarchy.superiorTarget, { name: superior.superior.name })}</dt>
                  <dd className="num">
                    <a href={`/t/${theirs.id}`} className="figure-link" title={theirs.text}>
                      {formatTarget(theirs, t, locale)}
                    </a>
                    {stance ? (
                      <span className={`relation relation-${stance.relation}`} data-gap={stance.gap}>
                        {" "}
                        {format(t.peers.relation[stance.relation], {
                          gap: `${formatNumber(Math.abs(stance.gap), locale)} ${t.peers.pointUnit}`,
                        })}
                      </span>
                    ) : null}
                  </dd>
                </div>
              ) : null}
            </dl>
            <div className="card-foot">
              <VerdictBadge verdict={verdict} t={t} />
              <PermalinkLink id={target.id} indicator={target.indicator} />
              <CorrectButton
                targetId={target.id}
                code={code}
                year={year}
                indicator={target.indicator}
                access={access}
              />
              <EvidenceToggle
                labelledBy={`card-${target.id}`}
                target={{
                  href: `/reports/${target.reportId}#t-${target.id}`,
                  snippet: planText
                    ? sentenceAround(planText, target.start, target.end)
                    : { before: "", clause: target.text, after: "" },
                }}
                outcome={
                  outcome
                    ? {
                        href: outcome.reportId ? `/reports/${outcome.reportId}#o-${outcome.id}` : null,
                        snippet:
                          span && reviewText
                            ? sentenceAround(reviewText, span.start, span.end)
                            : { before: "", clause: outcome.text, after: "" },
                        estimated: outcome.estimated,
                        source: outcome.source,
                      }
                    : null
                }
                reason={match?.reason ?? ""}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
