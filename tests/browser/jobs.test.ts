/**
 * Reports read by an older reader, and the re-read editors start as a background job: the overview's banner (editors
 * only), the re-read run by the app's worker to its end, the banner gone; a report's notice and the re-read of its
 * jurisdiction's year; the jobs page.
 */
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { databaseFromEnv } from "@/lib/db/providers";
import { READER_VERSION } from "@/lib/engine/reader/version";
import { saveScreenshot, setUpBrowser, signIn } from "./support/browser";

const app = setUpBrowser();
const OLD_READER = "luoshi-reader/old";
const CODE = "370202";
const YEAR = 2019;
/** A re-read of a few documents takes seconds; the worker polls every few. */
const JOB_TIMEOUT_MS = 90_000;

let db: Db;

/** Mark the jurisdiction-year's reports as read by an older reader: what a new reader version leaves behind. */
async function makeStale(): Promise<string[]> {
  const reports = await db.report.findMany({ where: { jurisdictionCode: CODE, year: YEAR }, select: { id: true } });
  expect(reports.length).toBeGreaterThan(0);
  await db.report.updateMany({ where: { jurisdictionCode: CODE, year: YEAR }, data: { readerVersion: OLD_READER } });
  return reports.map((r) => r.id);
}

const staleCount = () => db.report.count({ where: { readerVersion: { not: READER_VERSION } } });

beforeAll(async () => {
  db = createDb(databaseFromEnv({ DATABASE_URL: inject("databaseUrl") }));
  // The seeds were read by the running reader: nothing is stale before this file makes it so.
  expect(await staleCount()).toBe(0);
});

afterAll(async () => {
  // Whatever happened, later files see current reports only, and no job left running.
  await db.report.updateMany({ where: { readerVersion: OLD_READER }, data: { readerVersion: READER_VERSION } });
  await db.job.updateMany({ where: { state: { in: ["queued", "running"] } }, data: { state: "cancelled" } });
  await db.$disconnect();
});

it("shows readers no banner; shows editors the stale reports, re-reads them in the background, and the banner goes", async () => {
  await makeStale();

  const reader = await app.openPage("jobs-reader");
  await reader.goto(`${app.baseUrl}/`);
  await reader.getByRole("heading", { level: 1 }).waitFor();
  expect(await reader.locator(".job-banner").count()).toBe(0);
  await reader.goto(`${app.baseUrl}/jobs`);
  expect(await reader.getByRole("note").textContent()).toContain("后台任务只对编辑可见");
  await reader.close();

  const page = await app.openPage("jobs-banner");
  await signIn(page, app.baseUrl);
  await page.goto(`${app.baseUrl}/`);
  const banner = page.locator(".job-banner");
  await banner.waitFor();
  const stale = await staleCount();
  const total = await db.report.count();
  expect(await banner.getByRole("heading").textContent()).toBe(`${total} 份报告中有 ${stale} 份由旧版阅读器读取`);
  expect(await banner.textContent()).toContain(`${OLD_READER}（${stale} 份）`);
  expect(await banner.textContent()).toContain(`当前阅读器：${READER_VERSION}`);
  await saveScreenshot(page, "jobs-banner");

  await banner.getByRole("button", { name: "用当前阅读器重新读取" }).click();
  // Queued, then running with its progress; the link to the jobs page stays.
  await banner.getByRole("status").waitFor();
  expect(await banner.getByRole("link", { name: "查看后台任务" }).getAttribute("href")).toBe("/jobs");
  await banner.waitFor({ state: "detached", timeout: JOB_TIMEOUT_MS });
  expect(await staleCount()).toBe(0);

  const job = await db.job.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  expect(job).toMatchObject({ kind: "reread", state: "done", createdBy: "测试编辑" });
  expect(job.done).toBe(job.total);

  await page.goto(`${app.baseUrl}/jobs`);
  const row = page.locator(`tr[data-job="${job.id}"]`);
  expect(await row.getAttribute("data-state")).toBe("done");
  expect(await row.textContent()).toContain("已完成");
  expect(await row.textContent()).toContain("全部报告");
  expect(await row.textContent()).toContain("测试编辑");
  expect(await row.textContent()).toMatch(/重新读取 \d+ 份，失败 0 份/);
  await saveScreenshot(page, "jobs-list");
}, 150_000);

it("says on a stale report's page which reader read it, and lets an editor re-read its jurisdiction's year", async () => {
  const [id] = await makeStale();

  const reader = await app.openPage("jobs-report-reader");
  await reader.goto(`${app.baseUrl}/reports/${id}`);
  const readerNotice = reader.locator(".job-banner");
  expect(await readerNotice.textContent()).toContain(
    `本报告由阅读器 ${OLD_READER} 读取；当前阅读器为 ${READER_VERSION}。`,
  );
  expect(await readerNotice.getByRole("button").count()).toBe(0);
  await reader.close();

  const page = await app.openPage("jobs-report");
  await signIn(page, app.baseUrl);
  await page.goto(`${app.baseUrl}/reports/${id}`);
  const notice = page.locator(".job-banner");
  await notice.getByRole("button", { name: `重新读取青岛市市南区 ${YEAR} 年的报告` }).click();
  await notice.getByRole("status").waitFor();
  await expect
    .poll(async () => (await db.job.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).state, {
      timeout: JOB_TIMEOUT_MS,
      interval: 500,
    })
    .toBe("done");
  const job = await db.job.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  expect(job.params).toEqual({ code: CODE, year: YEAR });
  expect(await staleCount()).toBe(0);
}, 150_000);
