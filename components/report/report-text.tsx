import { type Highlight, paragraphs } from "@/lib/charts/highlights";
import type { TSection } from "@/lib/schemas/extraction";

/**
 * The report's normalised text with its targets and outcomes as highlighted links (`#t-…`, `#o-…`): a click (or a
 * link from the scorecard) selects the item, and the side panel shows its row and match. Section titles are anchors.
 */
export function ReportText({
  text,
  highlights,
  sections,
  labels,
}: {
  text: string;
  highlights: Highlight[];
  sections: TSection[];
  labels: { target: string; outcome: string };
}) {
  const sectionAt = new Map(sections.map((s, i) => [s.start, i]));
  return (
    <div className="report-text" lang="zh-CN">
      {paragraphs(text, highlights).map((paragraph) => {
        const section = sectionAt.get(paragraph.start);
        return (
          <p
            key={paragraph.start}
            id={section === undefined ? undefined : `s-${section}`}
            className={section === undefined ? undefined : "section-title"}
          >
            {paragraph.pieces.map((piece, index) =>
              "highlight" in piece ? (
                <a
                  // biome-ignore lint/suspicious/noArrayIndexKey: pieces of a paragraph never move
                  key={index}
                  id={
                    piece.first ? `${piece.highlight.kind === "target" ? "t" : "o"}-${piece.highlight.id}` : undefined
                  }
                  href={`#${piece.highlight.kind === "target" ? "t" : "o"}-${piece.highlight.id}`}
                  className={`hl hl-${piece.highlight.kind}`}
                  title={piece.highlight.kind === "target" ? labels.target : labels.outcome}
                >
                  {piece.text}
                </a>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: pieces of a paragraph never move
                <span key={index}>{piece.text}</span>
              ),
            )}
          </p>
        );
      })}
    </div>
  );
}
