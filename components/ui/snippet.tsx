import type { Snippet } from "@/lib/charts/evidence";

/** A sentence with the clause that is the evidence marked. */
export function SnippetText({ snippet, kind }: { snippet: Snippet; kind: "target" | "outcome" }) {
  return (
    <>
      {snippet.before}
      <mark className={`hl hl-${kind}`}>{snippet.clause}</mark>
      {snippet.after}
    </>
  );
}
