/** Chart colours: the verdict colours are the CSS variables of globals.css, so that one palette serves the whole app. */
import type { TVerdict } from "@/lib/schemas/extraction";

export const VERDICT_FILL: Record<TVerdict, string> = {
  met: "var(--met)",
  missed: "var(--missed)",
  needs_review: "var(--needs-review)",
  no_outcome: "var(--no-outcome)",
  pending: "var(--pending)",
};

/**
 * The colour of a legend's words. Recharts writes each entry in its series' colour, and the light fills (no outcome,
 * needs review) are too pale for text on white (WCAG 1.4.3); the swatch beside each word keeps the colour.
 */
export const LEGEND_TEXT = "var(--ink)";

/** Series colours for several jurisdictions on one chart (distinguishable in colour-blind palettes: Okabe–Ito). */
export const SERIES_COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"];
