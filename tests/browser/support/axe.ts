/**
 * axe-core in the page under test. The app's Content-Security-Policy refuses scripts from elsewhere, so the library's
 * source is evaluated in the page rather than loaded by URL.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "@/lib/db/migrate";

let source: string | undefined;
const axeSource = () => {
  source ??= readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  return source;
};

/** One rule broken, with the selectors of the nodes that break it (enough to find them in the page). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Run axe (WCAG 2.x A and AA, and axe's best practices) on the page as it is now and return what it finds. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axeSource());
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the evaluated source defines
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.map(String).join(" ")),
      }),
    );
  });
}

/** A readable line per violation, for assertion messages. */
export const describeViolations = (violations: AxeViolation[]): string =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).join(", ")}`).join("\n");
