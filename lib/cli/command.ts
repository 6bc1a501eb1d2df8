/** A CLI sub-command. `run` returns the process exit status; it prints through `io` so tests can capture output. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Resolves once stdout has taken what was written (a pipe's reader caught up). Commands that print a lot await it
   * between writes so that output is never held in memory; captured output in tests has none.
   */
  drain?: () => Promise<void>;
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
  drain: () => {
    const stdout = process.stdout;
    if (!stdout.writableNeedDrain) return Promise.resolve();
    // A closed stdout never drains: its EPIPE ends the process (process-guards.ts); "close" covers the rest.
    return new Promise((resolve) => {
      const done = () => {
        stdout.off("drain", done);
        stdout.off("close", done);
        resolve();
      };
      stdout.on("drain", done);
      stdout.on("close", done);
    });
  },
};

/** Raised for bad flags or arguments: main prints the message and the command's usage, exit status 2. */
export class UsageError extends Error {}

/**
 * An expected failure of a whole command (a file that cannot be written, no database): main prints its message as
 * one line, exit status 1.
 */
export class CommandError extends Error {}
