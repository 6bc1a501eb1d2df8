/**
 * Verdicts on screen: the gap in place of 完成度 (coloured by the verdict), 纠错 from a scorecard row with the review
 * queue's edit panel, pending and review-only years with pages, and the queue's unclaimed-outcomes tab and paging.
 */
import { expect, it } from "vitest";
import { saveScreenshot, setUpBrowser, signIn } from "./support/browser";

const app = setUpBrowser();

it("shows the gap in points, coloured by the verdict: GDP 6% against 7%左右 is −1 个百分点, missed", async () => {
  const page = await app.openPage("gap");
  await page.goto(`${app.baseUrl}/j/370202/2019`);
  const card = page.locator(".headline-card", { has: page.getByRole("heading", { name: "地区生产总值" }) });
  const gap = card.locator(".gap");
  expect((await gap.textContent())?.trim()).toBe("−1 个百分点");
  expect(await gap.getAttribute("class")).toContain("gap-missed");
  expect(await card.textContent()).not.toContain("完成度");
  // The table's gap column: no 完成度 header, and a met level target reads as a share of its target.
  const table = page.locator("table.data-table").last();
  await table.locator("tbody tr").first().waitFor();
  expect(await table.locator("thead").textContent()).toContain("差距");
  expect(await table.locator("thead").textContent()).not.toContain("完成度");
  const jobs = table.locator("tbody tr", { hasText: "金融机构" }).first();
  expect(await jobs.locator(".gap").textContent()).toMatch(/^目标的 \d+%$/);
  expect(await jobs.locator(".gap").getAttribute("class")).toContain("gap-met");
  // Signed out, 纠错 is there but disabled, and the page says how to sign in.
  expect(await jobs.getByRole("button", { name: /纠错/ }).isDisabled()).toBe(true);
  expect(await page.locator(".notice", { hasText: "纠错" }).getByRole("link", { name: "登录" }).count()).toBe(1);
  await saveScreenshot(page, "gap-scorecard");
});

it("corrects a target from its scorecard row with the queue's edit panel", async () => {
  const page = await app.openPage("correct-row");
  await signIn(page, app.baseUrl);
  await page.goto(`${app.baseUrl}/j/370202/2019`);
  const table = page.locator("table.data-table").last();
  await table.locator("tbody tr").first().waitFor();
  const row = table.locator("tbody tr", { hasText: "发明专利" }).first();
  const button = row.getByRole("button", { name: "纠错" });
  expect(await button.isDisabled()).toBe(false);
  await button.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("heading", { name: /纠错：.*发明专利/ }).waitFor();
  // The same panel as the queue: note, accept, relink, unlink, manual, verdict, history.
  await dialog.getByRole("button", { name: "改选结果" }).waitFor();
  await saveScreenshot(page, "correct-dialog", { fullPage: false });
  await dialog.getByRole("button", { name: "设定结论" }).click();
  await dialog.getByLabel("修改说明（必填）").fill("浏览器测试：从评分卡纠错");
  await dialog.getByLabel("结论").selectOption("met");
  await dialog.locator("form").getByRole("button", { name: "设定结论" }).click();
  await dialog.getByText("已保存。").waitFor();
  await dialog.getByRole("button", { name: "修改记录" }).click();
  // The history quotes the note (the match's reason shows it too, unquoted).
  await dialog.getByText("“浏览器测试：从评分卡纠错”").waitFor();
  await dialog.getByRole("button", { name: "关闭" }).first().click();
  // The page is refreshed: the row now carries the 人工 mark.
  await row.locator(".tag", { hasText: "人工" }).waitFor();
});

it("gives a pending year a page whose targets are pending, not failures", async () => {
  const page = await app.openPage("pending-year");
  const response = await page.goto(`${app.baseUrl}/j/370202/2020`);
  expect(response?.status()).toBe(200);
  await page.locator("[data-year-kind=pending]").waitFor();
  const table = page.locator("table.data-table").last();
  await table.locator("tbody tr").first().waitFor();
  const verdicts = await table.locator("tbody .verdict").allTextContents();
  expect(verdicts.length).toBeGreaterThan(0);
  expect(verdicts.some((v) => v.includes("待回顾"))).toBe(true);
  expect(verdicts.some((v) => v.includes("未完成") || v.includes("无结果"))).toBe(false);
  await saveScreenshot(page, "pending-year");
});

it("gives a review-only year a page instead of a 404", async () => {
  const page = await app.openPage("review-only-year");
  const response = await page.goto(`${app.baseUrl}/j/370202/2018`);
  expect(response?.status()).toBe(200);
  const notice = page.locator("[data-year-kind=review_only]");
  await notice.waitFor();
  expect(await notice.getByRole("link", { name: /回顾 2018 年的报告/ }).count()).toBe(1);
  await saveScreenshot(page, "review-only-year");
});

it("puts unclaimed outcomes in their own tab, context hidden by default, and pages honestly past the end", async () => {
  const page = await app.openPage("review-tabs");
  await page.goto(`${app.baseUrl}/review?tab=outcomes`);
  const tab = page.getByRole("link", { name: /未认领的结果/ });
  expect(await tab.getAttribute("aria-current")).toBe("page");
  const toggle = page.getByRole("switch", { name: /显示期间数与描述性数字/ });
  expect(await toggle.getAttribute("aria-checked")).toBe("false");
  const items = page.locator(".review-item");
  if ((await items.count()) > 0) {
    expect(await items.first().locator(".tag").first().textContent()).toBeTruthy();
  }
  await saveScreenshot(page, "review-outcomes-tab");
  await toggle.click();
  await page.waitForURL(/context=1/);
  expect(await page.getByRole("switch").getAttribute("aria-checked")).toBe("true");

  await page.goto(`${app.baseUrl}/review?page=9999`);
  const past = page.locator("[data-past-end]");
  await past.waitFor();
  expect(await past.textContent()).toMatch(/第 \d+ 页之后没有项目/);
  expect(await page.getByText("没有需要审核的项目。").count()).toBe(0);
});

it("shows a five-year review's period figures beside the State Council's 2017 targets, each linked to its sentence", async () => {
  const page = await app.openPage("period-figures");
  await page.goto(`${app.baseUrl}/j/000000/2017`);
  const section = page.locator("section.period-figures");
  await section.getByRole("heading", { name: "五年期数字" }).waitFor();
  const row = section.locator("tbody tr", { hasText: "年均增长7.1%" }).first();
  expect(await row.textContent()).toContain("2013—2017年");
  const link = row.getByRole("link");
  expect(await link.getAttribute("href")).toMatch(/^\/reports\/[^/#]+#o-/);
  await saveScreenshot(page, "period-figures");
  // The sentence in the report: the period figure is highlighted there, and no target claims it.
  await link.click();
  await page.waitForURL(/#o-/);
  expect(await page.locator(".report-text a.hl-outcome", { hasText: "7.1%" }).count()).toBeGreaterThan(0);
});
