"use client";

import { catchError, type ErrorInfo } from "next/error";
import { useMessages } from "@/components/i18n-provider";

function WidgetError({ title }: { title?: string; children?: React.ReactNode }, { retry }: ErrorInfo) {
  return <WidgetErrorView title={title} retry={retry} />;
}

function WidgetErrorView({ title, retry }: { title?: string; retry: () => void }) {
  const t = useMessages();
  return (
    <div className="widget-error" role="alert">
      <p>
        {title ? (
          <strong>
            {title}
            {t.common.colon}
          </strong>
        ) : null}
        {t.errors.widget}
      </p>
      <button type="button" onClick={() => retry()}>
        {t.errors.retry}
      </button>
    </div>
  );
}

/**
 * An error boundary around one widget: a failure shows a short message and a retry button in its place (never a
 * stack trace), and the rest of the page stays usable.
 */
export const WidgetBoundary = catchError(WidgetError);
