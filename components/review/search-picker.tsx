"use client";

import { type ReactNode, useEffect, useId, useState } from "react";
import { useMessages } from "@/components/i18n-provider";
import { getJson } from "./api";

interface PickerItem {
  id: string;
  text: string;
}

/**
 * A searchable list fetched from the API as the analyst types (debounced, earlier requests aborted), each item with a
 * button that chooses it. The candidate outcomes of a target and the candidate targets of an outcome both use it.
 */
export function SearchPicker<T extends PickerItem>({
  url,
  parse,
  label,
  placeholder,
  emptyText,
  chooseLabel,
  renderItem,
  canChoose,
  onChoose,
}: {
  /** The list's address for a search text. */
  url: (q: string) => string;
  parse: (json: unknown) => T[];
  label: string;
  placeholder: string;
  emptyText: string;
  chooseLabel: string;
  renderItem: (item: T) => ReactNode;
  canChoose: (item: T) => boolean;
  onChoose: (item: T) => void;
}) {
  const t = useMessages();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<T[] | null>(null);
  const [failed, setFailed] = useState(false);
  const searchId = useId();
  const address = url(q);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson(address, parse, controller.signal)
        .then((list) => {
          setItems(list);
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
  }, [address, parse]);
  return (
    <div className="candidate-picker">
      <label htmlFor={searchId}>{label}</label>
      <input
        id={searchId}
        type="search"
        value={q}
        placeholder={placeholder}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      {failed ? (
        <p className="field-error">{t.errors.network}</p>
      ) : items === null ? (
        <p className="muted">{t.review.candidatesLoading}</p>
      ) : items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="candidate-list" aria-label={label}>
          {items.map((item) => (
            <li key={item.id}>
              <span className="candidate-main">{renderItem(item)}</span>
              <button
                type="button"
                disabled={!canChoose(item)}
                onClick={() => onChoose(item)}
                aria-label={`${chooseLabel}${t.common.colon}${item.text}`}
              >
                {chooseLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
