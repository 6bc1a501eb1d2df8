"use client";

import { messages } from "@/lib/i18n";

const t = messages();

/** Shown instead of a page that failed: no stack trace, a way to try again. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="empty-state" role="alert">
      <h1>{t.errors.title}</h1>
      <button type="button" onClick={reset}>
        {t.errors.retry}
      </button>
    </section>
  );
}
