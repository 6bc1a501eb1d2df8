import { expect, inject, it } from "vitest";
import { saveScreenshot, setUpBrowser, signIn } from "./support/browser";

const app = setUpBrowser();
const QUEUE = "/review?code=370202&year=2019&reason=needs_review";

it("shows the queue read-only to a reader, with a way to sign in", async () => {
  const page = await app.openPage("review-reader");
  await page.goto(`${app.baseUrl}${QUEUE}`);
  const notice = page.getByRole("note");
  expect(await notice.textContent()).toContain("登录为编辑后可以处理这些项目");
  expect(await notice.getByRole("link", { name: "登录" }).getAttribute("href")).toBe(
    `/sign-in?next=${encodeURIComponent(QUEUE)}`,
  );
  await page.locator(".review-item").first().waitFor();
  expect(await page.getByRole("button", { name: "确认无误" }).count()).toBe(0);
  // Target and outcome sentences side by side, with the clauses marked.
  const item = page.locator(".review-item", { has: page.getByRole("heading", { name: /道路整修/ }) });
  expect(await item.locator(".side").first().locator("mark.hl-target").textContent()).toBe("整修云霄路等32条道路");
  expect(await item.locator(".side").nth(1).locator("mark.hl-outcome").textContent()).toBe("整修市政道路11.7万平方米");
});

it("relinks an item to another outcome, records it in the history, and undoes it", async () => {
  const page = await app.openPage("review-relink");
  await signIn(page, app.baseUrl, "审核员甲");
  await page.goto(`${app.baseUrl}${QUEUE}`);
  const item = page.locator(".review-item", { has: page.getByRole("heading", { name: /道路整修/ }) });
  const outcomeSide = item.locator(".side").nth(1);
  expect(await outcomeSide.textContent()).toContain("整修市政道路11.7万平方米");

  // The note is required: acting without one says so next to the field.
  await item.getByRole("button", { name: "改选结果" }).click();
  const candidates = item.locator(".candidate-list li");
  await candidates.first().waitFor();
  await candidates.first().getByRole("button", { name: "选用" }).click();
  expect(await item.getByRole("alert").first().textContent()).toBe("请填写修改说明。");

  await item.getByLabel("修改说明（必填）").fill("按回顾原文改选结果");
  const chosen = (await candidates.first().locator("small").textContent())?.split(" · ")[0] ?? "";
  await candidates.first().getByRole("button", { name: "选用" }).click();
  await item.getByText("已保存。").waitFor();
  expect(await outcomeSide.textContent()).toContain(chosen);
  expect(await item.locator(".tag", { hasText: "人工" }).count()).toBe(1);

  await item.getByRole("button", { name: "修改记录" }).click();
  const history = item.locator(".history li");
  await history.first().waitFor();
  expect(await history.first().textContent()).toContain("改选结果");
  expect(await history.first().textContent()).toContain("审核员甲");
  expect(await history.first().textContent()).toContain("按回顾原文改选结果");
  await saveScreenshot(page, "review-relinked");

  await item.getByLabel("修改说明（必填）").fill("改错了，恢复原匹配");
  await item.getByRole("button", { name: "撤销上次修改" }).click();
  // The history reloads once the undo is saved: the relink is struck through.
  await item.locator(".history li.reverted").waitFor();
  expect(await outcomeSide.textContent()).toContain("整修市政道路11.7万平方米");
  expect(await history.count()).toBe(2);
  expect(await history.first().textContent()).toContain("撤销");
  expect(await item.locator(".history li.reverted").textContent()).toContain("已撤销");
});

it("rolls an optimistic edit back and explains a conflict when someone else changed the item", async () => {
  const page = await app.openPage("review-conflict");
  await signIn(page, app.baseUrl, "审核员乙");
  await page.goto(`${app.baseUrl}${QUEUE}`);
  const item = page.locator(".review-item", { has: page.getByRole("heading", { name: /全民健身设施/ }) });
  await item.waitFor();
  const targetId = (await item.getAttribute("id"))?.replace(/^t-/, "") ?? "";

  // Someone else (a script with the API token) accepts the same item after this page loaded.
  const scorecard = await page.request.get(`${app.baseUrl}/api/jurisdictions/370202/years/2019`);
  const target = ((await scorecard.json()) as { targets: { id: string; match: { version: number } }[] }).targets.find(
    (t) => t.id === targetId,
  );
  const other = await page.request.patch(`${app.baseUrl}/api/targets/${targetId}/match`, {
    headers: { authorization: `Bearer ${inject("apiToken")}` },
    data: { action: "accept", version: target?.match.version, note: "另一位编辑已确认" },
  });
  expect(other.status()).toBe(200);

  await item.getByLabel("修改说明（必填）").fill("单位不可比，标为未完成");
  await item.getByRole("button", { name: "设定结论" }).click();
  await item.getByLabel("结论").selectOption("missed");
  await item.locator("form").getByRole("button", { name: "设定结论" }).click();
  const alert = item.locator(".notice-error");
  await alert.waitFor();
  expect(await alert.textContent()).toContain("别人刚刚修改了这一项");
  // The optimistic verdict was rolled back to what the page showed.
  expect(await item.locator(".review-head .verdict").textContent()).toContain("待审核");
  await saveScreenshot(page, "review-conflict");
});

it("moves between items with j/k and shows the shortcuts with ?", async () => {
  const page = await app.openPage("review-keys");
  await signIn(page, app.baseUrl);
  await page.goto(`${app.baseUrl}/review?code=370202&year=2019`);
  // Shortcuts work once the queue is hydrated.
  await page.locator(".review-list[data-ready]").waitFor();
  expect(await page.locator(".review-item").first().getAttribute("class")).toContain("active");
  await page.keyboard.press("j");
  expect(await page.locator(".review-item").nth(1).getAttribute("class")).toContain("active");
  expect(await page.evaluate(() => document.activeElement?.classList.contains("review-item"))).toBe(true);
  await page.keyboard.press("k");
  expect(await page.locator(".review-item").first().getAttribute("class")).toContain("active");
  await page.keyboard.press("?");
  await page.getByRole("dialog", { name: "键盘快捷键" }).waitFor();
  await saveScreenshot(page, "review");
});

it("pages through the queue with the page in the URL", async () => {
  const page = await app.openPage("review-pages");
  await page.goto(`${app.baseUrl}/review`);
  const heading = await page.locator("#queue-title").textContent();
  const total = Number(heading?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThan(20);
  expect(await page.locator(".review-item").count()).toBe(20);
  await page.getByRole("link", { name: /下一页/ }).click();
  await page.waitForURL(/page=2/);
  await page.locator(".review-item").first().waitFor();
  expect(await page.locator(".pagination .num").textContent()).toMatch(/^第 2 \//);
});
