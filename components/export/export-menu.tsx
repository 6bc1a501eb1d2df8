"use client";

import { useLocale, useMessages } from "@/components/i18n-provider";
import { format } from "@/lib/i18n";
import { EXPORT_FORMATS } from "@/lib/schemas/export";
import type { TableUrlState } from "../data-table/url-state";
import { exportHref, scorecardExportFilters } from "./scorecard-filters";

/**
 * The scorecard table's export: a download per format of exactly the rows the table shows (its filters as they are
 * now, in the reader's language), and the codebook with the citation of those rows.
 */
export function ExportMenu({
  code,
  year,
  state,
  shown,
}: {
  code: string;
  year: number;
  state: TableUrlState;
  /** Rows the table shows now: what the export will hold. */
  shown: number;
}) {
  const t = useMessages();
  const locale = useLocale();
  const filters = scorecardExportFilters(code, year, state);
  const labels = t.exportData.menu;
  return (
    <details className="export-menu" data-export-menu>
      <summary title={labels.help}>{format(labels.summary, { count: shown })}</summary>
      <ul className="export-menu-list" aria-label={labels.label}>
        {EXPORT_FORMATS.map((exportFormat) => (
          <li key={exportFormat}>
            <a href={exportHref(filters, exportFormat, locale)} download data-export-format={exportFormat}>
              {labels[exportFormat]}
            </a>
          </li>
        ))}
        <li>
          <a href={exportHref(filters, "csv", locale, { codebook: true })} download data-export-format="codebook">
            {labels.codebook}
          </a>
        </li>
      </ul>
    </details>
  );
}
