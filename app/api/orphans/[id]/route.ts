import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { resolveOrphan } from "@/lib/db/orphans";
import { ZId } from "@/lib/schemas/primitives";
import { ZOrphanResolution, ZOrphanResolved } from "@/lib/schemas/reread";
import { handle, parseInput, readJson, respond } from "@/lib/server/api";
import { requireEditor } from "@/lib/server/auth";
import { engineOptions } from "@/lib/server/settings";

export const dynamic = "force-dynamic";

/** Carry an orphaned edit over to a successor, or dismiss it (lib/db/orphans.ts). */
export const POST = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const editor = await requireEditor(request);
  const { id } = parseInput(z.object({ id: ZId }), await context.params);
  const resolution = parseInput(ZOrphanResolution, await readJson(request));
  const { state } = await resolveOrphan(getDb(), id, resolution, editor.name, engineOptions());
  return respond(ZOrphanResolved, { id, state });
});
