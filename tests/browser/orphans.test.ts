/**
 * An analyst's edit a re-read could not carry over, as the review queue shows it: the State Council's 1998 plan is
 * given a target an older reader read (a real target's clause with words added) and an analyst's verdict on it; the
 * current reader reads the document again and no longer has it. The queue shows the orphan with its edit and the real
 * target as a likely successor; the editor carries the verdict there.
 */
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { editMatch } from "@/lib/db/edits";
import { rematchYear } from "@/lib/db/matching";
import { databaseFromEnv } from "@/lib/db/providers";
import { rereadReports } from "@/lib/db/reread";
import { writeTransaction } from "@/lib/db/transaction";
import { saveScreenshot, setUpBrowser, signIn } from "./support/browser";

const app = setUpBrowser();
const ENGINE = { tolerance: 0 };
const CODE = "000000";
const YEAR = 1998;

let db: Db;
let successor: { id: string; text: string };

beforeAll(async () => {
  db = createDb(databaseFromEnv({ DATABASE_URL: inject("databaseUrl") }));
  const { id, text, reportId, ...real } = await db.target.findFirstOrThrow({
    where: { jurisdictionCode: CODE, planYear: YEAR, measure: "growth" },
    orderBy: { position: "asc" },
  });
  successor = { id, text };
  const invented = await db.target.create({
    data: { ...real, reportId, position: 900, text: `${text}，并据此编制虚构的配套专项规划` },
  });
  await writeTransaction(db, (tx, provider) => rematchYear(tx, provider, CODE, YEAR, ENGINE));
  const { match } = await db.target.findUniqueOrThrow({ where: { id: invented.id }, include: { match: true } });
  if (!match) throw new Error("the invented target was not judged");
  await editMatch(
    db,
    invented.id,
    { action: "set_verdict", verdict: "met", version: match.version, note: "报告称已完成" },
    "审核员甲",
    ENGINE,
  );
  await db.report.update({ where: { id: reportId }, data: { readerVersion: "luoshi-reader/older" } });
  const summary = await rereadReports(db, { code: CODE, year: YEAR }, ENGINE);
  expect(summary.orphaned).toBe(1);
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
});

it("shows the orphaned edit with its likely successor, and carries it there", async () => {
  const page = await app.openPage("orphan");
  await signIn(page, app.baseUrl);
  await page.goto(`${app.baseUrl}/review?reason=edit_orphaned&code=${CODE}`);
  const item = page.locator("li.review-item").first();
  await item.waitFor();
  expect(await item.getByRole("heading", { level: 2 }).textContent()).toMatch(/新读取中已不存在的目标/);
  expect(await item.textContent()).toContain("报告称已完成");
  expect(await item.textContent()).toContain("审核员甲");
  const offered = item.locator(".candidate-list li").filter({ hasText: successor.text });
  await offered.waitFor();
  await saveScreenshot(page, "review-orphan");

  // A note first: without one nothing is sent.
  await offered.getByRole("button", { name: "把修改转到这里" }).click();
  expect(await item.getByRole("alert").textContent()).toBe("请填写修改说明。");
  await item.getByLabel("修改说明（必填）").fill("新读取中的同一目标");
  await offered.getByRole("button", { name: "把修改转到这里" }).click();
  await item.getByText("已转到新的对应项。").waitFor();

  const carried = await db.match.findUniqueOrThrow({ where: { targetId: successor.id }, include: { edits: true } });
  expect(carried).toMatchObject({ manual: true, verdict: "met" });
  expect(carried.edits.at(-1)).toMatchObject({ editor: "测试编辑", action: "set_verdict", note: "新读取中的同一目标" });
  await page.goto(`${app.baseUrl}/review?reason=edit_orphaned&code=${CODE}`);
  await page.getByText("筛选条件下没有需要审核的项目。").waitFor();
  await page.close();
});
