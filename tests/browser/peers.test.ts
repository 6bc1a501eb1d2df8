import { expect, it } from "vitest";
import { saveScreenshot, setUpBrowser } from "./support/browser";

const app = setUpBrowser();

it("ranks the 31 provinces' 2026 GDP growth targets, chart and table, as written and by the bound that decides", async () => {
  const page = await app.openPage("peers");
  await page.goto(`${app.baseUrl}/peers?indicator=地区生产总值&measure=growth&year=2026&level=province`);
  expect(await page.title()).toContain("同级比较");
  expect(await page.getByTestId("peers-scope").textContent()).toBe("省级地区");

  // One row per province in the chart (a range as a bar, a single figure as a dot), highest target first.
  const chart = page.locator(".chart-frame").first();
  await chart.locator(".recharts-yAxis-tick-labels text").first().waitFor();
  const labels = await chart
    .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
    .allTextContents();
  expect(labels).toHaveLength(31);
  expect(labels[0]).toBe("西藏自治区");

  // The table holds all 31 (windowed: the row count is on the table), Tibet first with 7%以上.
  const table = page.locator("table.data-table.windowed");
  expect(await table.getAttribute("aria-rowcount")).toBe("32");
  const first = table.locator("tbody tr[id^='peer-']").first();
  expect(await first.locator("td").nth(1).textContent()).toBe("西藏自治区");
  expect(await first.locator("td").nth(2).textContent()).toBe("7%以上");
  // 广东省's range 4.5–5% ranks with the 4.5% targets, not at its middle.
  const guangdong = table.locator("#peer-440000");
  await guangdong.scrollIntoViewIfNeeded();
  expect(await guangdong.locator("td").first().textContent()).toBe("25");
  expect(await guangdong.locator("td").nth(2).textContent()).toMatch(/4\.5%\s*[–—-]\s*5%/);
  // Last year's actual from the 2026 review (the 2025 report is not imported), marked as such.
  expect(await guangdong.locator("td").nth(6).textContent()).toBe("3.9%*");
  await saveScreenshot(page, "peers-provinces");
});

it("sorts by a column, keeps the sort in the address, and downloads the table as CSV", async () => {
  const page = await app.openPage("peers-sort");
  await page.goto(`${app.baseUrl}/peers?year=2026&level=province`);
  const table = page.locator("table.data-table.windowed");
  await table.locator("tbody tr[id^='peer-']").first().waitFor();
  await page.locator("th button", { hasText: "上年实际" }).click();
  await page.waitForURL(/sort=previousActual\.(asc|desc)/);
  const other = await app.openPage("peers-sorted");
  await other.goto(page.url());
  await other.locator("table.data-table.windowed tbody tr[id^='peer-']").first().waitFor();
  const ordered = await other
    .locator("table.data-table.windowed tbody tr[id^='peer-'] td:nth-child(7)")
    .allTextContents();
  const figures = ordered.map((text) => Number.parseFloat(text)).filter((v) => !Number.isNaN(v));
  const sorted = [...figures].sort((a, b) => a - b);
  expect(figures.length).toBeGreaterThan(5);
  expect(figures.join()).toMatch(new RegExp(`^(${sorted.join()}|${[...sorted].reverse().join()})$`));
  // Provinces whose review gave no figure come last, whichever the direction.
  const firstMissing = ordered.indexOf("—");
  expect(firstMissing).toBeGreaterThan(0);
  expect(ordered.slice(firstMissing).every((text) => text === "—")).toBe(true);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出本表 CSV" }).click();
  const file = await download;
  const path = await file.path();
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(path, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.trim().split("\r\n")).toHaveLength(32);
});

it("links a province's page to its superior and to its peers, and the overview browses by level", async () => {
  const page = await app.openPage("peers-hierarchy");
  await page.goto(`${app.baseUrl}/j/440000/2026`);
  const crumbs = page.locator("nav.breadcrumb");
  expect(await crumbs.getByRole("link", { name: "全国" }).getAttribute("href")).toBe("/j/000000");
  await page.getByRole("link", { name: "与同级地区比较" }).click();
  await page.waitForURL(/\/peers\?level=province&year=2026/);
  expect(await page.locator("table.data-table.windowed").getAttribute("aria-rowcount")).toBe("32");

  await page.goto(`${app.baseUrl}/?level=province`);
  await page.locator(".overview-filters").waitFor();
  // The list streams in after the page's frame.
  await page.locator("main a.jurisdiction-link").first().waitFor();
  const listed = await page.locator("main a.jurisdiction-link").allTextContents();
  expect(listed).toHaveLength(31);
  expect(listed).toContain("广东省");
  expect(listed).not.toContain("全国");
  await saveScreenshot(page, "overview-provinces");
});

it("shows the peers screen at phone width without scrolling the page sideways", async () => {
  const page = await app.openPage("peers-phone", { width: 390, height: 844 });
  await page.goto(`${app.baseUrl}/peers?year=2026&level=province`);
  await page.locator("table.data-table.windowed tbody tr[id^='peer-']").first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, "peers-phone");
});
