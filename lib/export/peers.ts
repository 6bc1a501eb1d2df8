/**
 * The peers table as CSV, as the screen shows it: one row per jurisdiction, headers and labels in the reader's
 * language, each coded state also as its code (for scripts), figures as stored (no display rounding).
 */
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatTarget } from "@/lib/i18n/numbers";
import type { TPeerRow, TPeers } from "@/lib/schemas/peers";
import { csvCell, UTF8_BOM } from "./format";

interface PeerColumn {
  /** The column's code (the header in English files too, after the label). */
  code: string;
  header: (t: Messages) => string;
  cell: (row: TPeerRow, t: Messages, locale: Locale) => unknown;
}

const PEER_COLUMNS: PeerColumn[] = [
  { code: "rank", header: (t) => t.peers.rank, cell: (r) => r.rank },
  { code: "code", header: () => "code", cell: (r) => r.code },
  { code: "name", header: (t) => t.peers.jurisdiction, cell: (r) => r.name },
  { code: "status", header: (t) => t.peers.statusColumn, cell: (r, t) => t.peers.status[r.status] },
  { code: "status_code", header: () => "status", cell: (r) => r.status },
  { code: "target", header: (t) => t.peers.target, cell: (r, t, l) => (r.target ? formatTarget(r.target, t, l) : "") },
  { code: "qualifier", header: () => "qualifier", cell: (r) => r.target?.qualifier },
  { code: "value", header: () => "value", cell: (r) => r.target?.value },
  { code: "min", header: () => "min", cell: (r) => r.target?.min },
  { code: "max", header: () => "max", cell: (r) => r.target?.max },
  { code: "decisive", header: () => "decisive", cell: (r) => r.target?.decisive },
  { code: "unit", header: () => "unit", cell: (r) => r.target?.unit },
  { code: "wording", header: (t) => t.peers.wording, cell: (r) => r.target?.wording },
  {
    code: "strength",
    header: (t) => t.peers.strength,
    cell: (r, t) => r.target && (t.exportData.codes.strength?.[r.target.strength] ?? r.target.strength),
  },
  { code: "strength_code", header: () => "strength", cell: (r) => r.target?.strength },
  { code: "stretch", header: () => "stretch", cell: (r) => r.target?.stretch },
  { code: "target_text", header: () => "target_text", cell: (r) => r.target?.text },
  {
    code: "previous_target",
    header: (t) => t.peers.previousTarget,
    cell: (r, t, l) => (r.previous.target ? formatTarget(r.previous.target, t, l) : t.peers.status[r.previous.status]),
  },
  { code: "previous_decisive", header: () => "previous_decisive", cell: (r) => r.previous.target?.decisive },
  { code: "previous_actual", header: (t) => t.peers.previousActual, cell: (r) => r.previous.actual?.value },
  { code: "previous_actual_unit", header: () => "previous_actual_unit", cell: (r) => r.previous.actual?.unit },
  { code: "previous_actual_estimated", header: () => "estimated", cell: (r) => r.previous.actual?.estimated },
  { code: "previous_actual_matched", header: () => "matched", cell: (r) => r.previous.actual?.matched },
  {
    code: "previous_verdict",
    header: (t) => t.peers.previousVerdict,
    cell: (r, t) => r.previous.verdict && t.verdict[r.previous.verdict],
  },
  { code: "previous_verdict_code", header: () => "previous_verdict", cell: (r) => r.previous.verdict },
  { code: "change", header: (t) => t.peers.change, cell: (r) => r.change?.by },
  { code: "change_code", header: () => "change", cell: (r) => r.change?.direction },
  { code: "superior_code", header: () => "superior_code", cell: (r) => r.superior?.code },
  { code: "superior", header: (t) => t.peers.superior, cell: (r) => r.superior?.target?.decisive },
  { code: "vs_superior", header: (t) => t.peers.vsSuperior, cell: (r) => r.amplification?.gap },
  { code: "vs_superior_code", header: () => "vs_superior", cell: (r) => r.amplification?.relation },
  { code: "gdp", header: (t) => t.peers.gdp, cell: (r) => r.gdp?.value },
  { code: "target_id", header: () => "target_id", cell: (r) => r.target?.id },
];

/** The whole table (a scope holds a few thousand jurisdictions at most), with a UTF-8 byte-order mark for Excel. */
export function peersCsv(peers: TPeers, t: Messages, locale: Locale): string {
  const header = PEER_COLUMNS.map((c) => csvCell(c.header(t))).join(",");
  const lines = peers.rows.map((row) => PEER_COLUMNS.map((c) => csvCell(c.cell(row, t, locale))).join(","));
  return `${UTF8_BOM}${[header, ...lines].join("\r\n")}\r\n`;
}

/** `luoshi-peers-地区生产总值-growth-2026-province.csv` */
export function peersFileName(peers: TPeers): string {
  const scope = [peers.scope.parent?.code, peers.scope.level].filter(Boolean).join("-");
  return format("luoshi-peers-{indicator}-{measure}-{year}-{scope}.csv", {
    indicator: peers.indicator,
    measure: peers.measure,
    year: peers.year ?? "all",
    scope,
  });
}
