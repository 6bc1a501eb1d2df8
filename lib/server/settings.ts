import type { RematchOptions } from "@/lib/db/matching";
import { readSettings } from "@/lib/settings";

/** Engine settings of the running app: LUOSHI_TOLERANCE relaxes `about` targets (verdicts.md), default 0. */
export function engineOptions(env: Record<string, string | undefined> = process.env): RematchOptions {
  return { tolerance: readSettings(env).LUOSHI_TOLERANCE };
}
