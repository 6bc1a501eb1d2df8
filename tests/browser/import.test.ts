import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { readFileBytes } from "@/lib/engine/reader";
import { format } from "@/lib/i18n";
import { zhCN } from "@/lib/i18n/zh-CN";
import { REPORT_PARAGRAPHS } from "../engine/reader/formats/fixtures";
import { layoutPages, writePdf } from "../engine/reader/formats/pdf-writer";
import { startServer } from "../net/server";
import { CORPUS, seedPath } from "../support/corpus";
import { saveScreenshot, setUpBrowser, signIn } from "./support/browser";

const app = setUpBrowser();

it("previews pasted text, saves it with an overridden year, and links to the new scorecard", async () => {
  const page = await app.openPage("import-paste");
  await signIn(page, app.baseUrl, "导入员");
  await page.goto(`${app.baseUrl}/import`);
  await page.locator(".import-form[data-ready]").waitFor();
  // Seed 002 (烟台市莱山区 2024) with one line added: new bytes, so a new document.
  const text = `${readFileSync(seedPath("002"), "utf8")}\n（浏览器测试副本）\n`;
  await page.getByLabel("报告全文").fill(text);
  await page.getByLabel("文件名").fill("laishan-copy.txt");
  await page.getByLabel("报告年份").fill("2031");
  await page.getByRole("button", { name: "预览", exact: true }).click();

  const entry = page.locator(".file-item", { hasText: "laishan-copy.txt" });
  await entry.locator(".file-status", { hasText: "已识别" }).waitFor();
  const preview = await entry.textContent();
  expect(preview).toContain("烟台市莱山区");
  expect(preview).toContain("370613");
  expect(await entry.locator(".notice", { hasText: "将按指定的" }).textContent()).toContain("2031年保存");
  const targets = Number(
    await entry.locator("dt", { hasText: "目标" }).locator("xpath=following-sibling::dd[1]").first().textContent(),
  );
  expect(targets).toBeGreaterThan(10);
  expect(await entry.getByText("主要预期目标").count()).toBe(1);
  await saveScreenshot(page, "import-preview");

  await page.getByRole("button", { name: "保存到数据库" }).click();
  await entry.locator(".file-status", { hasText: "已保存" }).waitFor();
  expect(await page.getByRole("status").filter({ hasText: "导入结果" }).textContent()).toContain("新建 1 个文档");
  await entry.getByRole("link", { name: /2031年评分卡/ }).click();
  await page.waitForURL(`${app.baseUrl}/j/370613/2031`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("烟台市莱山区 2031年目标落实");
});

it("uploads several files with progress, says which were already imported, and reports errors per file", async () => {
  const page = await app.openPage("import-files");
  await signIn(page, app.baseUrl, "导入员");
  await page.goto(`${app.baseUrl}/import`);
  await page.locator(".import-form[data-ready]").waitFor();
  await page.locator("input[type=file]").setInputFiles([
    { name: "001.txt", mimeType: "text/plain", buffer: readFileSync(seedPath("001")) },
    {
      name: "003.gb18030.txt",
      mimeType: "text/plain",
      buffer: readFileSync(path.join(CORPUS, "variants/003_c60be1a80293fcb0.gb18030.txt")),
    },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("") },
  ]);
  const items = page.locator(".file-item");
  // Nothing of an unreadable file is sent to be saved: a preview failure, not a failed save.
  await items.filter({ hasText: "empty.txt" }).locator(".file-status", { hasText: "预览未通过" }).waitFor();
  await items.filter({ hasText: "003.gb18030.txt" }).locator(".file-status", { hasText: "已识别" }).waitFor();
  // Same text as the seeds already stored (a GB18030 copy decodes to the same text).
  expect(await items.filter({ hasText: "001.txt" }).getByText("已导入过，内容相同，没有变化").count()).toBe(1);
  expect(await items.filter({ hasText: "003.gb18030.txt" }).textContent()).toContain("gb18030");
  expect(await items.filter({ hasText: "003.gb18030.txt" }).getByText("已导入过，内容相同，没有变化").count()).toBe(1);
  expect(await items.filter({ hasText: "empty.txt" }).getByRole("alert").textContent()).toBe(
    zhCN.import.problems.empty,
  );

  await page.getByRole("button", { name: "保存全部 2 个" }).click();
  const summary = page.getByRole("status").filter({ hasText: "导入结果" });
  await summary.waitFor();
  await items.filter({ hasText: "003.gb18030.txt" }).locator(".file-status", { hasText: "已保存" }).waitFor();
  expect(await summary.textContent()).toContain("新建 0 个文档，2 个已存在，0 个失败");
  expect(await page.getByRole("status").filter({ hasText: "预览未通过" }).textContent()).toBe(
    format(zhCN.screens.previewFailedSummary, { count: 1 }),
  );
  await saveScreenshot(page, "import-files");
});

