/**
 * Debian's Chromium driven by playwright-core. The flags keep it from reaching for the network at start-up, which
 * this machine's closed network refuses; a page that fails a test leaves a screenshot in tests/.artifacts/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject, onTestFailed } from "vitest";

export const ARTIFACTS = path.resolve(import.meta.dirname, "../../.artifacts");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Launch one browser for the test file; `openPage` gives each test a fresh page on the app. */
export function setUpBrowser() {
  let browser: Browser | undefined;
  // playwright-core starts Chromium with a new empty profile of its own each time.
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    baseUrl: inject("baseUrl"),
    async openPage(name: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
      if (!browser) throw new Error("the browser has not started");
      const page = await browser.newPage({ viewport, locale: "zh-CN" });
      onTestFailed(async () => {
        mkdirSync(path.join(ARTIFACTS, "failures"), { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, "failures", `${name}.png`), fullPage: true });
      });
      return page;
    },
  };
}

/** Keep a screenshot of a screen as a CI artifact: the whole page, or (for long texts) what is in view. */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(path.join(ARTIFACTS, "screens"), { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "screens", `${name}.png`), fullPage: options.fullPage ?? true });
}

/** Open an editor session in the page's browser context (the same cookie the sign-in page sets). */
export async function signIn(page: Page, baseUrl: string, name = "测试编辑"): Promise<void> {
  const response = await page.context().request.post(`${baseUrl}/api/session`, {
    data: { name, password: inject("editorPassword") },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
}
