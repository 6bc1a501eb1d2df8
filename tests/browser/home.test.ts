import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, seedDatabase, startApp } from "./support/app-server";
import { saveScreenshot, setUpBrowser } from "./support/browser";

const app = setUpBrowser();

it("serves the overview in Chinese: every jurisdiction with its latest judged year, verdict shares and trend", async () => {
  const page = await app.openPage("home");
  const response = await page.goto(app.baseUrl);
  expect(response?.status()).toBe(200);
  expect(await page.title()).toContain("落实");
  expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");

  const nav = page.getByRole("navigation", { name: "主导航" });
  expect(await nav.getByRole("link").allTextContents()).toEqual([
    "总览",
    "年度对比",
    "同级比较",
    "待审队列",
    "导入报告",
  ]);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("各地目标落实总览");
  await page.getByRole("link", { name: "青岛市市南区" }).waitFor();

  const row = page.locator("tr", { has: page.getByRole("link", { name: "青岛市市南区" }) });
  expect(await row.getByRole("link", { name: "2019年" }).getAttribute("href")).toBe("/j/370202/2019");
  // The stacked bar states its counts in words, not in colour alone.
  expect(await row.getByRole("img").first().getAttribute("aria-label")).toMatch(
    /^完成 \d+，未完成 \d+，无结果 \d+，待审核 \d+，待回顾 \d+$/,
  );
  expect(await row.locator(".stacked-legend").textContent()).toContain("未完成");
  // 全国 has many judged years: its trend line has a point per judged year.
  const national = page.locator("tr", { has: page.getByRole("link", { name: "全国", exact: true }) });
  expect(await national.locator(".sparkline circle").count()).toBeGreaterThan(10);
  await saveScreenshot(page, "overview");
});

it("searches by name or code, with the query in the URL", async () => {
  const page = await app.openPage("home-search");
  await page.goto(app.baseUrl);
  await page.locator(".search-form[data-ready]").waitFor();
  await page.getByLabel("按地区名称或行政区划代码搜索").fill("市南");
  await page.waitForURL(/\?q=%E5%B8%82%E5%8D%97/);
  await page.getByRole("heading", { name: "找到 1 个地区" }).waitFor();
  expect(await page.locator(".overview-table tbody tr").count()).toBe(1);

  await page.goto(`${app.baseUrl}/?q=370613`);
  expect(await page.locator(".overview-table tbody tr").allTextContents()).toEqual([
    expect.stringContaining("烟台市莱山区"),
  ]);
  await page.goto(`${app.baseUrl}/?q=没有这个地方`);
  await page.getByText("没有符合“没有这个地方”的地区。").waitFor();
});

it("answers an unknown address with the not-found page and a way back", async () => {
  const page = await app.openPage("not-found");
  const response = await page.goto(`${app.baseUrl}/no-such-page`);
  expect(response?.status()).toBe(404);
  await page.getByRole("heading", { name: "找不到这个页面" }).waitFor();
  await page.getByRole("link", { name: "返回总览" }).click();
  await page.waitForURL(`${app.baseUrl}/`);
});

it("stays usable at phone width", async () => {
  const page = await app.openPage("home-phone", { width: 390, height: 844 });
  await page.goto(app.baseUrl);
  await page.getByRole("link", { name: "导入报告" }).waitFor();
  await page.getByRole("link", { name: "青岛市市南区" }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, "overview-phone");
});

describe("a new, empty database", () => {
  let empty: RunningApp | undefined;
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "luoshi-empty-"));
    const databaseUrl = `file:${path.join(dir, "empty.db")}`;
    await seedDatabase(databaseUrl, []);
    empty = await startApp({ databaseUrl });
  }, 90_000);
  afterAll(async () => {
    await empty?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("explains how to import instead of showing an empty table", async () => {
    const page = await app.openPage("overview-empty");
    await page.goto(empty?.baseUrl ?? "");
    await page.getByRole("heading", { name: "还没有导入任何报告" }).waitFor();
    expect(await page.getByRole("link", { name: "去导入报告" }).getAttribute("href")).toBe("/import");
    await page.getByText("npx luoshi import").waitFor();
    await saveScreenshot(page, "overview-empty");
  });
});
