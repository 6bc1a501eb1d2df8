"use client";

import { useMessages } from "@/components/i18n-provider";

/** Shown instead of a page that failed: no stack trace, a way to try again. */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useMessages();
  return (
    <section className="empty-state" role="alert">
      <h1>{t.errors.title}</h1>
      <p>{t.errors.body}</p>
      <button type="button" className="primary" onClick={() => retry()}>
        {t.errors.retry}
      </button>
    </section>
  );
}
