/**
 * Extraction throughput on the real corpus: MiB of input bytes per second and reports per second, on one core, plus
 * peak memory. Each round reads every file of a set from its bytes through the whole reader (decode → normalise →
 * split into reports → extract targets and outcomes); 3 untimed warm-up rounds, then 7 rounds timed one by one.
 * Run from the repository root:
 *   npm run bench -- extract
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { readFileBytes } from "@/lib/engine/reader";

const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
const SETS: { name: string; files: string[] }[] = [
  { name: "national (72 lines, 1954–2025)", files: ["national/government_work_reports.jsonl"] },
  {
    name: "seeds (5 files)",
    files: [
      "seeds/000_9e7a45089d25ec8e.txt",
      "seeds/001_afcc151cafc2b4a6.txt",
      "seeds/002_4956f23b0c3276e5.txt",
      "seeds/003_c60be1a80293fcb0.txt",
      "seeds/004_3f6588de4f1c987f.txt",
    ],
  },
];
const WARM_UP_ROUNDS = 3;
const MEASURED_ROUNDS = 7;

function extractAll(inputs: { name: string; bytes: Uint8Array }[]): number {
  let reports = 0;
  for (const { name, bytes } of inputs) {
    for (const document of readFileBytes(bytes, { filename: name })) reports += document.reports.length;
  }
  return reports;
}

/** Rounds are timed one by one: the median says what to expect, the best what the code does without contention. */
export async function benchExtract(): Promise<void> {
  for (const set of SETS) {
    const inputs = await Promise.all(
      set.files.map(async (file) => ({ name: file, bytes: new Uint8Array(await readFile(`${CORPUS}${file}`)) })),
    );
    const mebibytes = inputs.reduce((sum, input) => sum + input.bytes.length, 0) / 1024 / 1024;
    let reports = 0;
    for (let i = 0; i < WARM_UP_ROUNDS; i++) reports = extractAll(inputs);
    const seconds: number[] = [];
    for (let i = 0; i < MEASURED_ROUNDS; i++) {
      const started = performance.now();
      extractAll(inputs);
      seconds.push((performance.now() - started) / 1000);
    }
    seconds.sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)] ?? Number.NaN;
    const best = seconds[0] ?? Number.NaN;
    console.log(
      `${set.name}: ${mebibytes.toFixed(2)} MiB, ${reports} reports; ${WARM_UP_ROUNDS} warm-up + ` +
        `${MEASURED_ROUNDS} timed rounds → median ${(mebibytes / median).toFixed(1)} MiB/s ` +
        `(${(median * 1000).toFixed(0)} ms/round, ${(reports / median).toFixed(0)} reports/s), ` +
        `best ${(mebibytes / best).toFixed(1)} MiB/s`,
    );
  }
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
