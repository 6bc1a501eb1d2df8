"use client";

import { useCallback } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { EstimatedMark } from "@/components/ui/verdict-badge";
import { format } from "@/lib/i18n";
import { formatQuantity } from "@/lib/i18n/numbers";
import { type TCandidate, ZCandidateList } from "@/lib/schemas/dashboard";
import { SearchPicker } from "./search-picker";

/** A searchable list of the review's outcomes for the same jurisdiction and year, best candidates first. */
export function CandidatePicker({
  targetId,
  currentOutcomeId,
  disabled,
  onChoose,
}: {
  targetId: string;
  currentOutcomeId: string | null;
  disabled: boolean;
  onChoose: (candidate: TCandidate) => void;
}) {
  const t = useMessages();
  const locale = useLocale();
  // The outcome the target has now is not a candidate for replacing it.
  const parse = useCallback(
    (json: unknown) => ZCandidateList.parse(json).items.filter((c) => c.id !== currentOutcomeId),
    [currentOutcomeId],
  );
  return (
    <SearchPicker
      url={(q) => `/api/targets/${encodeURIComponent(targetId)}/candidates?q=${encodeURIComponent(q)}`}
      parse={parse}
      label={t.review.candidates}
      placeholder={t.review.candidateSearch}
      emptyText={t.review.candidatesEmpty}
      chooseLabel={t.review.choose}
      canChoose={() => !disabled}
      onChoose={onChoose}
      renderItem={(c) => (
        <>
          <strong>{c.indicator}</strong>{" "}
          <span className="num">
            {c.estimated ? <EstimatedMark t={t} /> : null}
            {formatQuantity(c.value, c.unit, locale)}
          </span>
          <small>
            {c.text}
            {c.takenBy ? ` · ${format(t.review.taken, { indicator: c.takenBy.indicator })}` : ""}
          </small>
        </>
      )}
    />
  );
}
