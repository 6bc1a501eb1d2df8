/**
 * Demo data for the quick start: three years of work reports of a fictional district, written for Luoshi in the
 * style of real ones (qualifiers, ranges, 万人 against 人, a unit mismatch, a missing outcome, a result stated in
 * words). Its code is outside GB/T 2260 and it is marked `demo`. Importing it again changes nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "./client";
import { importFile } from "./import";
import type { RematchOptions } from "./matching";

export const DEMO_JURISDICTION = { code: "990102", name: "望川市澄湖区（示例）", level: "county", demo: true } as const;
export const DEMO_YEARS = [2023, 2024, 2025] as const;
const DEMO_DIR = path.resolve(import.meta.dirname, "../../prisma/demo");

export async function loadDemoData(db: Db, options: RematchOptions): Promise<{ created: number }> {
  await db.jurisdiction.upsert({ where: { code: DEMO_JURISDICTION.code }, create: DEMO_JURISDICTION, update: {} });
  let created = 0;
  for (const year of DEMO_YEARS) {
    const filename = path.join(DEMO_DIR, `${year}.txt`);
    const result = await importFile(
      db,
      {
        filename: `demo/${year}.txt`,
        bytes: new Uint8Array(readFileSync(filename)),
        override: { code: DEMO_JURISDICTION.code, name: DEMO_JURISDICTION.name, year },
        importedBy: "demo",
      },
      options,
    );
    const failure = result.failed[0];
    if (failure) throw new Error(`demo data: ${failure.error}`);
    created += result.documents.filter((document) => document.created).length;
  }
  return { created };
}
