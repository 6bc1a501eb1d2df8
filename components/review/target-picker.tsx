"use client";

import { useEffect, useId, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { formatTarget } from "@/lib/i18n/numbers";
import { type TTargetChoice, ZTargetChoiceList } from "@/lib/schemas/dashboard";
import { getJson } from "./api";

/** For an outcome no target claimed: the plan's targets it could be matched to, best first, searchable. */
export function TargetPicker({
  outcomeId,
  disabled,
  onChoose,
}: {
  outcomeId: string;
  disabled: boolean;
  onChoose: (choice: TTargetChoice) => void;
}) {
  const t = useMessages();
  const locale = useLocale();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<TTargetChoice[] | null>(null);
  const [failed, setFailed] = useState(false);
  const searchId = useId();
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson(
        `/api/outcomes/${encodeURIComponent(outcomeId)}/targets?q=${encodeURIComponent(q)}`,
        (v) => ZTargetChoiceList.parse(v),
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
  }, [outcomeId, q]);
  return (
    <div className="candidate-picker">
      <label htmlFor={searchId}>{t.review.linkTarget}</label>
      <input
        id={searchId}
        type="search"
        value={q}
        placeholder={t.review.targetSearch}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      {failed ? (
        <p className="field-error">{t.errors.network}</p>
      ) : items === null ? (
        <p className="muted">{t.review.candidatesLoading}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t.review.targetsEmpty}</p>
      ) : (
        <ul className="candidate-list" aria-label={t.review.linkTarget}>
          {items.slice(0, 50).map((c) => (
            <li key={c.id}>
              <span className="candidate-main">
                <strong>{c.indicator}</strong> <span className="num">{formatTarget(c, t, locale)}</span>{" "}
                {c.verdict ? <VerdictBadge verdict={c.verdict} t={t} /> : null}
                <small>{c.text}</small>
              </span>
              <button
                type="button"
                disabled={disabled || c.version === null}
                onClick={() => onChoose(c)}
                aria-label={`${t.review.chooseTarget}${t.common.colon}${c.text}`}
              >
                {t.review.chooseTarget}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
