import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningApp, startApp } from "./support/app-server";
import { saveScreenshot, setUpBrowser } from "./support/browser";

const app = setUpBrowser();

it("signs an editor in with name and password, shows who is signed in, and signs out", async () => {
  const page = await app.openPage("sign-in");
  await page.goto(`${app.baseUrl}/import`);
  expect(await page.getByRole("note").textContent()).toContain("只有编辑可以导入报告");
  await page.getByRole("note").getByRole("link", { name: "登录" }).click();
  await page.waitForURL(/\/sign-in\?next=%2Fimport/);
  await page.locator(".sign-in[data-ready]").waitFor();

  // Field errors are shown next to their fields and announced.
  await page.getByRole("button", { name: "登录" }).click();
  expect(await page.getByLabel("姓名").getAttribute("aria-invalid")).toBe("true");
  await page.getByLabel("姓名").fill("王分析");
  await page.getByLabel("编辑口令").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByText("口令不正确。").waitFor();
  expect(await page.getByLabel("编辑口令").getAttribute("aria-describedby")).toBeTruthy();
  await saveScreenshot(page, "sign-in-error");

  await page.getByLabel("编辑口令").fill(inject("editorPassword"));
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${app.baseUrl}/import`);
  await page.getByText("编辑：王分析").waitFor();
  await page.getByLabel("报告全文").waitFor();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "luoshi_session")?.httpOnly).toBe(true);

  await page.locator(".header-session[data-ready]").waitFor();
  await page.getByRole("button", { name: "退出" }).click();
  await page.getByRole("link", { name: "编辑登录" }).waitFor();
  expect(await page.getByRole("note").textContent()).toContain("只有编辑可以导入报告");
});

it("refuses edits from a reader through the API", async () => {
  const page = await app.openPage("api-reader");
  const response = await page.request.patch(`${app.baseUrl}/api/targets/x/match`, {
    data: { version: 1, note: "x", accept: true },
  });
  expect(response.status()).toBe(401);
  const preview = await page.request.post(`${app.baseUrl}/api/import/preview`, { data: { text: "x" } });
  expect(preview.status()).toBe(401);
});

it("switches the interface to English and back", async () => {
  const page = await app.openPage("locale");
  await page.goto(app.baseUrl);
  await page.locator(".locale-switch[data-ready]").waitFor();
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { name: "Targets met, by jurisdiction" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  await saveScreenshot(page, "overview-en");
  await page.locator(".locale-switch[data-ready]").waitFor();
  await page.getByRole("button", { name: "切换到中文" }).click();
  await page.getByRole("heading", { name: "各地目标落实总览" }).waitFor();
});

describe("an instance without an editor password or API token", () => {
  let readOnly: RunningApp | undefined;
  beforeAll(async () => {
    readOnly = await startApp({
      databaseUrl: inject("databaseUrl"),
      unset: ["LUOSHI_EDITOR_PASSWORD", "LUOSHI_API_TOKEN"],
    });
  }, 90_000);
  afterAll(async () => {
    await readOnly?.stop();
  });

  it("says it is read-only in the header, on the sign-in page and on the screens that edit", async () => {
    const base = readOnly?.baseUrl ?? "";
    const page = await app.openPage("read-only");
    await page.goto(base);
    expect(await page.locator(".badge-readonly").textContent()).toBe("只读模式");
    await page.goto(`${base}/sign-in`);
    expect(await page.getByRole("note").textContent()).toContain("所有内容只读");
    expect(await page.getByLabel("编辑口令").count()).toBe(0);
    await page.goto(`${base}/review`);
    expect(await page.getByRole("note").textContent()).toContain("只读");
    await saveScreenshot(page, "review-read-only");
    const response = await page.request.patch(`${base}/api/targets/x/match`, {
      data: { version: 1, note: "x", accept: true },
    });
    expect(response.status()).toBe(403);
  });
});
