"use client";

import { createColumnHelper, type FilterFn, type SortFn } from "@tanstack/react-table";
import { type CorrectAccess, CorrectButton } from "@/components/review/correct-button";
import { PermalinkLink } from "@/components/target/permalink-link";
import { GapFigure } from "@/components/ui/gap-figure";
import { EstimatedMark, VerdictBadge } from "@/components/ui/verdict-badge";
import { gapSortValue } from "@/lib/charts/gap";
import type { Locale, Messages } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import { formatConfidence, formatQuantity, formatTarget } from "@/lib/i18n/numbers";
import type { TVerdict } from "@/lib/schemas/extraction";
import type { AppFeatures } from "../data-table/features";
import { type TargetRow, targetNumber } from "./scorecard-rows";

type TScorecardRow = TargetRow;
const helper = createColumnHelper<AppFeatures, TScorecardRow>();

/** Where the table's rows live and who is looking: what the 纠错 action needs. */
export interface CorrectContext {
  code: string;
  year: number;
  access: CorrectAccess;
}

const VERDICT_RANK: Record<TVerdict, number> = { met: 0, missed: 1, needs_review: 2, no_outcome: 3, pending: 4 };

/** Row passes when its value is one of the chosen values (an empty choice passes everything). */
const oneOf: FilterFn<AppFeatures, TScorecardRow> = (row, columnId, filterValue: string[]) =>
  !Array.isArray(filterValue) || filterValue.length === 0 || filterValue.includes(String(row.getValue(columnId)));

const byVerdict: SortFn<AppFeatures, TScorecardRow> = (a, b) =>
  VERDICT_RANK[a.original.verdict] - VERDICT_RANK[b.original.verdict];

/** The scorecard table's columns: every figure links to its sentence in the report view. */
export function targetColumns(t: Messages, locale: Locale, correct: CorrectContext) {
  return helper.columns([
    helper.accessor("indicator", {
      id: "indicator",
      header: t.table.indicator,
      meta: { label: t.table.indicator, width: 200, fixed: true },
      sortFn: "text",
      cell: ({ row }) => (
        <>
          <a
            href={`/reports/${row.original.reportId}#t-${row.original.id}`}
            className="cell-indicator"
            title={t.table.evidenceLink}
          >
            {row.original.headline ? (
              <span className="headline-mark" title={t.common.headline}>
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">{t.common.headline}</span>
              </span>
            ) : null}
            {indicatorLabel(row.original.indicator, locale)}
          </a>
          <PermalinkLink id={row.original.id} indicator={row.original.indicator} />
        </>
      ),
    }),
    helper.accessor("category", {
      id: "category",
      header: t.table.category,
      meta: { label: t.table.category, width: 104 },
      filterFn: oneOf,
      sortFn: "text",
      cell: ({ getValue }) => t.categories[getValue()] ?? getValue(),
    }),
    helper.accessor("measure", {
      id: "measure",
      header: t.table.measure,
      meta: { label: t.table.measure, width: 72 },
      filterFn: oneOf,
      cell: ({ getValue }) => t.measure[getValue()],
    }),
    helper.accessor((row) => targetNumber(row), {
      id: "target",
      header: t.table.target,
      meta: { label: t.table.target, width: 128, align: "end" },
      sortUndefined: "last",
      sortFn: "basic",
      cell: ({ row }) => (
        <a
          href={`/reports/${row.original.reportId}#t-${row.original.id}`}
          className="figure-link"
          title={row.original.text}
        >
          {formatTarget(row.original, t, locale)}
        </a>
      ),
    }),
    helper.accessor((row) => row.actual?.value ?? undefined, {
      id: "actual",
      header: t.table.actual,
      meta: { label: t.table.actual, width: 128, align: "end" },
      sortUndefined: "last",
      sortFn: "basic",
      cell: ({ row }) => {
        const actual = row.original.actual;
        if (!actual) return <span className="muted">{t.common.none}</span>;
        const label = formatQuantity(actual.value, actual.unit, locale);
        return (
          <span className="cell-actual">
            {actual.estimated ? <EstimatedMark t={t} /> : null}
            {actual.reportId ? (
              <a href={`/reports/${actual.reportId}#o-${actual.id}`} title={actual.text}>
                {label}
              </a>
            ) : (
              <span title={actual.source ?? actual.text}>{label}</span>
            )}
          </span>
        );
      },
    }),
    helper.accessor("verdict", {
      id: "verdict",
      header: t.table.verdict,
      meta: { label: t.table.verdict, width: 128 },
      filterFn: oneOf,
      sortFn: byVerdict,
      cell: ({ row }) => (
        <span className="cell-verdict">
          <VerdictBadge verdict={row.original.verdict} t={t} notATarget={row.original.notATarget} />
          {row.original.manual ? (
            <span className="tag" title={t.common.manualHelp}>
              {t.common.manual}
            </span>
          ) : null}
        </span>
      ),
    }),
    helper.accessor((row) => gapSortValue(row.gap), {
      id: "gap",
      header: t.gap.label,
      meta: { label: t.gap.label, width: 120, align: "end" },
      sortUndefined: "last",
      sortFn: "basic",
      cell: ({ row }) => <GapFigure gap={row.original.gap} verdict={row.original.verdict} t={t} locale={locale} />,
    }),
    helper.accessor((row) => row.confidence ?? undefined, {
      id: "confidence",
      header: t.table.confidence,
      meta: { label: t.table.confidence, width: 80, align: "end" },
      sortUndefined: "last",
      sortFn: "basic",
      cell: ({ row }) => (row.original.confidence === null ? "—" : formatConfidence(row.original.confidence, locale)),
    }),
    helper.accessor("text", {
      id: "text",
      header: t.table.text,
      meta: { label: t.table.text, width: 300 },
      enableSorting: false,
      cell: ({ row }) => (
        <span className="cell-text" title={row.original.text}>
          {row.original.text}
        </span>
      ),
    }),
    helper.accessor("reason", {
      id: "reason",
      header: t.table.reason,
      meta: { label: t.table.reason, width: 220 },
      enableSorting: false,
      cell: ({ getValue }) => (
        <span className="cell-text" title={getValue()}>
          {getValue()}
        </span>
      ),
    }),
    helper.display({
      id: "correct",
      header: t.table.actions,
      meta: { label: t.table.actions, width: 72 },
      enableHiding: false,
      enableSorting: false,
      cell: ({ row }) =>
        row.original.notATarget && !row.original.manual ? null : (
          <CorrectButton
            targetId={row.original.id}
            code={correct.code}
            year={correct.year}
            indicator={row.original.indicator}
            access={correct.access}
          />
        ),
    }),
    helper.accessor((row) => (row.headline ? "1" : "0"), {
      id: "headline",
      header: t.table.headline,
      meta: { label: t.table.headline, width: 0 },
      enableHiding: false,
      enableSorting: false,
      filterFn: "equals",
    }),
    helper.accessor((row) => row.actual?.text ?? "", {
      id: "outcomeText",
      header: t.table.outcomeText,
      meta: { label: t.table.outcomeText, width: 0 },
      enableHiding: false,
      enableSorting: false,
    }),
  ]);
}
