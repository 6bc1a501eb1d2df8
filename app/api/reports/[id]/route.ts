import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { getReport } from "@/lib/db/queries/reports";
import { ZId } from "@/lib/schemas/primitives";
import { ZReportDetail } from "@/lib/schemas/store";
import { handle, parseInput, parseNoQuery, respond } from "@/lib/server/api";

export const dynamic = "force-dynamic";

export const GET = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id } = parseInput(z.object({ id: ZId }), await context.params);
  parseNoQuery(request);
  const report = await getReport(getDb(), id);
  if (!report) throw new NotFoundError(`no report ${id}`);
  return respond(ZReportDetail, report);
});
