import type { Locale, Messages } from "@/lib/i18n";
import { formatQuantity } from "@/lib/i18n/numbers";
import { EstimatedMark } from "./verdict-badge";

export interface ShownActual {
  id: string;
  reportId: string | null;
  value: number | null;
  unit: string | null;
  estimated: boolean;
  text: string;
  /** Where a hand-entered figure comes from. */
  source?: string | null;
}

/**
 * What the review reported, as a card shows it: 预计 when hedged, linked to its sentence in the report (a figure
 * entered by hand names its source on hover), or "none".
 */
export function ActualFigure({
  actual,
  t,
  locale,
  className,
}: {
  actual: ShownActual | null;
  t: Messages;
  locale: Locale;
  className?: string;
}) {
  if (!actual) return <span className="muted">{t.common.none}</span>;
  const figure = formatQuantity(actual.value, actual.unit, locale);
  return (
    <>
      {actual.estimated ? <EstimatedMark t={t} /> : null}
      {actual.reportId ? (
        <a href={`/reports/${actual.reportId}#o-${actual.id}`} className={className} title={actual.text}>
          {figure}
        </a>
      ) : (
        <span title={actual.source ?? actual.text}>{figure}</span>
      )}
    </>
  );
}
