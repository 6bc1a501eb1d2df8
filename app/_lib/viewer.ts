/** Who is looking: an editor signed in with a session cookie, or a reader; and whether editing is possible at all. */
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { isDatabaseDown } from "@/lib/server/api";
import { authAvailability, SESSION_COOKIE, sessionEditor } from "@/lib/server/auth";

export interface Viewer {
  /** The signed-in editor's name, or null. */
  editor: string | null;
  /** An account exists, or LUOSHI_EDITOR_PASSWORD or LUOSHI_API_TOKEN is set; without any the app is read-only. */
  editingEnabled: boolean;
  /** An account exists or LUOSHI_EDITOR_PASSWORD is set: editors can sign in in the browser. */
  signInEnabled: boolean;
}

/** What the 纠错 action may do for this viewer: edit, or be shown disabled (sign in, or read-only instance). */
export function correctAccess(viewer: Viewer): "editor" | "sign_in" | "read_only" {
  if (viewer.editor) return "editor";
  return viewer.editingEnabled ? "sign_in" : "read_only";
}

/**
 * While the database is down nobody can be told signed in, and nothing can be edited: the header shows a reader, so
 * that the page itself can answer with its 503 (lib/server/api.ts `unavailableUnlessUp`) instead of a 500.
 */
const UNREACHABLE: Viewer = { editor: null, editingEnabled: false, signInEnabled: false };

export const getViewer = cache(async (): Promise<Viewer> => {
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  try {
    const [editor, access] = await Promise.all([sessionEditor(session), authAvailability()]);
    return { editor: editor?.name ?? null, ...access };
  } catch (error) {
    if (isDatabaseDown(error)) return UNREACHABLE;
    throw error;
  }
});
