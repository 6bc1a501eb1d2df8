import { expect, it } from "vitest";
import { saveScreenshot, setUpBrowser } from "./support/browser";

const app = setUpBrowser();

interface ReportRef {
  reportId: string;
}

async function reportIds(page: import("playwright-core").Page, code: string, year: number) {
  const response = await page.request.get(`${app.baseUrl}/api/jurisdictions/${code}/years/${year}`);
  return (await response.json()) as { plan: ReportRef | null; review: ReportRef | null };
}

it("shows the report with targets and outcomes highlighted, and the selected item's row and match", async () => {
  const page = await app.openPage("report");
  const { review } = await reportIds(page, "370202", 2019);
  expect(review).not.toBeNull();
  await page.goto(`${app.baseUrl}/reports/${review?.reportId}`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("青岛市市南区 2020年 · 政府工作报告");

  // What was detected: jurisdiction, years, encoding, confidence, sections.
  const meta = page.locator(".report-side .panel").first();
  expect(await meta.textContent()).toContain("370202");
  expect(await meta.locator("dd code").textContent()).toBe("utf-8");
  expect(await meta.locator(".section-list li").count()).toBeGreaterThanOrEqual(2);
  expect(await meta.textContent()).toMatch(/识别把握\d+%/);

  const text = page.locator(".report-text");
  expect(await text.locator("a.hl-target").count()).toBeGreaterThan(20);
  expect(await text.locator("a.hl-outcome").count()).toBeGreaterThan(20);

  // Clicking an outcome shows the target that claimed it, with the verdict.
  await text.locator("a.hl-outcome", { hasText: "预计全区生产总值同比增长6%左右" }).click();
  await page.waitForURL(/#o-/);
  const selected = page.locator(".selected-panel");
  await selected.getByText("对应目标").waitFor();
  expect(await selected.textContent()).toContain("地区生产总值");
  expect(await selected.locator(".verdict").textContent()).toContain("未完成");

  // A target of the 2020 plan: its own row (no review of 2020 yet).
  await text.locator("a.hl-target").first().click();
  await page.waitForURL(/#t-/);
  await selected.getByText("目标", { exact: true }).first().waitFor();
  await saveScreenshot(page, "report", { fullPage: false });
});

it("toggles to the original text, as imported before normalisation", async () => {
  const page = await app.openPage("report-original");
  // 莱山区 2024: traditional characters with pinyin notes in the original, simplified in the normalised text.
  const { plan } = await reportIds(page, "370613", 2024);
  await page.goto(`${app.baseUrl}/reports/${plan?.reportId}`);
  const normalized = await page.locator(".report-text").textContent();
  expect(normalized).not.toContain("(qū)");
  await page.getByRole("link", { name: "原始文本" }).click();
  await page.waitForURL(/view=original/);
  await page.locator(".report-text.original").waitFor();
  expect(await page.locator(".report-text.original").textContent()).toContain("(qū)");
  expect(await page.getByRole("link", { name: "原始文本" }).getAttribute("aria-current")).toBe("true");
  await saveScreenshot(page, "report-original", { fullPage: false });
});

it("answers an unknown report with the not-found page", async () => {
  const page = await app.openPage("report-404");
  expect((await page.goto(`${app.baseUrl}/reports/no-such-report`))?.status()).toBe(404);
});
