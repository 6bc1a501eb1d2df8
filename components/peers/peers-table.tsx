"use client";

import { createColumnHelper, functionalUpdate, type SortingState, type Updater, useTable } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { type AppFeatures, appTableFeatures } from "@/components/data-table/features";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { EstimatedMark, VerdictBadge } from "@/components/ui/verdict-badge";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatNumber, formatQuantity, formatSigned, formatTarget, formatWording } from "@/lib/i18n/numbers";
import type { TPeerRow, TPeerTarget } from "@/lib/schemas/peers";

const helper = createColumnHelper<AppFeatures, TPeerRow>();

/** Figures sort as numbers; a jurisdiction without one sorts last whichever the direction. */
const BY_FIGURE = { sortFn: "basic", sortUndefined: "last" } as const;

function TargetCell({ target, t, locale }: { target: TPeerTarget; t: Messages; locale: Locale }) {
  return (
    <a href={`/reports/${target.reportId}#t-${target.id}`} title={target.text}>
      {formatTarget(target, t, locale)}
      {target.stretch !== null ? (
        <span className="muted">
          {" "}
          · {format(t.peers.stretch, { value: formatQuantity(target.stretch, target.unit, locale) })}
        </span>
      ) : null}
    </a>
  );
}

function peerColumns(t: Messages, locale: Locale, year: number) {
  const points = (value: number) => format("{v} {u}", { v: formatSigned(value, locale), u: t.peers.pointUnit }).trim();
  const status = (row: TPeerRow["status"]) => (
    <span className={`plan-status plan-status-${row}`} title={t.peers.statusHelp[row]}>
      {t.peers.status[row]}
    </span>
  );
  return helper.columns([
    helper.accessor((row) => row.rank ?? undefined, {
      id: "rank",
      header: t.peers.rank,
      meta: { label: t.peers.rank, width: 64, align: "end", fixed: true },
      ...BY_FIGURE,
      cell: ({ row }) => row.original.rank ?? "—",
    }),
    helper.accessor("name", {
      id: "name",
      header: t.peers.jurisdiction,
      meta: { label: t.peers.jurisdiction, width: 170, fixed: true },
      sortFn: "text",
      cell: ({ row }) => <a href={`/j/${row.original.code}/${year}`}>{row.original.name}</a>,
    }),
    helper.display({
      id: "target",
      header: t.peers.target,
      meta: { label: t.peers.target, width: 170 },
      cell: ({ row }) =>
        row.original.target ? (
          <TargetCell target={row.original.target} t={t} locale={locale} />
        ) : (
          status(row.original.status)
        ),
    }),
    helper.display({
      id: "wording",
      header: t.peers.wording,
      meta: { label: t.peers.wording, width: 96 },
      cell: ({ row }) =>
        formatWording(row.original.target?.wording ?? null, locale) ?? <span className="muted">—</span>,
    }),
    helper.accessor((row) => row.target?.strength ?? undefined, {
      id: "strength",
      header: t.peers.strength,
      meta: { label: t.peers.strength, width: 84 },
      sortFn: "text",
      sortUndefined: "last",
      cell: ({ row }) => {
        const strength = row.original.target?.strength;
        return strength && strength !== "none" ? (
          <span className={`strength strength-${strength}`}>{t.exportData.codes.strength?.[strength] ?? strength}</span>
        ) : (
          <span className="muted">—</span>
        );
      },
    }),
    helper.display({
      id: "previousTarget",
      header: t.peers.previousTarget,
      meta: { label: t.peers.previousTarget, width: 150 },
      cell: ({ row }) =>
        row.original.previous.target ? (
          <TargetCell target={row.original.previous.target} t={t} locale={locale} />
        ) : (
          status(row.original.previous.status)
        ),
    }),
    helper.accessor((row) => row.previous.actual?.value ?? undefined, {
      id: "previousActual",
      header: t.peers.previousActual,
      meta: { label: t.peers.previousActual, width: 120, align: "end" },
      ...BY_FIGURE,
      cell: ({ row }) => {
        const actual = row.original.previous.actual;
        if (!actual) return <span className="muted">—</span>;
        const figure = formatQuantity(actual.value, actual.unit, locale);
        return (
          <>
            {actual.estimated ? <EstimatedMark t={t} /> : null}
            {actual.reportId ? (
              <a
                href={`/reports/${actual.reportId}#o-${actual.outcomeId}`}
                title={actual.matched ? actual.text : `${t.peers.unclaimedActual}: ${actual.text}`}
              >
                {figure}
                {actual.matched ? null : <span aria-hidden="true">*</span>}
              </a>
            ) : (
              figure
            )}
          </>
        );
      },
    }),
    helper.accessor((row) => row.change?.by ?? undefined, {
      id: "change",
      header: t.peers.change,
      meta: { label: t.peers.change, width: 120, align: "end" },
      ...BY_FIGURE,
      cell: ({ row }) => {
        const change = row.original.change;
        if (!change) return <span className="muted">—</span>;
        return (
          <span className={`change change-${change.direction}`} data-change={change.by}>
            {format(t.peers.changeDirection[change.direction], { by: points(Math.abs(change.by)).replace(/^\+/, "") })}
          </span>
        );
      },
    }),
    helper.display({
      id: "previousVerdict",
      header: t.peers.previousVerdict,
      meta: { label: t.peers.previousVerdict, width: 110 },
      cell: ({ row }) =>
        row.original.previous.verdict ? (
          <VerdictBadge verdict={row.original.previous.verdict} t={t} />
        ) : (
          <span className="muted">—</span>
        ),
    }),
    helper.display({
      id: "superior",
      header: t.peers.superior,
      meta: { label: t.peers.superior, width: 150 },
      cell: ({ row }) => {
        const superior = row.original.superior;
        if (!superior) return <span className="muted">—</span>;
        return (
          <span title={superior.name}>
            {superior.target ? <TargetCell target={superior.target} t={t} locale={locale} /> : status(superior.status)}
          </span>
        );
      },
    }),
    helper.accessor((row) => row.amplification?.gap ?? undefined, {
      id: "vsSuperior",
      header: t.peers.vsSuperior,
      meta: { label: t.peers.vsSuperior, width: 110, align: "end" },
      ...BY_FIGURE,
      cell: ({ row }) => {
        const a = row.original.amplification;
        if (!a) return <span className="muted">—</span>;
        return (
          <span className={`relation relation-${a.relation}`} data-gap={a.gap}>
            {format(t.peers.relation[a.relation], { gap: points(Math.abs(a.gap)).replace(/^\+/, "") })}
          </span>
        );
      },
    }),
    helper.accessor((row) => row.gdp?.value ?? undefined, {
      id: "gdp",
      header: t.peers.gdp,
      meta: { label: t.peers.gdp, width: 120, align: "end" },
      ...BY_FIGURE,
      cell: ({ row }) =>
        row.original.gdp ? (
          <span title={row.original.gdp.text}>{formatNumber(row.original.gdp.value, locale, 0)}</span>
        ) : (
          <span className="muted">—</span>
        ),
    }),
  ]);
}

