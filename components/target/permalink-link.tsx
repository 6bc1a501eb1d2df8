"use client";

import { useLocale, useMessages } from "@/components/i18n-provider";
import { format } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";

/**
 * The small link from a target wherever it is listed (a scorecard row, a headline card, a report's selection) to its
 * permalink `/t/{id}`: an icon, named for screen readers and on hover, or a short text where there is room.
 */
export function PermalinkLink({ id, indicator, text = false }: { id: string; indicator: string; text?: boolean }) {
  const t = useMessages();
  const locale = useLocale();
  const label = format(t.targetPage.permalinkLabel, { indicator: indicatorLabel(indicator, locale) });
  return (
    <a href={`/t/${id}`} className="permalink-link" title={label} aria-label={label} data-permalink={id}>
      {text ? (
        t.targetPage.permalinkShort
      ) : (
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" focusable="false">
          <path
            d="M6.5 9.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2L7.9 3.9M9.5 6.5a3 3 0 0 0-4.2 0L2.7 9.1a3 3 0 0 0 4.2 4.2l1.2-1.2"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
        </svg>
      )}
    </a>
  );
}
