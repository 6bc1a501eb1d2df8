import { expect, it } from "vitest";
import { saveScreenshot, setUpBrowser } from "./support/browser";

const app = setUpBrowser();

/** Parse RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

it("reaches 市南区 2019 from the overview and shows GDP 7% against 6%, missed, with both sentences", async () => {
  const page = await app.openPage("scorecard");
  await page.goto(app.baseUrl);
  await page.getByRole("link", { name: "青岛市市南区" }).click();
  // The jurisdiction opens on its latest judged year: 2019, judged against the 2020 report's review.
  await page.waitForURL(`${app.baseUrl}/j/370202/2019`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("青岛市市南区 2019年目标落实");

  const card = page.locator(".headline-card", { has: page.getByRole("heading", { name: "地区生产总值" }) });
  expect(await card.locator("dd").first().textContent()).toBe("7%左右");
  expect(await card.locator("dd").nth(1).textContent()).toBe("预计6%");
  expect(await card.locator(".verdict").textContent()).toContain("未完成");

  await card.locator(".evidence[data-ready]").waitFor();
  await card.getByRole("button", { name: "查看原句" }).click();
  const panel = card.locator(".evidence-panel");
  await panel.waitFor();
  expect(await panel.locator("mark.hl-target").textContent()).toBe("全区生产总值增长7%左右");
  expect(await panel.locator("mark.hl-outcome").textContent()).toBe("预计全区生产总值同比增长6%左右");
  expect(await panel.getByRole("link", { name: "在原文中查看" }).count()).toBe(2);

  // Both charts render (Recharts draws into SVG once it has measured its container).
  await page.locator(".chart-frame .recharts-bar-rectangle").first().waitFor();
  expect(await page.locator(".chart-frame").count()).toBe(2);
  await saveScreenshot(page, "scorecard");
});

it("filters the target table to missed targets, keeps the filter in the URL, and links rows to the report", async () => {
  const page = await app.openPage("scorecard-table");
  await page.goto(`${app.baseUrl}/j/370202/2019`);
  const table = page.getByRole("region", { name: "青岛市市南区 2019年目标落实" });
  // The table is interactive once hydrated.
  await page.locator(".target-table[data-ready]").waitFor();
  const total = await page.locator(".table-count").textContent();
  expect(total).toMatch(/^显示 (\d+) \/ \1 项$/);

  await page.locator(".chips label", { hasText: "未完成" }).click();
  await page.waitForURL(/verdict=missed/);
  const rows = table.locator("tbody tr:not(.spacer)");
  const verdicts = await rows.locator(".verdict").allTextContents();
  expect(verdicts.length).toBeGreaterThan(0);
  expect(verdicts.every((v) => v.includes("未完成"))).toBe(true);
  expect((await rows.locator(".cell-indicator").allTextContents()).some((text) => text.endsWith("地区生产总值"))).toBe(
    true,
  );
  expect(await page.locator(".table-count").textContent()).toBe(
    `显示 ${verdicts.length} / ${total?.match(/\/ (\d+)/)?.[1]} 项`,
  );

  // Sorting by the gap is a URL parameter too, and a reload restores the whole view.
  await table.getByRole("button", { name: /差距/ }).click();
  await page.waitForURL(/sort=gap\.(asc|desc)/);
  await page.reload();
  await table.locator("tbody tr").first().waitFor();
  expect(await rows.locator(".verdict").allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining("未完成")]),
  );
  expect(await page.locator(".chips input[type=checkbox]:checked").count()).toBe(1);
  await saveScreenshot(page, "scorecard-missed");

  // A row's indicator opens the report at that target, selected in the side panel.
  await rows.locator(".cell-indicator", { hasText: "地区生产总值" }).click();
  await page.waitForURL(/\/reports\/[^#]+#t-/);
  const selected = page.locator(".selected-panel");
  await selected.getByRole("heading", { name: /地区生产总值/ }).waitFor();
  expect(await selected.textContent()).toContain("7%左右");
});

it("exports the year's targets as CSV with one row per target", async () => {
  const page = await app.openPage("scorecard-export");
  await page.goto(`${app.baseUrl}/j/370202/2019`);
  const href = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
  expect(href).toBe("/api/export?code=370202&year=2019&format=csv");
  // Chinese headers by default; the codes' English names with lang=en.
  const response = await page.request.get(`${app.baseUrl}${href}&lang=en`);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
  const [header, ...data] = rows;
  expect(header).toContain("verdict");
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const total = Number((await page.locator(".summary-total .big").textContent())?.trim());
  expect(data.length).toBeGreaterThanOrEqual(total);
  expect(data.every((row) => row[column("code")] === "370202" && row[column("year")] === "2019")).toBe(true);
  const gdp = data.find((row) => row[column("indicator")] === "地区生产总值" && row[column("measure")] === "growth");
  expect(gdp?.[column("verdict")]).toBe("missed");
  expect(gdp?.[column("target_value")]).toBe("7");
  expect(gdp?.[column("outcome_value")]).toBe("6");
  expect(gdp?.[column("estimated")]).toBe("true");
  const xlsx = await page.getByRole("link", { name: "导出 Excel" }).getAttribute("href");
  expect(xlsx).toBe("/api/export?code=370202&year=2019&format=xlsx");
});

it("lays the scorecard out for a phone without sideways scrolling of the page", async () => {
  const page = await app.openPage("scorecard-phone", { width: 390, height: 844 });
  await page.goto(`${app.baseUrl}/j/370202/2019`);
  await page.locator(".headline-card").first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, "scorecard-phone");
});

it("answers an unknown jurisdiction or year with the not-found page", async () => {
  const page = await app.openPage("scorecard-404");
  expect((await page.goto(`${app.baseUrl}/j/370202/1990`))?.status()).toBe(404);
  expect((await page.goto(`${app.baseUrl}/j/999999`))?.status()).toBe(404);
  await page.getByRole("heading", { name: "找不到这个页面" }).waitFor();
});
