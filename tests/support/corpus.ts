/** The shared corpus beside the repository (../shared/corpus), read at run time, never copied. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus");
export const SEEDS = path.join(CORPUS, "seeds");
export const NATIONAL = path.join(CORPUS, "national/government_work_reports.jsonl");

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
