/**
 * The real corpus, read where CI puts it: `../shared/corpus` beside the repository. Reads are cached per file so the
 * test files can share them.
 */
import { fileURLToPath } from "node:url";
import { type ReadDocument, type ReadError, type ReadReport, readPath } from "@/lib/engine/reader";

export const CORPUS = fileURLToPath(new URL("../../../../shared/corpus/", import.meta.url));

export const SEEDS = {
  shinan2025: "seeds/000_9e7a45089d25ec8e.txt",
  shinanTwoYears: "seeds/001_afcc151cafc2b4a6.txt",
  laishan2024: "seeds/002_4956f23b0c3276e5.txt",
  kuiwen2025: "seeds/003_c60be1a80293fcb0.txt",
  shinanNews: "seeds/004_3f6588de4f1c987f.txt",
} as const;
export const NATIONAL = "national/government_work_reports.jsonl";

export function corpusPath(relative: string): string {
  return `${CORPUS}${relative}`;
}

export interface CorpusRead {
  documents: ReadDocument[];
  problems: ReadError[];
}

const cache = new Map<string, Promise<CorpusRead>>();

/** Read a corpus file (path relative to the corpus), once per test run. */
export function readCorpus(relative: string): Promise<CorpusRead> {
  let read = cache.get(relative);
  if (!read) {
    const problems: ReadError[] = [];
    read = readPath(corpusPath(relative), { onProblem: (p) => problems.push(p) }).then((documents) => ({
      documents,
      problems,
    }));
    cache.set(relative, read);
  }
  return read;
}

export async function corpusReports(relative: string): Promise<ReadReport[]> {
  return (await readCorpus(relative)).documents.flatMap((d) => d.reports);
}

/** The report of `relative` whose plan is for `planYear` (throws when there is none, to fail loudly). */
export async function planReport(relative: string, planYear: number): Promise<ReadReport> {
  const report = (await corpusReports(relative)).find((r) => r.planYear === planYear);
  if (!report) throw new Error(`no report with plan year ${planYear} in ${relative}`);
  return report;
}
