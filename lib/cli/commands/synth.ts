/**
 * `luoshi synth --jurisdictions N --years Y --targets T [--out dir]`: write synthetic work reports (real GB/T codes,
 * our own wording) for exercising import, matching and the screens at scale. Files stream to disk one at a time.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { synthReports } from "@/lib/synth/report";
import { parseCommandArgs } from "../args";
import type { Command } from "../command";
import { progressBar } from "../output";

const USAGE = `Usage: luoshi synth --jurisdictions <N> --years <Y> --targets <T> [--first-year <year>] [--seed <n>] [--out <dir>]

Write N × Y synthetic work reports (plan and review sections, qualifiers, units and web noise) as
<dir>/<code>/<year>.txt, default dir data/synth. The same options always give the same files.

Options:
  --jurisdictions <N>  county-level jurisdictions, spread over the division list (default 10)
  --years <Y>          consecutive report years per jurisdiction (default 3)
  --targets <T>        targets per plan, at least 8 (default 60)
  --first-year <year>  the first report year (default 2016)
  --seed <n>           another seed gives other figures (default 1)
  --out <dir>          where to write (default data/synth)
  -h, --help           show this help`;

const ZInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const ZSynthArgs = z.object({
  positionals: z.array(z.string()).max(0, "synth takes no file arguments (use --out)"),
  jurisdictions: ZInt(1, 3000).default(10),
  years: ZInt(1, 30).default(3),
  targets: ZInt(8, 500).default(60),
  "first-year": ZInt(1990, 2100).default(2016),
  seed: ZInt(0, 2 ** 31).default(1),
  out: z.string().min(1).default(path.join("data", "synth")),
});

export const synthCommand: Command = {
  name: "synth",
  summary: "write synthetic reports for exercising import and the screens at scale",
  usage: USAGE,
  async run(argv, io) {
    const options = { type: "string" } as const;
    const args = parseCommandArgs(
      argv,
      { jurisdictions: options, years: options, targets: options, "first-year": options, seed: options, out: options },
      ZSynthArgs,
    );
    const total = args.jurisdictions * args.years;
    const bar = progressBar("writing [{bar}] {value}/{total} reports");
    bar.start(total, 0);
    let written = 0;
    for (const report of synthReports({ ...args, firstYear: args["first-year"] })) {
      const dir = path.join(args.out, report.code);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${report.year}.txt`), report.text);
      bar.update(++written);
    }
    bar.stop();
    io.stdout(`wrote ${written} reports to ${args.out}\n`);
    return 0;
  },
};
