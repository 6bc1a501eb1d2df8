/** Who is looking: an editor signed in with a session cookie, or a reader; and whether editing is possible at all. */
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { editingEnabled, passwordSignInEnabled, readSessionValue, SESSION_COOKIE } from "@/lib/server/auth";

export interface Viewer {
  /** The signed-in editor's name, or null. */
  editor: string | null;
  /** LUOSHI_EDITOR_PASSWORD or LUOSHI_API_TOKEN is set; without either the app is read-only. */
  editingEnabled: boolean;
  /** LUOSHI_EDITOR_PASSWORD is set: editors can sign in in the browser. */
  signInEnabled: boolean;
}

/** What the 纠错 action may do for this viewer: edit, or be shown disabled (sign in, or read-only instance). */
export function correctAccess(viewer: Viewer): "editor" | "sign_in" | "read_only" {
  if (viewer.editor) return "editor";
  return viewer.editingEnabled ? "sign_in" : "read_only";
}

export const getViewer = cache(async (): Promise<Viewer> => {
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  const editor = readSessionValue(session);
  return { editor: editor?.name ?? null, editingEnabled: editingEnabled(), signInEnabled: passwordSignInEnabled() };
});
