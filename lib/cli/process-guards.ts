/**
 * What the CLI process does when its outputs close or something escapes a command: `luoshi export | head` ends
 * quietly with status 0 once head has what it wants (as Unix tools do on SIGPIPE); an error nothing caught prints
 * one line, not a stack trace; files half-written are removed on the way out.
 */
import { debugging, shortMessage } from "./failure";

const cleanups = new Set<() => void>();
const onSigint = () => exitWith(130);
const onSigterm = () => exitWith(143);

/**
 * Run `cleanup` (synchronous: it may run in an exit handler) if the process ends before the returned function is
 * called. Ctrl-C is caught only meanwhile: otherwise it must stop a long synchronous read at once.
 */
export function cleanupOnExit(cleanup: () => void): () => void {
  if (cleanups.size === 0) {
    process.on("SIGINT", onSigint);
    process.on("SIGTERM", onSigterm);
  }
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) {
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigterm);
    }
  };
}

function runCleanups(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Best effort: the process is ending anyway.
    }
  }
  cleanups.clear();
}

function exitWith(status: number): never {
  runCleanups();
  process.exit(status);
}

function fatal(error: unknown): never {
  try {
    process.stderr.write(`luoshi: ${shortMessage(error)}\n`);
    if (debugging() && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  } catch {
    // stderr itself is gone.
  }
  return exitWith(1);
}

let installed = false;

export function installProcessGuards(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      // The reader went away (head, a closed pager): nothing more can be shown, and nothing went wrong.
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") exitWith(0);
      if (stream === process.stderr) exitWith(1);
      fatal(error);
    });
  }
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  process.on("exit", runCleanups);
}
