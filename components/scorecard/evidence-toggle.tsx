"use client";

import { useId, useState } from "react";
import { useMessages } from "@/components/i18n-provider";
import { SnippetText } from "@/components/ui/snippet";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EstimatedMark } from "@/components/ui/verdict-badge";
import type { Snippet } from "@/lib/charts/evidence";

interface Evidence {
  href: string | null;
  snippet: Snippet;
}

/** The two sentences behind a card: shown while hovered, or kept open by a click (and by keyboard). */
export function EvidenceToggle({
  labelledBy,
  target,
  outcome,
  reason,
}: {
  labelledBy: string;
  target: Evidence;
  outcome: (Evidence & { estimated: boolean; source: string | null }) | null;
  reason: string;
}) {
  const t = useMessages();
  const [pinned, setPinned] = useState(false);
  const [hovered, setHovered] = useState(false);
  const panelId = useId();
  const hydrated = useHydrated();
  const open = pinned || hovered;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover only previews; the button is the control
    <div
      className="evidence"
      data-ready={hydrated || undefined}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setPinned((p) => !p)}
      >
        {open ? t.scorecard.hideEvidence : t.scorecard.showEvidence}
      </button>
      <section id={panelId} className="evidence-panel" hidden={!open} aria-labelledby={labelledBy}>
        <h4>{t.common.targetSentence}</h4>
        <blockquote>
          <SnippetText snippet={target.snippet} kind="target" />
        </blockquote>
        {target.href ? <a href={target.href}>{t.table.evidenceLink}</a> : null}
        <h4>{t.common.outcomeSentence}</h4>
        {outcome ? (
          <>
            <blockquote>
              {outcome.estimated ? <EstimatedMark t={t} /> : null}
              <SnippetText snippet={outcome.snippet} kind="outcome" />
            </blockquote>
            {outcome.href ? (
              <a href={outcome.href}>{t.table.evidenceLink}</a>
            ) : outcome.source ? (
              <p className="muted">{outcome.source}</p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t.common.noOutcome}</p>
        )}
        {reason ? <p className="evidence-reason">{reason}</p> : null}
      </section>
    </div>
  );
}
