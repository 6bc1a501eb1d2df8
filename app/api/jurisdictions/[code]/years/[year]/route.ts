import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { getScorecardYear } from "@/lib/db/queries/scorecard";
import { ZCode, ZScorecardYear, ZYear } from "@/lib/schemas/store";
import { handle, parseInput, parseNoQuery, requestLocale, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

const ZParams = z.object({ code: ZCode, year: ZYear });

export const GET = handle(async (request, context: { params: Promise<{ code: string; year: string }> }) => {
  const { code, year } = parseInput(ZParams, await context.params);
  parseNoQuery(request);
  const scorecard = await getScorecardYear(getDb(), code, year, requestLocale(request));
  if (!scorecard) throw new NotFoundError(`nothing imported for ${code} in ${year}`);
  return respond(ZScorecardYear, scorecard);
});
