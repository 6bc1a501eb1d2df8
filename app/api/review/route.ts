import { getDb } from "@/lib/db/client";
import { getReviewPage } from "@/lib/db/queries/review";
import { ZReviewApiQuery, ZReviewPage } from "@/lib/schemas/dashboard";
import { handle, parseInput, queryOf, requestLocale, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/**
 * `GET /api/review?code=&year=&reason=&tab=targets|outcomes&context=1&page=&pageSize=`: one page of the review queue,
 * with counts per reason and per tab. Invalid parameters answer 400; a page past the end answers no items and the
 * total.
 */
export const GET = handle(async (request) => {
  const query = parseInput(ZReviewApiQuery, queryOf(request));
  return respond(ZReviewPage, await getReviewPage(getDb(), query, requestLocale(request)));
});
