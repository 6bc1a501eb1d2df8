import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Download, Page } from "playwright-core";
import { expect, it } from "vitest";
import { ARTIFACTS, saveScreenshot, setUpBrowser, signIn } from "./support/browser";

const app = setUpBrowser();

/** Width and height from a PNG's header: the signature, then the IHDR chunk (big-endian width and height). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Keeps a downloaded image beside the screenshots, and reads it back. */
async function savedDownload(download: Download): Promise<{ name: string; bytes: Buffer }> {
  const dir = path.join(ARTIFACTS, "screens");
  mkdirSync(dir, { recursive: true });
  const name = download.suggestedFilename();
  const file = path.join(dir, `download-${name}`);
  await download.saveAs(file);
  return { name, bytes: readFileSync(file) };
}

/**
 * The State Council's 2018 GDP growth target (6.5%左右, 6.6% reported by the 2019 report: met), opened from its headline
 * card on the scorecard.
 */
async function openGdp2018(page: Page) {
  await page.goto(`${app.baseUrl}/j/000000/2018`);
  const card = page.locator(".headline-card", { has: page.getByRole("heading", { name: "地区生产总值增长" }) });
  // Every row of the table (every card on a phone) links to its target's page as well.
  await page.locator(".target-table[data-ready]").waitFor();
  expect(await page.locator(".target-table a[data-permalink]").count()).toBeGreaterThan(10);
  await card.getByRole("link", { name: "地区生产总值：目标页（可引用的链接）" }).click();
  await page.waitForURL(/\/t\/[A-Za-z0-9_-]+$/);
}