/**
 * Every jurisdiction of the scope, ranked; sorting by any figure, kept in the address (`sort=change.desc`) so that a
 * view can be shared. Rows are windowed, so a scope of thousands of counties scrolls smoothly.
 */
export function PeersTable({
  rows,
  year,
  initialSort,
}: {
  rows: TPeerRow[];
  year: number;
  initialSort: { id: string; desc: boolean } | null;
}) {
  const t = useMessages();
  const locale = useLocale();
  const columns = useMemo(() => peerColumns(t, locale, year), [t, locale, year]);
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [initialSort] : []);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const sort = sorting[0];
    if (sort) params.set("sort", `${sort.id}.${sort.desc ? "desc" : "asc"}`);
    else params.delete("sort");
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
      window.history.replaceState(window.history.state, "", url);
  }, [sorting]);

  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => setSorting((current) => functionalUpdate(updater, current).slice(0, 1)),
    [],
  );
  const table = useTable({
    features: appTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.code,
    state: { sorting },
    onSortingChange,
    enableSortingRemoval: true,
  });
  return (
    <DataTable
      table={table}
      caption={t.peers.tableTitle}
      empty={t.peers.empty}
      rowId={(row) => `peer-${row.original.code}`}
      sortLabels={{
        asc: t.table.sortAsc,
        desc: t.table.sortDesc,
        sortBy: (column) => format(t.table.sortBy, { column }),
      }}
    />
  );
}
