import { type ParseArgsConfig, parseArgs } from "node:util";
import { z } from "zod";
import { readSettings } from "@/lib/settings";
import { UsageError } from "./command";

/**
 * Parse a command's argv with node's parseArgs (strict: unknown flags are refused), then validate the values and
 * positionals with `schema`. Any problem becomes a UsageError, which main prints with the command's usage.
 */
export function parseCommandArgs<S extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: S,
): z.infer<S> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util names the unknown flag or missing value on its message's first line.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split("\n")[0] ?? message);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    throw new UsageError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`).join("; "),
    );
  }
  return result.data;
}

/** `--tolerance <t>`: relax "about" targets by t; without the flag, LUOSHI_TOLERANCE as the app uses it. */
export const ZToleranceFlag = z.coerce
  .number()
  .min(0)
  .max(100)
  .default(() => readSettings().LUOSHI_TOLERANCE);
