/**
 * The English interface: the main screens with the locale cookie set to English show no Chinese in their chrome
 * (headings, buttons, table headers, labels, verdicts, reasons, targets, gaps, units). Quoted source text (report
 * sentences, names of places, report titles and names of indicators the lexicon does not know) stays as written.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { englishIndicatorName } from "@/lib/engine/indicators";
import { zhCN } from "@/lib/i18n/zh-CN";
import { saveScreenshot, setUpBrowser, signIn } from "./support/browser";

const app = setUpBrowser();

/** The Chinese phrases of the interface's own dictionary, cut at placeholders and punctuation: where chrome comes from. */
function phrases(value: unknown): string[] {
  if (typeof value === "string") return value.split(/\{\w+\}|[\s，。：:；;、（）()·—–,.!?“”]+/).filter(Boolean);
  if (value && typeof value === "object") return Object.values(value).flatMap(phrases);
  return [];
}
const DICTIONARY = new Set(phrases(zhCN).filter((phrase) => /[\u3400-\u9fff]/.test(phrase)));
/** A name as the data writes it: Chinese with the figures and punctuation inside it (`城镇新增就业1100万人`). */
const CJK_RUN = /[\u3400-\u9fff][\u3400-\u9fff\d.%、，,]*/g;

/**
 * Whether a Chinese run is a name from the data: an indicator the lexicon has no English name for (it stays as the
 * report wrote it), and no phrase of the interface's dictionary. A known indicator left in Chinese is not.
 */
function isUntranslatedName(run: string): boolean {
  return !englishIndicatorName(run) && !DICTIONARY.has(run);
}

/** The problems of a page whose Chinese is not all names from the data. */
function chromeProblems(found: string[]): string[] {
  return found.filter((text) =>
    (text.split(": ").slice(1).join(": ").match(CJK_RUN) ?? []).some((run) => !isUntranslatedName(run)),
  );
}

/** Chrome elements whose own text holds Chinese, outside quoted source text, jurisdiction names and report titles. */
async function chineseChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u3400-\u9fff]/;
    const chrome = [
      "h1,h2,h3,h4,button,th,td,label,legend,summary,caption,nav a,dt,dd,tspan",
      ".verdict,.evidence-reason,.num,.figure,.gap,.target-reason,.target-wording,[data-reason]",
    ].join(",");
    const found: string[] = [];
    for (const element of document.querySelectorAll(chrome)) {
      if (element.closest("[lang^='zh'],blockquote,q,cite,.source-text,.report-text,.jurisdiction-picker .chip"))
        continue;
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? "")
        .join("")
        .trim();
      // Names of places are proper nouns, written as they are; so are the titles of reports and quoted sentences.
      const words = own
        .replace(/“[^”]*”/g, "")
        .replace(/[\u3400-\u9fff]*(?:省|市|区|县|州|盟|旗|全国)/g, "")
        .replace(/\d{4}年[\u3400-\u9fff]*政府工作报告/g, "");
      if (CJK.test(words)) found.push(`${element.tagName.toLowerCase()}.${element.className}: ${words.slice(0, 80)}`);
    }
    return found;
  });
}

/** Chinese units, magnitudes and qualifiers anywhere in the page's figures and reasons. */
async function chineseFigures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const UNIT = /\d\s*(?:万|亿|千|百|个百分点|百分点|左右|以上|以内|人|元|家|个|斤|千瓦|处|台)/;
    const found: string[] = [];
    for (const element of document.querySelectorAll(".num,.figure,.gap,.verdict,.evidence-reason,td.num,dd")) {
      if (element.closest("[lang^='zh'],blockquote,q,cite,.source-text,.report-text")) continue;
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? "")
        .join("")
        .trim();
      if (UNIT.test(own)) found.push(`${element.tagName.toLowerCase()}.${element.className}: ${own.slice(0, 80)}`);
    }
    return found;
  });
}

async function walk(page: Page, path: string, problems: string[]): Promise<void> {
  await page.goto(`${app.baseUrl}${path}`, { waitUntil: "networkidle" });
  for (const problem of chromeProblems(await chineseChrome(page))) problems.push(`${path} ${problem}`);
  for (const problem of await chineseFigures(page)) problems.push(`${path} figure ${problem}`);
}

it("shows the main screens in English, Chinese only where it quotes the source", async () => {
  const page = await app.openPage("english");
  await page.context().addCookies([{ name: "luoshi_locale", value: "en", url: app.baseUrl }]);
  const problems: string[] = [];
  for (const path of [
    "/",
    "/j/000000/2017",
    "/j/000000/2018",
    "/compare",
    "/compare?j=440000&superior=1",
    "/peers?year=2026&level=province",
    "/review",
    "/review?code=370202&year=2019&reason=needs_review",
    "/jobs",
    "/sign-in",
    "/import",
  ]) {
    await walk(page, path, problems);
  }
  // A report page and a target page: their text is the source, their chrome English.
  await page.goto(`${app.baseUrl}/j/000000/2018`, { waitUntil: "networkidle" });
  const reportHref = await page.locator("a[href^='/reports/']").first().getAttribute("href");
  const targetHref = await page.locator("a[href^='/t/']").first().getAttribute("href");
  await walk(page, reportHref ?? "/reports/missing", problems);
  await walk(page, targetHref ?? "/t/missing", problems);
  // Signed in, the queue shows its editing controls too.
  await signIn(page, app.baseUrl);
  await walk(page, "/review?code=370202&year=2019&reason=needs_review", problems);
  await walk(page, "/jobs", problems);
  expect(problems).toEqual([]);

  // Card titles name the indicator in English; reasons, targets and gaps speak English with English units.
  await page.goto(`${app.baseUrl}/j/000000/2017`, { waitUntil: "networkidle" });
  const main = (await page.locator("main").textContent()) ?? "";
  expect(main).toContain("Actual 13.51 million people ≥ target 11 million people");
  expect(main).toMatch(/about 6\.5%/);
  expect(main).toMatch(/[+−]\d+(\.\d+)? pp/);
  expect(main).toContain("GDP growth");
  expect(await page.locator("main").textContent()).not.toContain("地区生产总值 growth");
  await page.goto(`${app.baseUrl}/compare`, { waitUntil: "networkidle" });
  expect(await page.getByRole("combobox", { name: "Indicator" }).inputValue()).toBe("GDP · Growth");
  await saveScreenshot(page, "compare-english");
});
