/**
 * How the CLI tells a user that something failed: one line, `luoshi <command>: [<file>: ]<short message>`, never a
 * stack trace or an error's raw dump (a ZodError's issue list, Prisma's invocation and code frame with source paths).
 * LUOSHI_DEBUG=1 adds the stack after the line, for whoever debugs the CLI.
 */
import { fileURLToPath } from "node:url";
import { ReadError } from "@/lib/engine/reader";
import { ZSettings } from "@/lib/settings";
import type { CliIO } from "./command";

const MAX_MESSAGE_CHARS = 300;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Locations in the program's own source that Prisma's and Node's messages carry (`lib/db/import.ts:170:44`). */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCE_PATH = new RegExp(`(?:file://)?${escapeRegExp(ROOT)}[^\\s:]*\\.(?:[cm]?[jt]sx?)(?![\\w.])(?::\\d+)*`, "g");

function hasIssues(error: unknown): error is { issues: { path: PropertyKey[]; message: string }[] } {
  return (
    typeof error === "object" &&
    error !== null &&
    Array.isArray((error as { issues?: unknown }).issues) &&
    (error as { issues: unknown[] }).issues.length > 0
  );
}

/** One line that says what went wrong, without file names of the program's own source. */
export function shortMessage(error: unknown): string {
  if (error instanceof ReadError) return error.reason;
  let text: string;
  if (hasIssues(error)) {
    // A zod schema refused a result (a figure of 400 digits read as Infinity): name the first field.
    const [issue] = error.issues;
    const where = issue?.path.map(String).join(".") || "value";
    text = `the result failed validation (${where}: ${issue?.message ?? "invalid"})`;
  } else if (error instanceof Error) {
    const lines = error.message
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    // Prisma puts the invocation and a code frame first and the cause last.
    const prisma = error.name.startsWith("PrismaClient") || lines[0]?.startsWith("Invalid `");
    text = (prisma ? lines.at(-1) : lines[0]) ?? error.name;
  } else {
    text = String(error);
  }
  text = text.replace(SOURCE_PATH, "").replace(/\s+/g, " ").trim() || "unexpected error";
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

/** LUOSHI_DEBUG, read leniently: this runs while reporting an error, where bad settings must not throw again. */
export const debugging = (env = process.env) => ZSettings.shape.LUOSHI_DEBUG.safeParse(env.LUOSHI_DEBUG).data === true;

/** Print one failure: `luoshi <command>: <file>: <message><note>` (the file part only when given). */
export function reportFailure(io: CliIO, command: string, file: string | null, error: unknown, note = ""): void {
  const message = error instanceof ReadError ? error.message : `${file ? `${file}: ` : ""}${shortMessage(error)}`;
  io.stderr(`luoshi ${command}: ${message}${note}\n`);
  if (debugging() && !(error instanceof ReadError) && error instanceof Error && error.stack) {
    io.stderr(`${error.stack}\n`);
  }
}
