/** A CLI sub-command. `run` returns the process exit status; it prints through `io` so tests can capture output. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run: (argv: string[], io: CliIO) => Promise<number>;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Raised for bad flags or arguments: main prints the message and the command's usage, exit status 2. */
export class UsageError extends Error {}
