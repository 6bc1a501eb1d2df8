import Link from "next/link";
import type { Viewer } from "@/app/_lib/viewer";
import type { Messages } from "@/lib/i18n";

/** Why the viewer cannot act: read-only instance, or not signed in (with a link that comes back here). */
export function EditorNotice({
  viewer,
  t,
  next,
  action,
}: {
  viewer: Viewer;
  t: Messages;
  next: string;
  action: string;
}) {
  if (viewer.editor) return null;
  if (!viewer.editingEnabled) {
    return (
      <p className="notice notice-readonly" role="note">
        <strong>{t.session.readOnly}</strong> {t.session.readOnlyNotice}
      </p>
    );
  }
  return (
    <p className="notice" role="note">
      {action}{" "}
      {viewer.signInEnabled ? (
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>{t.session.signInLink}</Link>
      ) : (
        t.session.tokenOnly
      )}
    </p>
  );
}
