"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useMessages } from "@/components/i18n-provider";
import type { TReviewItem } from "@/lib/schemas/dashboard";
import { OrphanReviewItem } from "./orphan-item";
import { type ItemHandle, OutcomeReviewItem, TargetReviewItem } from "./review-item";

const SHORTCUTS = ["j", "k", "a", "e", "u", "help"] as const;

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The queue's items with keyboard shortcuts: j/k move between items, a accepts, e opens "choose another outcome",
 * u undoes, ? shows the help. Shortcuts are ignored while typing in a field.
 */
export function ReviewQueue({ items, canEdit }: { items: TReviewItem[]; canEdit: boolean }) {
  const t = useMessages();
  const [active, setActive] = useState(0);
  const [help, setHelp] = useState(false);
  const handles = useRef(new Map<string, ItemHandle>());
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const move = useCallback(
    (delta: number) => {
      setActive((current) => {
        const next = Math.min(items.length - 1, Math.max(0, current + delta));
        const key = items[next]?.key;
        const handle = key ? handles.current.get(key) : undefined;
        handle?.focus();
        document.getElementById(key ?? "")?.scrollIntoView({ block: "nearest" });
        return next;
      });
    },
    [items],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) {
        if (event.key === "Escape" && typing(event.target)) (event.target as HTMLElement).blur();
        return;
      }
      const key = items[active]?.key;
      const handle = key ? handles.current.get(key) : undefined;
      switch (event.key) {
        case "j":
          move(1);
          break;
        case "k":
          move(-1);
          break;
        case "a":
          if (canEdit) handle?.accept();
          break;
        case "e":
          if (canEdit) handle?.edit();
          break;
        case "u":
          if (canEdit) handle?.undo();
          break;
        case "?":
          setHelp((h) => !h);
          break;
        case "Escape":
          setHelp(false);
          return;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [items, active, canEdit, move]);

  return (
    <>
      <p className="field-hint">
        <button
          type="button"
          className="link-button"
          aria-expanded={help}
          onClick={() => setHelp((h) => !h)}
          aria-keyshortcuts="?"
        >
          {t.review.shortcuts}
        </button>{" "}
        · {t.review.shortcutsHelp}
      </p>
      <ol className="review-list" data-ready={ready || undefined}>
        {items.map((item, index) => {
          const props = {
            canEdit,
            active: index === active,
            onActivate: () => setActive(index),
            handle: (handle: ItemHandle | null) => {
              if (handle) handles.current.set(item.key, handle);
              else handles.current.delete(item.key);
            },
          };
          if (item.kind === "orphan") return <OrphanReviewItem key={item.key} item={item} {...props} />;
          return item.kind === "target" ? (
            <TargetReviewItem key={item.key} item={item} {...props} />
          ) : (
            <OutcomeReviewItem key={item.key} item={item} {...props} />
          );
        })}
      </ol>
      {help ? (
        <div className="shortcut-help" role="dialog" aria-label={t.review.shortcuts}>
          <strong>{t.review.shortcuts}</strong>
          <dl>
            {SHORTCUTS.map((key) => (
              <div key={key} style={{ display: "contents" }}>
                <dt>
                  <kbd>{key === "help" ? "?" : key}</kbd>
                </dt>
                <dd>{t.review.shortcutList[key]}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setHelp(false)}>
            {t.common.close}
          </button>
        </div>
      ) : null}
    </>
  );
}
