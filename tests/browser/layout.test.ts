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
    name: "compare",
    path: "/compare",
    ready: (page) => page.locator(".chart-frame .recharts-line").first().waitFor(),
    signedIn: false,
  },
  {
    name: "peers",
    path: "/peers?year=2026&level=province",
    ready: (page) => page.locator(".chart-frame svg path").first().waitFor(),
    signedIn: false,
  },
  {
    name: "target",
    path: async (page) => {
      await page.goto(`${app.baseUrl}${NATIONAL_2017}`);
      const href = await page.locator("a[data-permalink]").first().getAttribute("href");
      if (!href) throw new Error("the scorecard links no target page");
      return href;
    },
    ready: (page) => page.locator("#target-card").waitFor(),
    signedIn: false,
  },
  {
    name: "review",
    path: "/review",
    ready: (page) => page.getByRole("heading", { level: 1 }).waitFor(),
    signedIn: true,
  },
  {
    name: "import",
    path: "/import",
    ready: (page) => page.getByRole("textbox", { name: "报告全文" }).waitFor(),
    signedIn: true,
  },
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

describe("on a phone", () => {
  const PHONE = { width: 390, height: 844 };

  it("shows the scorecard's rows as cards with target → actual, gap, verdict and 纠错 (a table on a laptop)", async () => {
    const page = await app.openPage("layout-cards", PHONE);
    await page.goto(`${app.baseUrl}/j/370202/2019`);
    const card = page
      .locator(".target-card")
      .filter({ has: page.locator("dd", { hasText: /^7%左右$/ }) })
      .filter({ has: page.getByRole("heading", { name: /地区生产总值/ }) })
      .first();
    await card.waitFor();
    expect(await page.locator(".table-viewport").count()).toBe(0);
    const figures = await card.locator(".target-card-figures dd").allTextContents();
    expect(figures[0]).toBe("7%左右");
    expect(figures[1]).toContain("6%");
    expect(figures[2]).toMatch(/百分点/);
    expect(await card.locator(".verdict").textContent()).toContain("未完成");
    expect(await card.getByRole("button", { name: /纠错/ }).count()).toBe(1);
    const box = await card.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
    // The table's search filters the cards too.
    await page.getByRole("searchbox", { name: "搜索目标" }).fill("地区生产总值");
    await page.waitForFunction(() => document.querySelectorAll(".target-card").length <= 3);
    await saveScreenshot(page, "layout-cards", { fullPage: false });

    const desktop = await app.openPage("layout-table", { width: 1440, height: 900 });
    await desktop.goto(`${app.baseUrl}/j/370202/2019`);
    await desktop.locator(".table-viewport tbody tr").first().waitFor();
    expect(await desktop.locator(".target-card").count()).toBe(0);
  });

  it("keeps the leftmost card's evidence popover inside the window", async () => {
    const page = await app.openPage("layout-evidence", PHONE);
    await page.goto(`${app.baseUrl}/j/370202/2019`);
    const card = page.locator(".headline-card").first();
    await card.locator(".evidence[data-ready]").waitFor();
    await card.getByRole("button", { name: "查看原句" }).click();
    const panel = card.locator(".evidence-panel");
    await panel.waitFor();
    const box = await panel.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, "layout-evidence", { fullPage: false });
  });

  it("opens a tapped highlight's details in a sheet in view, closed by Esc or its button, focus handed back", async () => {
    const page = await app.openPage("layout-sheet", PHONE);
    await page.goto(`${app.baseUrl}/j/370202/2019`);
    const href = await page.getByRole("link", { name: "2019年政府工作报告（目标）" }).getAttribute("href");
    await page.goto(`${app.baseUrl}${href}`);
    const highlight = page.locator(".report-text a.hl-target").nth(5);
    await highlight.waitFor();
    await page.locator(".report-side").waitFor();
    await page.waitForLoadState("networkidle");
    await highlight.click();
    const sheet = page.getByRole("dialog", { name: "所选条目" });
    await sheet.waitFor();
    const box = await sheet.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.height + 1).toBe(true);
    expect(await sheet.textContent()).toContain("目标");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("selected-panel"))).toBe(true);
    // The highlight stays visible above the sheet.
    const tapped = await highlight.boundingBox();
    expect(tapped && box && tapped.y >= 0 && tapped.y + tapped.height <= box.y).toBe(true);
    await saveScreenshot(page, "layout-sheet", { fullPage: false });

    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.classList.contains("hl"))).toBe(true);

    // The same highlight again opens it again; the close button closes it.
    await highlight.click();
    await sheet.waitFor();
    await sheet.getByRole("button", { name: "关闭" }).click();
    await sheet.waitFor({ state: "detached" });
  });
});

describe("the browser's first requests", () => {
  it("serves a favicon", async () => {
    const page = await app.openPage("layout-favicon");
    const response = await page.context().request.get(`${app.baseUrl}/favicon.ico`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\//);
  });

  it("titles a not-found page as such and marks no screen of the navigation as current", async () => {
    const page = await app.openPage("layout-404");
    for (const missing of ["/j/370202/1990", "/no-such-page"]) {
      expect((await page.goto(`${app.baseUrl}${missing}`))?.status()).toBe(404);
      await page.getByRole("heading", { name: "找不到这个页面" }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.title()).toMatch(/^找不到这个页面/);
      expect(await page.locator("title").count()).toBe(1);
      expect(await page.locator(".site-header nav [aria-current]").count()).toBe(0);
    }
  });
});
