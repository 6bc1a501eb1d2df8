"use client";

import { useEffect, useId, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { EstimatedMark } from "@/components/ui/verdict-badge";
import { format } from "@/lib/i18n";
import { formatQuantity } from "@/lib/i18n/numbers";
import { type TCandidate, ZCandidateList } from "@/lib/schemas/dashboard";
import { getJson } from "./api";

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
  const [q, setQ] = useState("");
  const [items, setItems] = useState<TCandidate[] | null>(null);
  const [failed, setFailed] = useState(false);
  const searchId = useId();
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson(
        `/api/targets/${encodeURIComponent(targetId)}/candidates?q=${encodeURIComponent(q)}`,
        (v) => ZCandidateList.parse(v),
        controller.signal,
      )
        .then((list) => {
          setItems(list.items);
          setFailed(false);
        })
        .catch((error: unknown) => {
          if ((error as Error).name !== "AbortError") setFailed(true);
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [targetId, q]);
  return (
    <div className="candidate-picker">
      <label htmlFor={searchId}>{t.review.candidates}</label>
      <input
        id={searchId}
        type="search"
        value={q}
        placeholder={t.review.candidateSearch}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      {failed ? (
        <p className="field-error">{t.errors.network}</p>
      ) : items === null ? (
        <p className="muted">{t.review.candidatesLoading}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t.review.candidatesEmpty}</p>
      ) : (
        <ul className="candidate-list" aria-label={t.review.candidates}>
          {items
            .filter((c) => c.id !== currentOutcomeId)
            .map((c) => (
              <li key={c.id}>
                <span className="candidate-main">
                  <strong>{c.indicator}</strong>{" "}
                  <span className="num">
                    {c.estimated ? <EstimatedMark t={t} /> : null}
                    {formatQuantity(c.value, c.unit, locale)}
                  </span>
                  <small>
                    {c.text}
                    {c.takenBy ? ` · ${format(t.review.taken, { indicator: c.takenBy.indicator })}` : ""}
                  </small>
                </span>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => onChoose(c)}
                  aria-label={`${t.review.choose}${t.common.colon}${c.text}`}
                >
                  {t.review.choose}
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
