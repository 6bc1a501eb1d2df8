import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { editMatch } from "@/lib/db/edits";
import { NotFoundError } from "@/lib/db/errors";
import { getTargetMatch } from "@/lib/db/queries/scorecard";
import { ZId } from "@/lib/schemas/primitives";
import { ZMatchEdit, ZStoredMatch } from "@/lib/schemas/store";
import { handle, parseInput, readJson, requestLocale, respond } from "@/lib/server/api";
import { requireEditor } from "@/lib/server/auth";
import { engineOptions } from "@/lib/server/settings";

export const dynamic = "force-dynamic";

export const PATCH = handle(async (request, context: { params: Promise<{ id: string }> }) => {
  const editor = await requireEditor(request);
  const { id } = parseInput(z.object({ id: ZId }), await context.params);
  const edit = parseInput(ZMatchEdit, await readJson(request));
  await editMatch(getDb(), id, edit, editor.name, engineOptions());
  const match = await getTargetMatch(getDb(), id, requestLocale(request));
  if (!match) throw new NotFoundError(`no target ${id}`);
  return respond(ZStoredMatch, match);
});
