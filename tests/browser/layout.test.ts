/**
 * Every screen at a phone's and a laptop's size: no sideways scrolling of the page, and no accessibility violation
 * that axe-core finds (WCAG 2.1 A/AA and best practices). Screenshots of each go to tests/.artifacts/screens/, and the
 * violations found (if any) to tests/.artifacts/axe/ for reading after a failure.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type AxeViolation, axeViolations, describeViolations } from "./support/axe";
import { ARTIFACTS, saveScreenshot, setUpBrowser, signIn } from "./support/browser";

const app = setUpBrowser();

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
] as const;

/** The national 2017 plan year: a scorecard with charts, and the report its plan came from. */
const NATIONAL_2017 = "/j/000000/2017";

interface Screen {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  /** Something that is on the screen once it has loaded. */
  ready: (page: Page) => Promise<unknown>;
  signedIn: boolean;
}

const SCREENS: Screen[] = [
  {
    name: "overview",
    path: "/",
    ready: (page) => page.getByRole("link", { name: "青岛市市南区" }).waitFor(),
    signedIn: true,
  },
  {
    name: "scorecard",
    path: NATIONAL_2017,
    ready: (page) => page.locator(".chart-frame svg path").first().waitFor(),
    signedIn: true,
  },
  {
    name: "report",
    path: async (page) => {
      await page.goto(`${app.baseUrl}${NATIONAL_2017}`);
      const href = await page.getByRole("link", { name: "2017年政府工作报告（目标）" }).getAttribute("href");
      if (!href) throw new Error("the scorecard links no plan report");
      return href;
    },
    ready: (page) => page.locator("mark.hl-target").first().waitFor(),
    signedIn: true,
  },
  {
    name: "review",
    path: "/review",
    ready: (page) => page.getByRole("heading", { level: 1 }).waitFor(),
    signedIn: true,
  },
  { name: "import", path: "/import", ready: (page) => page.getByRole("textbox", { name: "报告全文" }).waitFor(), signedIn: true },
  { name: "jobs", path: "/jobs", ready: (page) => page.getByRole("heading", { level: 1 }).waitFor(), signedIn: true },
  {
    name: "sign-in",
    path: "/sign-in",
    ready: (page) => page.getByRole("button", { name: "登录" }).waitFor(),
    signedIn: false,
  },
  {
    name: "not-found",
    path: "/no-such-page",
    ready: (page) => page.getByRole("heading", { name: "找不到这个页面" }).waitFor(),
    signedIn: false,
  },
];

/** Wait until no widget is still loading (skeletons carry aria-busy) and the network is quiet. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
}

function keepViolations(name: string, violations: AxeViolation[]): void {
  mkdirSync(path.join(ARTIFACTS, "axe"), { recursive: true });
  writeFileSync(path.join(ARTIFACTS, "axe", `${name}.json`), `${JSON.stringify(violations, null, 2)}\n`);
}

describe.each(VIEWPORTS)("at $width×$height", (viewport) => {
  it.each(SCREENS)("$name: no sideways page scroll, no axe violations", async (screen) => {
    const name = `${screen.name}-${viewport.name}`;
    const page = await app.openPage(`layout-${name}`, { width: viewport.width, height: viewport.height });
    if (screen.signedIn) await signIn(page, app.baseUrl);
    const target = typeof screen.path === "string" ? screen.path : await screen.path(page);
    await page.goto(`${app.baseUrl}${target}`);
    await screen.ready(page);
    await settle(page);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await saveScreenshot(page, `layout-${name}`);
    const violations = await axeViolations(page);
    keepViolations(name, violations);
    expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
    expect(violations.length, describeViolations(violations)).toBe(0);
  });
});
