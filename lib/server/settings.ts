import { z } from "zod";
import type { RematchOptions } from "@/lib/db/matching";

/** Engine settings of the running app: LUOSHI_TOLERANCE relaxes `about` targets (verdicts.md), default 0. */
export function engineOptions(env = process.env): RematchOptions {
  return {
    tolerance: z.coerce
      .number()
      .min(0)
      .max(100)
      .catch(0)
      .parse(env.LUOSHI_TOLERANCE ?? 0),
  };
}
