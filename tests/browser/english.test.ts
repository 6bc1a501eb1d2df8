/**
 * The English interface: the main screens with the locale cookie set to English show no Chinese in their chrome
 * (headings, buttons, table headers, labels, verdicts, reasons). Quoted source text (report sentences, names of
 * places and of indicators the lexicon does not know) stays as written.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { saveScreenshot, setUpBrowser } from "./support/browser";

const app = setUpBrowser();

/** Chrome elements whose own text holds Chinese, outside quoted source text and jurisdiction names. */
async function chineseChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u3400-\u9fff]/;
    const chrome = "h1,h2,h3,h4,button,th[scope=col],label,legend,summary,caption,.verdict,.evidence-reason,nav a";
    const found: string[] = [];
    for (const element of document.querySelectorAll(chrome)) {
      if (element.closest("[lang^='zh'],blockquote,q,.source-text,.report-text,.jurisdiction-picker .chip")) continue;
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? "")
        .join("")
        .trim();
      // Names of places are proper nouns, written as they are.
      const words = own.replace(/[\u3400-\u9fff]*(?:省|市|区|县|州|盟|旗|全国)/g, "");
      if (CJK.test(words)) found.push(`${element.tagName.toLowerCase()}: ${own.slice(0, 60)}`);
    }
    return found;
  });
}

it("shows the main screens in English, Chinese only where it quotes the source", async () => {
  const page = await app.openPage("english");
  await page.context().addCookies([{ name: "luoshi_locale", value: "en", url: app.baseUrl }]);
  const screens = ["/", "/j/000000/2017", "/compare", "/compare?j=440000&superior=1", "/import"];
  const problems: string[] = [];
  for (const path of screens) {
    await page.goto(`${app.baseUrl}${path}`, { waitUntil: "networkidle" });
    for (const problem of await chineseChrome(page)) problems.push(`${path} ${problem}`);
  }
  // A report page: its text is the source, its chrome English.
  await page.goto(`${app.baseUrl}/j/000000/2017`);
  const reportLink = page.locator("a[href^='/reports/']").first();
  await page.goto(`${app.baseUrl}${await reportLink.getAttribute("href")}`, { waitUntil: "networkidle" });
  for (const problem of await chineseChrome(page)) problems.push(`report ${problem}`);
  expect(problems).toEqual([]);

  // Card titles name the indicator in English and reasons speak English.
  await page.goto(`${app.baseUrl}/j/000000/2017`, { waitUntil: "networkidle" });
  expect(await page.locator("main").textContent()).toContain("GDP growth");
  expect(await page.locator("main").textContent()).not.toContain("地区生产总值 growth");
  await page.goto(`${app.baseUrl}/compare`, { waitUntil: "networkidle" });
  expect(await page.getByRole("combobox", { name: "Indicator" }).inputValue()).toBe("GDP · Growth");
  await saveScreenshot(page, "compare-english");
});
