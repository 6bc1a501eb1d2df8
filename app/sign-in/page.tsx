import type { Metadata } from "next";
import { one, type SearchParams } from "@/app/_lib/params";
import { getViewer } from "@/app/_lib/viewer";
import { SignInForm } from "@/components/sign-in-form";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { authSettings } from "@/lib/server/auth";
import { safeRedirectPath } from "@/lib/server/auth-redirect";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).session.title };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [t, viewer, params] = await Promise.all([getMessages(), getViewer(), searchParams]);
  // Only paths of this app are followed after signing in (no open redirect).
  const next = safeRedirectPath(one(params, "next"), "/review");
  return (
    <>
      <h1>{t.session.title}</h1>
      <p className="lead">{t.session.lead}</p>
      {!viewer.editingEnabled ? (
        <p className="notice notice-readonly" role="note">
          <strong>{t.session.readOnly}</strong> {t.session.readOnlyNotice}
        </p>
      ) : !viewer.signInEnabled ? (
        <p className="notice" role="note">
          {t.session.tokenOnly}
        </p>
      ) : viewer.editor ? (
        <p className="notice notice-ok">{format(t.session.signedIn, { name: viewer.editor })}</p>
      ) : (
        <SignInForm next={next} adminHint={authSettings().editorPassword !== null} />
      )}
    </>
  );
}
