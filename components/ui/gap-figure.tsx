import type { Locale, Messages } from "@/lib/i18n";
import { format } from "@/lib/i18n";
import { formatGap, formatNumber } from "@/lib/i18n/numbers";
import type { TGap, TVerdict } from "@/lib/schemas/extraction";

/**
 * The gap of a target (verdicts.md), coloured by the verdict and never by its sign alone: a met cap 1.4 points under
 * reads `+1.4 个百分点` in the met colour; a gap of a target still needing review stays neutral whatever its sign.
 */
export function GapFigure({
  gap,
  verdict,
  t,
  locale,
}: {
  gap: TGap | null | undefined;
  verdict: TVerdict;
  t: Messages;
  locale: Locale;
}) {
  if (!gap) return <span className="gap muted">—</span>;
  const title =
    gap.unit === "ratio"
      ? `${format(t.gap.ratioTitle, { value: formatNumber(gap.value, locale) })} · ${t.gap.help}`
      : t.gap.help;
  return (
    <span className={`gap gap-${verdict}`} title={title} data-gap={gap.value} data-gap-unit={gap.unit}>
      {formatGap(gap, t, locale)}
    </span>
  );
}
