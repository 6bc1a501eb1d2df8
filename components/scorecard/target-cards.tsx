"use client";

import type { ReactTable, Row } from "@tanstack/react-table";
import { useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { CorrectButton } from "@/components/review/correct-button";
import { PermalinkLink } from "@/components/target/permalink-link";
import { ActualFigure } from "@/components/ui/actual-figure";
import { GapFigure } from "@/components/ui/gap-figure";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { format } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import { formatTarget } from "@/lib/i18n/numbers";
import type { AppFeatures } from "../data-table/features";
import type { TargetRow } from "./scorecard-rows";
import type { CorrectContext } from "./target-columns";

/** Cards shown at first, and added by each "show more": a phone need not lay out thousands of cards at once. */
const PAGE = 40;

/**
 * The scorecard's rows as cards, for a phone: indicator, target → actual, gap, verdict and 纠错 on a narrow screen
 * without sideways scrolling. The same table model as the wide table (its sort, filters, search and grouping).
 */
export function TargetCards({
  table,
  caption,
  empty,
  correct,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: the cards read any selection of the table's state
  table: ReactTable<AppFeatures, TargetRow, any>;
  caption: string;
  empty: string;
  correct: CorrectContext;
}) {
  const t = useMessages();
  const [shown, setShown] = useState(PAGE);
  const rows = table.getRowModel().rows;
  const leaves = rows.filter((row) => !row.getIsGrouped()).length;
  // Groups and their rows in order, cut after `shown` leaf rows.
  const visible: Row<AppFeatures, TargetRow>[] = [];
  let counted = 0;
  for (const row of rows) {
    if (counted >= shown) break;
    visible.push(row);
    if (!row.getIsGrouped()) counted += 1;
  }
  return (
    <section className="target-cards" aria-label={caption}>
      {rows.length === 0 ? <p className="table-empty">{empty}</p> : null}
      <ul className="target-card-list">
        {visible.map((row) =>
          row.getIsGrouped() ? (
            <li key={row.id} className="target-card-group">
              {format(t.table.group, {
                group: t.categories[String(row.groupingValue)] ?? String(row.groupingValue),
                count: row.subRows.length,
              })}
            </li>
          ) : (
            <li key={row.id} id={`card-${row.original.id}`}>
              <TargetCard row={row.original} correct={correct} />
            </li>
          ),
        )}
      </ul>
      {leaves > shown ? (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          {format(t.screens.showMore, { count: Math.min(PAGE, leaves - shown), left: leaves - shown })}
        </button>
      ) : null}
    </section>
  );
}

function TargetCard({ row, correct }: { row: TargetRow; correct: CorrectContext }) {
  const t = useMessages();
  const locale = useLocale();
  const actual = row.actual;
  return (
    <article className={`target-card accent-${row.verdict}`} aria-labelledby={`card-title-${row.id}`}>
      <h3 id={`card-title-${row.id}`} className="target-card-title">
        <a href={`/reports/${row.reportId}#t-${row.id}`} className="target-card-link" title={t.table.evidenceLink}>
          {row.headline ? (
            <span className="headline-mark" title={t.common.headline}>
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{t.common.headline}</span>
            </span>
          ) : null}
          {indicatorLabel(row.indicator, locale)}
        </a>
        <span className="tag">{t.categories[row.category] ?? row.category}</span>
      </h3>
      <dl className="target-card-figures">
        <div>
          <dt>{t.table.target}</dt>
          <dd className="num">{formatTarget(row, t, locale)}</dd>
        </div>
        <div className="target-card-actual">
          <dt>{t.table.actual}</dt>
          <dd className="num">
            <ActualFigure actual={actual} t={t} locale={locale} />
          </dd>
        </div>
        <div>
          <dt>{t.gap.label}</dt>
          <dd className="num">
            <GapFigure gap={row.gap} verdict={row.verdict} t={t} locale={locale} />
          </dd>
        </div>
      </dl>
      <div className="target-card-foot">
        <span className="cell-verdict">
          <VerdictBadge verdict={row.verdict} t={t} notATarget={row.notATarget} />
          {row.manual ? (
            <span className="tag" title={t.common.manualHelp}>
              {t.common.manual}
            </span>
          ) : null}
        </span>
        <PermalinkLink id={row.id} indicator={row.indicator} />
        {row.notATarget && !row.manual ? null : (
          <CorrectButton
            targetId={row.id}
            code={correct.code}
            year={correct.year}
            indicator={row.indicator}
            access={correct.access}
          />
        )}
      </div>
    </article>
  );
}
