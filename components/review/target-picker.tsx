"use client";

import { useLocale, useMessages } from "@/components/i18n-provider";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { formatTarget } from "@/lib/i18n/numbers";
import { type TTargetChoice, ZTargetChoiceList } from "@/lib/schemas/dashboard";
import { SearchPicker } from "./search-picker";

const parseChoices = (json: unknown) => ZTargetChoiceList.parse(json).items.slice(0, 50);

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
  return (
    <SearchPicker
      url={(q) => `/api/outcomes/${encodeURIComponent(outcomeId)}/targets?q=${encodeURIComponent(q)}`}
      parse={parseChoices}
      label={t.review.linkTarget}
      placeholder={t.review.targetSearch}
      emptyText={t.review.targetsEmpty}
      chooseLabel={t.review.chooseTarget}
      canChoose={(c) => !disabled && c.version !== null}
      onChoose={onChoose}
      renderItem={(c) => (
        <>
          <strong>{c.indicator}</strong> <span className="num">{formatTarget(c, t, locale)}</span>{" "}
          {c.verdict ? <VerdictBadge verdict={c.verdict} t={t} /> : null}
          <small>{c.text}</small>
        </>
      )}
    />
  );
}
