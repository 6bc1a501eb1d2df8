import { DownloadImageButton } from "@/components/charts/download-image";
import { GapFigure } from "@/components/ui/gap-figure";
import { EstimatedMark, VerdictBadge } from "@/components/ui/verdict-badge";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import { formatQuantity, formatTarget, formatWording } from "@/lib/i18n/numbers";
import type { TTargetPage } from "@/lib/schemas/target-page";
import { TargetQuote } from "./target-quote";

/** The element a download draws: the card alone, without the page around it. */
export const TARGET_CARD_ID = "target-card";

/**
 * The citable card of one target: the plan's sentence with the figure marked, target against actual, the gap, the
 * verdict with its reason in words, and the review's sentence. It is what "download as image" draws, with the source
 * line under it.
 */
export function TargetCard({
  page,
  t,
  locale,
  citation,
}: {
  page: TTargetPage;
  t: Messages;
  locale: Locale;
  /** The source line printed under the card's image. */
  citation: string;
}) {
  const { target, outcome, jurisdiction, year } = page;
  const heading = format(t.measureTitle[target.measure], { indicator: indicatorLabel(target.indicator, locale) });
  const verdict = page.notATarget ? "no_outcome" : page.verdict;
  return (
    <div className="target-card-wrap">
      <article
        id={TARGET_CARD_ID}
        className={`card target-card accent-${verdict}`}
        aria-labelledby="target-card-title"
        data-verdict={page.verdict}
      >
        <div className="card-head">
          <h2 id="target-card-title">{heading}</h2>
          <span className="target-card-where">
            {jurisdiction.name} · {format(t.common.yearSuffix, { year })}
            {target.headline ? <span className="tag">{t.common.headline}</span> : null}
          </span>
        </div>
        <h3 className="target-card-sub">{t.targetPage.planQuote}</h3>
        <TargetQuote
          quote={page.quote}
          kind="target"
          figureLabel={t.targetPage.figureMark}
          href={`/reports/${page.quote.reportId}#t-${page.id}`}
        />
        <dl className="figures target-figures">
          <div>
            <dt>{t.common.target}</dt>
            <dd className="num">
              {formatTarget(target, t, locale)}
              {target.stretch !== null ? (
                <span className="muted target-stretch">
                  {" "}
                  {format(t.targetPage.stretch, { value: formatQuantity(target.stretch, target.unit, locale) })}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t.common.actual}</dt>
            <dd className="num">
              {outcome ? (
                <>
                  {outcome.estimated ? <EstimatedMark t={t} /> : null}
                  {formatQuantity(outcome.value, outcome.unit, locale)}
                </>
              ) : (
                <span className="muted">{t.common.none}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t.gap.label}</dt>
            <dd className="num">
              <GapFigure gap={page.gap} verdict={page.verdict} t={t} locale={locale} />
            </dd>
          </div>
        </dl>
        <div className="target-verdict">
          <span className="visually-hidden">
            {t.targetPage.verdict}
            {t.common.colon}
          </span>
          <VerdictBadge verdict={page.verdict} t={t} notATarget={page.notATarget} />
          {page.manual ? (
            <span className="tag" title={t.common.manualHelp}>
              {t.common.manual}
            </span>
          ) : null}
          <p className="target-reason">
            <strong>{t.targetPage.reason}</strong>
            {t.common.colon}
            <span data-reason="">{page.reason}</span>
          </p>
        </div>
        {outcome ? (
          <>
            <h3 className="target-card-sub">
              {outcome.manual ? t.targetPage.manualOutcome : t.targetPage.outcomeQuote}
            </h3>
            {outcome.quote ? (
              <TargetQuote
                quote={outcome.quote}
                kind="outcome"
                figureLabel={t.table.actual}
                href={`/reports/${outcome.quote.reportId}#o-${outcome.id}`}
              />
            ) : (
              <blockquote className="target-quote target-quote-outcome">
                <p>{outcome.text}</p>
              </blockquote>
            )}
          </>
        ) : (
          <p className="muted">{t.targetPage.noOutcome}</p>
        )}
        {target.wording ? (
          <p className="muted target-wording">
            {t.targetPage.wording}
            {t.common.colon}
            {formatWording(target.wording, locale)}
          </p>
        ) : null}
      </article>
      <DownloadImageButton
        target={TARGET_CARD_ID}
        label={format(t.imageDownload.cardLabel, { title: `${jurisdiction.name} ${year} ${heading}` })}
        fileName={[jurisdiction.code, year, target.indicator]}
        sourceLine={citation}
      />
    </div>
  );
}
