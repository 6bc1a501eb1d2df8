import type { Messages } from "@/lib/i18n";
import type { TVerdict } from "@/lib/schemas/extraction";

/** A glyph per verdict, so that the verdict never rests on colour alone. */
export const VERDICT_GLYPH: Record<TVerdict, string> = {
  met: "✓",
  missed: "✕",
  needs_review: "?",
  no_outcome: "–",
  pending: "…",
};

export function VerdictBadge({
  verdict,
  t,
  notATarget = false,
}: {
  verdict: TVerdict;
  t: Messages;
  notATarget?: boolean;
}) {
  if (notATarget) {
    return <span className="verdict verdict-not-target">{t.verdict.notATarget}</span>;
  }
  return (
    <span className={`verdict verdict-${verdict}`} title={t.verdictHelp[verdict]}>
      <span aria-hidden="true" className="verdict-glyph">
        {VERDICT_GLYPH[verdict]}
      </span>
      {t.verdict[verdict]}
    </span>
  );
}

/** The 预计 mark of an estimated outcome. */
export function EstimatedMark({ t }: { t: Messages }) {
  return (
    <abbr className="estimated" title={t.common.estimatedHelp}>
      {t.common.estimated}
    </abbr>
  );
}
