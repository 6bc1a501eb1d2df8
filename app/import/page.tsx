import type { Metadata } from "next";
import { getViewer } from "@/app/_lib/viewer";
import { ImportForm } from "@/components/import/import-form";
import { EditorNotice } from "@/components/ui/notice";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).import.title };
}

/** Paste or upload reports, preview what was read, then save (editors only; everyone else is told why). */
export default async function ImportPage() {
  const [t, viewer] = await Promise.all([getMessages(), getViewer()]);
  return (
    <>
      <h1>{t.import.title}</h1>
      <p className="lead">{t.import.lead}</p>
      {viewer.editor ? (
        <ImportForm />
      ) : (
        <>
          <EditorNotice viewer={viewer} t={t} next="/import" action={t.import.editorsOnly} />
          <p className="field-hint">
            <code>{t.import.cli}</code>
          </p>
        </>
      )}
    </>
  );
}
