import { getDb } from "@/lib/db/client";
import { exportRows } from "@/lib/db/queries/export";
import { CONTENT_TYPES, renderExport } from "@/lib/export/format";
import { ZExportQuery } from "@/lib/schemas/store";
import { handle, parseInput, queryOf, requestLocale } from "@/lib/server/api";

export const dynamic = "force-dynamic";

export const GET = handle(async (request) => {
  const { code, year, format } = parseInput(ZExportQuery, queryOf(request));
  const rows = await exportRows(getDb(), { code, year }, requestLocale(request));
  const name = ["luoshi", code, year].filter(Boolean).join("-");
  return new Response(Buffer.from(await renderExport(rows, format)), {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${name}.${format}"`,
    },
  });
});
