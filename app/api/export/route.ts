import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { exportPages, unknownJurisdiction } from "@/lib/db/queries/export";
import { CONTENT_TYPES, EXTENSIONS } from "@/lib/export/format";
import { codebookOf, exportChunks, primed, readableStreamOf } from "@/lib/export/stream";
import { strengthCuesOf } from "@/lib/export/strength";
import { describeFilters, exportFilterParams, ZExportQuery } from "@/lib/schemas/export";
import { handle, parseInput, queryOf, requestLocale } from "@/lib/server/api";
import { readSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

/** `attachment` with the name both plain and as RFC 6266's UTF-8 form, which browsers prefer. */
function attachment(name: string): string {
  const plain = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** `luoshi-370202-2019`, `luoshi-province-2026`: the filters that name the rows, in a file name's characters. */
function fileStem(query: ReturnType<typeof ZExportQuery.parse>): string {
  const params = exportFilterParams(query);
  const parts = ["code", "parent", "level", "year", "indicator", "measure"].flatMap((key) => params.get(key) ?? []);
  return ["luoshi", ...parts]
    .join("-")
    .replace(/[,\s/\\]+/g, "_")
    .slice(0, 120);
}

/**
 * The export, streamed: rows are read a page at a time and each page is sent before the next is read, at the pace
 * the client reads. Everything that decides the status (the query, the jurisdictions named, the database answering
 * the first page) happens before the response starts. `codebook=1` answers the codebook and citation (with the data
 * hash) of the rows the same query exports, as Markdown: the citation of a plain CSV.
 */
export const GET = handle(async (request) => {
  const query = parseInput(ZExportQuery, queryOf(request));
  const db = getDb();
  const unknown = await unknownJurisdiction(db, query);
  if (unknown) throw new NotFoundError(`no jurisdiction has the code ${unknown}`);
  const lang = query.lang ?? requestLocale(request);
  const cues = strengthCuesOf(readSettings());
  const pages = await primed(exportPages(db, query, { locale: lang, cues }));
  const filters = describeFilters(query);
  const stem = fileStem(query);
  if (query.codebook) {
    return new Response(await codebookOf(pages, { lang, filters }), {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": attachment(`${stem}-codebook.md`),
      },
    });
  }
  const body = readableStreamOf(exportChunks(pages, query.format, { lang, filters }), (error) => console.error(error));
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[query.format],
      "content-disposition": attachment(`${stem}.${EXTENSIONS[query.format]}`),
    },
  });
});