it("does not store a reposted copy of a stored report twice unless the user chooses to keep both", async () => {
  const page = await app.openPage("import-near-duplicate");
  await signIn(page, app.baseUrl, "导入员");
  await page.goto(`${app.baseUrl}/import`);
  await page.locator(".import-form[data-ready]").waitFor();
  // Seed 002 (烟台市莱山区 2024, stored by the demo set-up) as a news site reposts it: a credit line more.
  const text = `${readFileSync(seedPath("002"), "utf8")}\n（转载自莱山区人民政府网站，责任编辑：王五）\n`;
  await page.getByLabel("报告全文").fill(text);
  await page.getByLabel("文件名").fill("laishan-repost.txt");
  await page.getByRole("button", { name: "预览", exact: true }).click();
  const entry = page.locator(".file-item", { hasText: "laishan-repost.txt" });
  await entry.locator(".file-status", { hasText: "已识别" }).waitFor();

  await page.getByRole("button", { name: "保存到数据库" }).click();
  const skipped = entry.locator("li", { hasText: "句子相同" });
  await skipped.waitFor();
  expect(await skipped.textContent()).toContain("没有保存");
  expect(await skipped.getByRole("link", { name: "查看已存的报告" }).getAttribute("href")).toMatch(/^\/reports\//);
  await saveScreenshot(page, "import-near-duplicate");

  await page.getByLabel("与已存报告大体相同时").selectOption("keep");
  await page.getByRole("button", { name: "保存到数据库" }).click();
  await entry.locator(".file-status", { hasText: "已保存" }).waitFor();
  expect(await entry.locator("li", { hasText: "句子相同" }).textContent()).toContain("已作为另一回顾来源保存");
});

it("previews and imports a PDF, and says in the dictionary's words why a scanned PDF cannot be read", async () => {
  const page = await app.openPage("import-pdf");
  await signIn(page, app.baseUrl, "导入员");
  await page.goto(`${app.baseUrl}/import`);
  await page.locator(".import-form[data-ready]").waitFor();
  expect(await page.locator("input[type=file]").getAttribute("accept")).toMatch(/\.pdf,\.docx/);
  // A district the seeds do not hold (青岛市崂山区), so that the other tests' counts stay as they are.
  const paragraphs = REPORT_PARAGRAPHS.map((paragraph) => paragraph.replaceAll("市南区", "崂山区"));
  const pdf = writePdf(layoutPages(paragraphs, { header: "政府工作报告（全文）", pageNumbers: true, linesPerPage: 9 }));
  const scan = writePdf([{ image: true }, { image: true }, { image: true }]);
  await page.locator("input[type=file]").setInputFiles([
    { name: "laoshan-2024.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) },
    { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from(scan) },
  ]);

  const items = page.locator(".file-item");
  const report = items.filter({ hasText: "laoshan-2024.pdf" });
  await report.locator(".file-status", { hasText: "已识别" }).waitFor();
  const preview = await report.textContent();
  expect(preview).toContain("青岛市崂山区");
  expect(preview).toContain("370212");
  expect(await report.getByText("主要预期目标").count()).toBe(1);
  // As many targets as the reader finds in the report's plain text.
  const [fromText] = readFileBytes(new TextEncoder().encode(paragraphs.join("\n")), { filename: "laoshan.txt" });
  const targets = report.locator("dt", { hasText: "目标" }).locator("xpath=following-sibling::dd[1]").first();
  expect(Number(await targets.textContent())).toBe(fromText?.reports[0]?.targets.length);
  expect(await report.locator("li", { hasText: "地区生产总值" }).textContent()).toMatch(/6\s*%/);

  const refused = items.filter({ hasText: "scan.pdf" });
  await refused.locator(".file-status", { hasText: "预览未通过" }).waitFor();
  expect(await refused.getByRole("alert").textContent()).toBe(format(zhCN.import.problems.no_text_layer, { pages: 3 }));
  await saveScreenshot(page, "import-pdf");

  await page.getByRole("button", { name: "保存到数据库" }).click();
  await report.locator(".file-status", { hasText: "已保存" }).waitFor();
  await report.getByRole("link", { name: /2024年评分卡/ }).click();
  await page.waitForURL(`${app.baseUrl}/j/370212/2024`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("青岛市崂山区 2024年目标落实");
});

it("imports a report from a web address as a background job, with its progress, and links to its scorecard", async () => {
  // A district no other test stores (青岛市李沧区), served from 127.0.0.1 (the test app allows private addresses).
  const text = REPORT_PARAGRAPHS.map((paragraph) => paragraph.replaceAll("市南区", "李沧区")).join("\n");
  const server = await startServer({
    "/licang-2024.txt": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(text);
    },
  });
  try {
    const page = await app.openPage("import-url");
    await signIn(page, app.baseUrl, "导入员");
    await page.goto(`${app.baseUrl}/import`);
    await page.locator(".import-form[data-ready]").waitFor();
    const address = server.url("/licang-2024.txt");
    await page.getByLabel(/网址（每行一个/).fill(`${address}\n`);
    await page.getByRole("button", { name: "加入导入列表" }).click();
    const entry = page.locator(".file-item", { hasText: address });
    await entry.locator(".file-status", { hasText: "保存时下载" }).waitFor();

    await page.getByRole("button", { name: "保存到数据库" }).click();
    await entry.locator(".file-status", { hasText: "已保存" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "导入结果" }).textContent()).toContain("新建 1 个文档");
    const scorecard = entry.getByRole("link", { name: /2024年评分卡/ });
    expect(await scorecard.getAttribute("href")).toBe("/j/370213/2024");
    await saveScreenshot(page, "import-url");

    // The job is listed among the background jobs, with its kind and what its file did.
    await page.goto(`${app.baseUrl}/jobs`);
    const row = page.locator("tr", { hasText: "1 个文件" }).first();
    expect(await row.textContent()).toContain("导入");
    expect(await row.textContent()).toContain("新建 1 个文档");
  } finally {
    await server.close();
  }
});

it("refuses addresses that are not http(s) before sending anything", async () => {
  const page = await app.openPage("import-url-invalid");
  await signIn(page, app.baseUrl, "导入员");
  await page.goto(`${app.baseUrl}/import`);
  await page.locator(".import-form[data-ready]").waitFor();
  await page.getByLabel(/网址（每行一个/).fill("ftp://example.gov.cn/report.txt");
  await page.getByRole("button", { name: "加入导入列表" }).click();
  expect(await page.getByRole("alert").filter({ hasText: "http://" }).textContent()).toBe(
    format(zhCN.import.invalidUrls, { max: 20 }),
  );
  expect(await page.locator(".file-item").count()).toBe(0);
});

it("keeps pasted text that is no report, says why in the interface's language, and counts nothing as saved", async () => {
  const page = await app.openPage("import-not-a-report");
  await signIn(page, app.baseUrl, "导入员");
  await page.goto(`${app.baseUrl}/import`);
  await page.locator(".import-form[data-ready]").waitFor();
  // Chinese, but a meeting's minutes: the reader finds no report in it.
  const text = "本周例会纪要：讨论了图书馆周末开放时间和会议室预约办法，下周继续讨论。";
  await page.getByLabel("报告全文").fill(text);
  await page.getByLabel("文件名").fill("minutes.txt");
  await page.getByRole("button", { name: "预览" }).click();
  const entry = page.locator(".file-item", { hasText: "minutes.txt" });
  await entry.locator(".file-status", { hasText: "预览未通过" }).waitFor();
  expect(await entry.getByRole("alert").textContent()).toBe(zhCN.import.problems.not_a_report);
  expect(await page.getByLabel("报告全文").inputValue()).toBe(text);
  expect(await page.getByRole("status").filter({ hasText: "导入结果" }).count()).toBe(0);
  expect(await page.getByRole("status").filter({ hasText: "预览未通过" }).textContent()).toBe(
    format(zhCN.screens.previewFailedSummary, { count: 1 }),
  );
});
