/**
 * The reader's and the matcher's versions change whenever their output does: each version's output over the corpus
 * is fingerprinted in tests/labels/versions.ts. When this fails, the output changed: if that is intended, give the
 * reader (lib/engine/reader/version.ts) or the matcher (ENGINE_VERSION, lib/engine/match) a new version and record
 * the printed fingerprint under it; never record a new fingerprint under an old version. The matcher's line is keyed
 * by both versions (a new reader records a new matcher line, with the matcher's version unchanged).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { analyzeReports, ENGINE_VERSION, printedPair, reportInputs } from "@/lib/engine/match";
import { READER_VERSION, toExtractOutput } from "@/lib/engine/reader";
import { renderReasons } from "@/lib/i18n/reasons";
import { RECORDED } from "../labels/versions";
import { NATIONAL, readCorpus, SEEDS } from "./reader/corpus";

const FILES = [...Object.values(SEEDS), NATIONAL];

async function documents() {
  const reads = await Promise.all(FILES.map((file) => readCorpus(file)));
  return reads.flatMap((read) => read.documents);
}

/** Files by their names only: the corpus sits at another path on each machine. */
const withoutFolders = (key: string, value: unknown) =>
  key === "file" && typeof value === "string" ? value.replace(/^.*[/\\]/, "") : value;

const fingerprint = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value, withoutFolders)).digest("hex").slice(0, 16);

describe("versions", () => {
  it(`the reader's output over the seeds and the State Council corpus is the one recorded for ${READER_VERSION}`, async () => {
    const found = fingerprint(toExtractOutput(await documents()));
    expect(RECORDED.reader[READER_VERSION], `record ${found} under a new READER_VERSION`).toBe(found);
  });

  // Keyed by both versions: a new reader gives the matcher other input, not another version.
  const matcherKey = `${ENGINE_VERSION} on ${READER_VERSION}`;
  it(`the matcher's pairs over the same reports are the ones recorded for ${matcherKey}`, async () => {
    const extracted = toExtractOutput(await documents()).documents;
    // The pairs as the CLI prints them: reasons rendered in Chinese (extraction.md).
    const pairs = analyzeReports(reportInputs(extracted), { tolerance: 0 });
    const found = fingerprint(pairs.map((pair) => printedPair(pair, (reasons) => renderReasons(reasons, "zh-CN"))));
    expect(RECORDED.matcher[matcherKey], `record ${found} under a new ENGINE_VERSION`).toBe(found);
  });
});