it("opens the State Council's 2018 GDP target from the scorecard: sentence, verdict, reason in words, source", async () => {
  const page = await app.openPage("target-page");
  await openGdp2018(page);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("全国 2018年目标：地区生产总值");
  expect(await page.title()).toMatch(/^全国 2018年目标：地区生产总值/);
  const description = await page.locator('meta[property="og:description"]').getAttribute("content");
  expect(description).toContain("6.5%左右");
  expect(await page.locator('meta[property="og:url"]').getAttribute("content")).toBe(page.url());

  const card = page.locator("#target-card");
  // The plan's sentence, the target's clause marked and its figure in bold.
  const mark = card.locator(".target-quote-target mark.hl-target");
  expect(await mark.textContent()).toBe("国内生产总值增长6.5%左右");
  expect(await mark.locator(".target-figure").textContent()).toBe("6.5%");
  expect(await card.locator(".target-quote-outcome mark.hl-outcome").textContent()).toContain("6.6%");
  expect(await card.locator(".verdict").textContent()).toBe("✓完成");
  // The reason is words, not a code.
  const reason = (await card.locator("[data-reason]").textContent()) ?? "";
  expect(reason).toContain("6.6%");
  expect(reason).not.toMatch(/at_or_above_target|_/);
  expect(await card.locator(".gap").textContent()).toMatch(/^\+0\.1 个百分点$/);

  // The plan that set the target and the review that reported the outcome, each with its public address.
  expect(await page.locator(".target-sources li").count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator('.target-sources li[data-role="review"]').textContent()).toContain(
    "2019年中华人民共和国国务院政府工作报告",
  );
  const plan = page.locator('.target-sources li[data-role="plan"]');
  expect(await plan.locator("a.source-url").getAttribute("href")).toMatch(/^https:\/\/zh\.wikisource\.org\/wiki\//);
  // The national corpus gives no publish date: the import date stands in, and says so.
  expect(await plan.locator("time").textContent()).toMatch(/^导入于 \d{4}-\d{2}-\d{2}（发布日期不详）$/);
  expect(await page.locator(".target-audit").textContent()).toContain("没有人工修改");
  // Read-only for a visitor: no way to the review queue.
  expect(await page.locator(".target-correct-link").count()).toBe(0);
  // The report view links its selected target here too.
  const id = page.url().split("/t/")[1] ?? "";
  const reportHref = await card.locator(".target-quote-target").getAttribute("cite");
  await page.goto(`${app.baseUrl}${reportHref}`);
  const selected = page.locator(".selected-panel");
  expect(await selected.getByRole("link", { name: "地区生产总值：目标页（可引用的链接）" }).getAttribute("href")).toBe(
    `/t/${id}`,
  );
  await page.goBack();
  expect(await page.locator(".target-citation").textContent()).toMatch(
    /^来源：2018年中华人民共和国国务院政府工作报告，https:\/\/zh\.wikisource\.org\/.+，经落实 Luoshi 检索 http:\/\/.+\/t\/.+$/,
  );
  await saveScreenshot(page, "target-page");
});

it("downloads the target's card as a PNG named after it, the button left out of the image", async () => {
  const page = await app.openPage("target-page-download");
  await openGdp2018(page);
  const button = page.getByRole("button", { name: /^下载为图片：全国 2018 地区生产总值增长/ });
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const { name, bytes } = await savedDownload(download);
  expect(name).toBe("luoshi-000000-2018-地区生产总值.png");
  const size = pngSize(bytes);
  expect(size.width).toBeGreaterThan(0);
  expect(size.height).toBeGreaterThan(0);
  // The copy drawn off screen is gone; the page is as it was.
  expect(await page.locator(".image-frame").count()).toBe(0);
  expect(await button.isEnabled()).toBe(true);
});

it("downloads a scorecard chart as a PNG from the keyboard", async () => {
  const page = await app.openPage("chart-download");
  await page.goto(`${app.baseUrl}/j/000000/2018`);
  await page.locator(".chart-frame .recharts-bar-rectangle").first().waitFor();
  const frame = page.locator(".chart-frame").first();
  const title = (await frame.locator("h3").textContent()) ?? "";
  const button = frame.getByRole("button", { name: `下载为图片：图表“${title}”` });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const { name, bytes } = await savedDownload(download);
  expect(name).toBe(`luoshi-000000-2018-${title.replace(/\s+/g, "-")}.png`);
  const size = pngSize(bytes);
  expect(size.width).toBeGreaterThan(0);
  expect(size.height).toBeGreaterThan(0);
});

it("labels the download and the reason in English when English is chosen", async () => {
  const page = await app.openPage("target-page-en");
  await page.context().addCookies([{ name: "luoshi_locale", value: "en", url: app.baseUrl }]);
  await openGdp2018En(page);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("全国 2018 target: GDP");
  expect(await page.getByRole("button", { name: /^Download as image: / }).count()).toBe(1);
  const reason = (await page.locator("#target-card [data-reason]").textContent()) ?? "";
  expect(reason).toMatch(/[a-z]{3}/);
  expect(reason).not.toMatch(/[\u4e00-\u9fff]/);
  await saveScreenshot(page, "target-page-en");
});

async function openGdp2018En(page: Page) {
  await page.goto(`${app.baseUrl}/j/000000/2018`);
  const card = page.locator(".headline-card", { has: page.getByRole("heading", { name: "GDP growth", exact: true }) });
  await card.getByRole("link", { name: "GDP: target page (link to cite)" }).click();
  await page.waitForURL(/\/t\/[A-Za-z0-9_-]+$/);
}

it("works without JavaScript, except for the download", async () => {
  const page = await app.openPage("target-page-nojs");
  await openGdp2018(page);
  const url = page.url();
  const context = await page.context().browser()?.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
  if (!context) throw new Error("no browser");
  const plain = await context.newPage();
  const response = await plain.goto(url);
  expect(response?.status()).toBe(200);
  expect(await plain.getByRole("heading", { level: 1 }).textContent()).toBe("全国 2018年目标：地区生产总值");
  expect(await plain.locator("#target-card mark.hl-target").count()).toBe(1);
  expect(await plain.locator(".target-sources a.source-url").count()).toBeGreaterThan(0);
  expect(await plain.getByRole("button", { name: /下载为图片/ }).count()).toBe(0);
  await context.close();
});

it("shows editors the way to correct the target in the review queue", async () => {
  const page = await app.openPage("target-page-editor");
  await signIn(page, app.baseUrl);
  await openGdp2018(page);
  const link = page.locator(".target-correct-link");
  expect(await link.textContent()).toBe("在审核队列中纠错");
  expect(await link.getAttribute("href")).toBe("/review?code=000000&year=2018");
});

// axe on this screen, at 390 and 1440 px: tests/browser/layout.test.ts.
it("fits a phone's width without scrolling the page sideways", async () => {
  const page = await app.openPage("target-page-phone", { width: 390, height: 844 });
  await openGdp2018(page);
  await page.locator("#target-card").waitFor();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, "target-page-phone");
});

it("answers 404 with the not-found page for an unknown or malformed id", async () => {
  const page = await app.openPage("target-page-404");
  for (const id of ["c0000000000000000000000000", "not%20an%20id", "x".repeat(80)]) {
    const response = await page.goto(`${app.baseUrl}/t/${id}`);
    expect(response?.status()).toBe(404);
    // The page's title arrives with the streamed metadata: wait for it rather than read the shell's.
    await page.waitForFunction(() => document.title.startsWith("找不到这个页面"));
    expect(await page.title()).toBe("找不到这个页面 · 落实");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("找不到这个页面");
  }
  await saveScreenshot(page, "target-page-404");
});
