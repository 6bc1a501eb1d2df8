import { readFileSync } from "node:fs";
import { readSettings, SettingsError } from "@/lib/settings";
import { type CliIO, type Command, processIO, UsageError } from "./command";
import { reportFailure } from "./failure";

export { installProcessGuards } from "./process-guards";

/** Sub-commands are loaded on demand so that `luoshi --help` does not pay for the engine or the database. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  extract: {
    summary: "read reports and print their targets and outcomes",
    load: async () => (await import("./commands/extract")).extractCommand,
  },
  analyze: {
    summary: "extract, then pair each plan with its review and judge every target",
    load: async () => (await import("./commands/analyze")).analyzeCommand,
  },
  import: {
    summary: "import reports into the database (DATABASE_URL), then pair and judge them",
    load: async () => (await import("./commands/import")).importCommand,
  },
  reanalyze: {
    summary: "judge stored targets again; manual edits are kept and flagged where the engine disagrees",
    load: async () => (await import("./commands/reanalyze")).reanalyzeCommand,
  },
  reread: {
    summary: "read stored reports again with the current reader, keeping every analyst's edit",
    load: async () => (await import("./commands/reread")).rereadCommand,
  },
  synth: {
    summary: "write synthetic reports for exercising import and the screens at scale",
    load: async () => (await import("./commands/synth")).synthCommand,
  },
  editor: {
    summary: "add, list, change the password of, or remove the accounts editors sign in with",
    load: async () => (await import("./commands/editor")).editorCommand,
  },
  export: {
    summary: "write targets, matches and verdicts as CSV, XLSX, Parquet, Stata or JSON",
    load: async () => (await import("./commands/export")).exportCommand,
  },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "luoshi (落实): did this government do what it said it would?",
    "",
    "Usage: luoshi <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Options:",
    "  -h, --help     show this help, or a command's help after its name",
    "  -v, --version  print the version",
    "",
  ].join("\n");
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === "-v" || name === "--version") {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr(`luoshi: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  let command: Command | undefined;
  try {
    // Settings are checked before any command runs: a bad value stops here, naming the variable.
    readSettings();
    command = await entry.load();
    if (rest.includes("-h") || rest.includes("--help")) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`luoshi ${name}: ${error.message}\n\n${command?.usage ?? ""}\n`);
      return 2;
    }
    if (error instanceof SettingsError) {
      for (const problem of error.problems) io.stderr(`luoshi: ${problem}\n`);
      return 2;
    }
    // Whatever else escaped the command: one line (LUOSHI_DEBUG=1 adds the stack), never a dump.
    reportFailure(io, name, null, error);
    return 1;
  }
}
