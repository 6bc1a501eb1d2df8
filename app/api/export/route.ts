import { getDb } from "@/lib/db/client";
import { exportRows } from "@/lib/db/queries/export";
import { CONTENT_TYPES, renderExport } from "@/lib/export/format";
import { ZExportQuery } from "@/lib/schemas/store";
import { handle, parseInput } from "@/lib/server/api";

export const dynamic = "force-dynamic";

export const GET = handle(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { code, year, format } = parseInput(ZExportQuery, params);
  const rows = await exportRows(getDb(), { code, year });
  const name = ["luoshi", code, year].filter(Boolean).join("-");
  return new Response(Buffer.from(await renderExport(rows, format)), {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${name}.${format}"`,
    },
  });
});
