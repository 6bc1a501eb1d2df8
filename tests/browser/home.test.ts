import { expect, it } from "vitest";
import { saveScreenshot, setUpBrowser } from "./support/browser";

const app = setUpBrowser();

it("serves the overview shell in Chinese, with navigation to every screen", async () => {
  const page = await app.openPage("home");
  const response = await page.goto(app.baseUrl);
  expect(response?.status()).toBe(200);
  expect(await page.title()).toContain("落实");
  expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");

  const nav = page.getByRole("navigation", { name: "主导航" });
  expect(await nav.getByRole("link").allTextContents()).toEqual(["总览", "年度对比", "待审队列", "导入报告"]);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("各地目标落实总览");
  // A fresh database: the overview explains how to import instead of showing an empty table.
  expect(await page.getByRole("heading", { name: "还没有导入任何报告" }).isVisible()).toBe(true);
  await saveScreenshot(page, "overview-empty");
});

it("answers an unknown address with the not-found page and a way back", async () => {
  const page = await app.openPage("not-found");
  const response = await page.goto(`${app.baseUrl}/no-such-page`);
  expect(response?.status()).toBe(404);
  expect(await page.getByRole("heading", { name: "找不到这个页面" }).isVisible()).toBe(true);
  await page.getByRole("link", { name: "返回总览" }).click();
  await page.waitForURL(`${app.baseUrl}/`);
});

it("stays usable at phone width", async () => {
  const page = await app.openPage("home-phone", { width: 390, height: 844 });
  await page.goto(app.baseUrl);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await page.getByRole("link", { name: "导入报告" }).isVisible()).toBe(true);
  await saveScreenshot(page, "overview-phone");
});
