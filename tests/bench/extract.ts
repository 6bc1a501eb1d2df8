/**
 * Extraction throughput on the real corpus: MiB of input bytes per second and reports per second, on one core, plus
 * peak memory; in process, no database. Each round reads every file of a set from its bytes through the whole reader
 * (decode → normalise → split into reports → extract targets and outcomes); 3 untimed warm-up rounds, then 7 rounds
 * timed one by one.
 * Then the cost of pasted lists of thousands of figures (text written here, in three shapes: a review list, a headline
 * list, a news item of clauses), at 2 000, 8 000 and 20 000 items: each pass of the reader must stay linear in its
 * input, so the time per item must not grow with the list (one untimed warm-up read, then the best of three).
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

const LIST_SHAPES: Record<string, (n: number) => string> = {
  "review list": (n) =>
    `一、2023年工作回顾\n过去一年，${Array.from({ length: n }, (_, i) => `新增企业${i % 97}家`).join("、")}。\n` +
    "二、2024年工作安排\n主要预期目标是：地区生产总值增长6%左右。",
  "headline list": (n) =>
    `2024年主要预期目标是：${Array.from({ length: n }, (_, i) => `指标${i % 50}增长${i % 9}%`).join("，")}。`,
  "news clauses": (n) => `本报讯 今年，${Array.from({ length: n }, (_, i) => `完成投资${i % 90}亿元`).join("，")}。`,
};
const LIST_SIZES = [2000, 8000, 20000];

function readOnce(text: string): number {
  const started = performance.now();
  try {
    readFileBytes(new TextEncoder().encode(text), { filename: "list.txt" });
  } catch {
    // A list the reader refuses still costs its reading.
  }
  return performance.now() - started;
}

function benchLongLists(): void {
  for (const [shape, make] of Object.entries(LIST_SHAPES)) {
    const cells = LIST_SIZES.map((n) => {
      const text = make(n);
      readOnce(text);
      const best = Math.min(readOnce(text), readOnce(text), readOnce(text));
      return `${n} items ${best.toFixed(0)} ms (${((best * 1000) / n).toFixed(1)} µs/item)`;
    });
    console.log(`${shape}: ${cells.join(", ")}`);
  }
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
  benchLongLists();
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
