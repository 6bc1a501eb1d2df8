"use client";

import { useId, useLayoutEffect, useRef, useState } from "react";
import { useMessages } from "@/components/i18n-provider";
import { SnippetText } from "@/components/ui/snippet";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EstimatedMark } from "@/components/ui/verdict-badge";
import type { Snippet } from "@/lib/charts/evidence";

interface Evidence {
  href: string | null;
  snippet: Snippet;
}

/** Space kept between an open panel and the window's edges (px). */
const EDGE = 8;

/**
 * The two sentences behind a card: shown while hovered, or kept open by a click (and by keyboard). The panel hangs
 * from the button's right edge, and is moved back inside the window when that would put it past an edge (the
 * leftmost card on a phone).
 */
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
  const panel = useRef<HTMLElement>(null);
  const [shift, setShift] = useState(0);
  useLayoutEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    const place = () => {
      // Measure where the panel falls unshifted, then move it by what runs past either edge.
      element.style.transform = "";
      const rect = element.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      const past = rect.left < EDGE ? EDGE - rect.left : rect.right > width - EDGE ? width - EDGE - rect.right : 0;
      element.style.transform = past ? `translateX(${past}px)` : "";
      setShift(past);
    };
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [open]);
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
      <section
        id={panelId}
        ref={panel}
        className="evidence-panel"
        hidden={!open}
        aria-labelledby={labelledBy}
        style={shift ? { transform: `translateX(${shift}px)` } : undefined}
      >
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
