import type { TQuote } from "@/lib/schemas/target-page";

/**
 * A sentence of a report as stored, the clause the reader took marked, and inside it the figure in bold: the pieces
 * are cut from the quote by the stored offsets, so what is shown is the report's text, character for character.
 */
export function TargetQuote({
  quote,
  kind,
  figureLabel,
  href,
}: {
  quote: TQuote;
  kind: "target" | "outcome";
  /** What the figure's mark says to a screen reader (`目标数字`). */
  figureLabel: string;
  /** The sentence in its report. */
  href: string;
}) {
  const base = quote.sentence.start;
  const cut = (from: number, to: number) => quote.text.slice(from - base, to - base);
  const clause = quote.clause;
  const figure =
    quote.figure && quote.figure.start >= clause.start && quote.figure.end <= clause.end ? quote.figure : null;
  return (
    <blockquote className={`target-quote target-quote-${kind}`} cite={href}>
      <p>
        {cut(base, clause.start)}
        <mark className={`hl hl-${kind}`}>
          {figure ? (
            <>
              {cut(clause.start, figure.start)}
              <strong className="target-figure" title={figureLabel} data-figure="">
                {cut(figure.start, figure.end)}
              </strong>
              {cut(figure.end, clause.end)}
            </>
          ) : (
            cut(clause.start, clause.end)
          )}
        </mark>
        {cut(clause.end, quote.sentence.end)}
      </p>
    </blockquote>
  );
}
