/** The shared corpus beside the repository (../shared/corpus), read at run time, never copied. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus");
export const SEEDS = path.join(CORPUS, "seeds");
export const NATIONAL = path.join(CORPUS, "national/government_work_reports.jsonl");
/** The 31 provinces' 2026 reports, one CSV per province. */
export const PROVINCES_2026 = path.join(CORPUS, "provinces-2026");
export const provinceFiles = (): string[] =>
  readdirSync(PROVINCES_2026)
    .filter((name) => name.endsWith(".csv"))
    .sort()
    .map((name) => path.join(PROVINCES_2026, name));

export const seedPath = (prefix: string): string => {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${SEEDS}`);
  return path.join(SEEDS, name);
};

export const seedFiles = (): string[] =>
  readdirSync(SEEDS)
    .sort()
    .map((name) => path.join(SEEDS, name));

export const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(file));
