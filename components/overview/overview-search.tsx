"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useMessages } from "@/components/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Search by name or code. A plain GET form (works without JavaScript); with it, typing updates the URL after a
 * short pause so that the list below re-renders on the server and the address stays shareable.
 */
export function OverviewSearch({ q }: { q: string }) {
  const t = useMessages();
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(q);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const hydrated = useHydrated();

  useEffect(() => setValue(q), [q]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const go = (next: string) => {
    // Other choices of the address (level, province) stay; a new search starts on page one.
    const params = new URLSearchParams(window.location.search);
    params.delete("page");
    if (next.trim()) params.set("q", next.trim());
    else params.delete("q");
    const search = params.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  return (
    <search>
      <form
        className="search-form"
        data-ready={hydrated || undefined}
        action={pathname}
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          go(value);
        }}
      >
        <label htmlFor="overview-q">{t.overview.searchLabel}</label>
        <div className="search-row">
          <input
            id="overview-q"
            name="q"
            type="search"
            value={value}
            placeholder={t.overview.searchPlaceholder}
            autoComplete="off"
            onChange={(event) => {
              const next = event.target.value;
              setValue(next);
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => go(next), 300);
            }}
          />
          <button type="submit">{t.common.search}</button>
        </div>
        {pending ? (
          <span className="muted" role="status">
            {t.common.loading}
          </span>
        ) : null}
      </form>
    </search>
  );
}
