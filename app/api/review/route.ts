import { getDb } from "@/lib/db/client";
import { getReviewPage } from "@/lib/db/queries/review";
import { ZReviewPage, ZReviewQuery } from "@/lib/schemas/dashboard";
import { handle, parseInput, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** `GET /api/review?code=&year=&reason=&page=`: one page of the review queue, with counts per reason. */
export const GET = handle(async (request) => {
  const query = parseInput(ZReviewQuery, Object.fromEntries(new URL(request.url).searchParams));
  return respond(ZReviewPage, await getReviewPage(getDb(), query));
});
