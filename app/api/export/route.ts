import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { exportPages, jurisdictionExists } from "@/lib/db/queries/export";
import { CONTENT_TYPES } from "@/lib/export/format";
import { exportChunks, primed, readableStreamOf } from "@/lib/export/stream";
import { ZExportQuery } from "@/lib/schemas/store";
import { handle, parseInput, queryOf, requestLocale } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** `attachment` with the name both plain and as RFC 6266's UTF-8 form, which browsers prefer. */
function attachment(name: string): string {
  const plain = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The export, streamed: rows are read a page at a time and each page is sent before the next is read, at the pace
 * the client reads. Everything that decides the status (the query, the jurisdiction, the database answering the
 * first page) happens before the response starts.
 */
export const GET = handle(async (request) => {
  const { code, year, format } = parseInput(ZExportQuery, queryOf(request));
  const db = getDb();
  if (code && !(await jurisdictionExists(db, code))) throw new NotFoundError(`no jurisdiction has the code ${code}`);
  const pages = await primed(exportPages(db, { code, year }, { locale: requestLocale(request) }));
  const name = ["luoshi", code, year].filter(Boolean).join("-");
  const body = readableStreamOf(exportChunks(pages, format), (error) => console.error(error));
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": attachment(`${name}.${format}`),
    },
  });
});
