/**
 * `luoshi synth --jurisdictions N --years Y --targets T [--out dir]`: write synthetic work reports (real GB/T codes,
 * our own wording) for exercising import, matching and the screens at scale. Files stream to disk one at a time.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { synthReports, treeDivisions } from "@/lib/synth/report";
import { parseCommandArgs } from "../args";
import { type Command, UsageError } from "../command";
import { progressBar } from "../output";

const USAGE = `Usage: luoshi synth --jurisdictions <N> --years <Y> --targets <T> [--first-year <year>] [--seed <n>] [--out <dir>]
       luoshi synth --provinces <P> --cities <C> --counties <K> --years <Y> ...

Write N × Y synthetic work reports (plan and review sections, qualifiers, units and web noise) as
<dir>/<code>/<year>.txt, default dir data/synth. The same options always give the same files.

With --provinces, write a hierarchy instead: P provinces, up to C prefecture cities of each, up to K counties of
each city (as many as GB/T 2260 lists; the command says how many it wrote). Each subordinate's GDP growth target is its superior's plus a known
amplification (−0.5 to +1.5 points), and each review states the GDP level, for the peers and amplification screens.

Options:
  --jurisdictions <N>  county-level jurisdictions, spread over the division list (default 10)
  --provinces <P>      write a hierarchy of P provinces (at most 31)
  --cities <C>         prefecture cities of each province in a hierarchy, at most (default 2)
  --counties <K>       counties of each city in a hierarchy, at most (default 3)
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
  provinces: ZInt(1, 31).optional(),
  cities: ZInt(1, 50).optional(),
  counties: ZInt(0, 50).optional(),
});

/** The number of jurisdictions of a tree, or a usage error when the division list cannot give that shape. */
function treeSize(tree: { provinces: number; cities: number; counties: number }): number {
  try {
    return treeDivisions(tree).length;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export const synthCommand: Command = {
  name: "synth",
  summary: "write synthetic reports for exercising import and the screens at scale",
  usage: USAGE,
  async run(argv, io) {
    const options = { type: "string" } as const;
    const args = parseCommandArgs(
      argv,
      {
        jurisdictions: options,
        years: options,
        targets: options,
        "first-year": options,
        seed: options,
        out: options,
        provinces: options,
        cities: options,
        counties: options,
      },
      ZSynthArgs,
    );
    if (args.provinces === undefined && (args.cities !== undefined || args.counties !== undefined))
      throw new UsageError("--cities and --counties shape a hierarchy: give --provinces too");
    const tree =
      args.provinces === undefined
        ? undefined
        : { provinces: args.provinces, cities: args.cities ?? 2, counties: args.counties ?? 3 };
    const jurisdictions = tree ? treeSize(tree) : args.jurisdictions;
    const total = jurisdictions * args.years;
    const bar = progressBar("writing [{bar}] {value}/{total} reports");
    bar.start(total, 0);
    let written = 0;
    for (const report of synthReports({ ...args, firstYear: args["first-year"], tree })) {
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
