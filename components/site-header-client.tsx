"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore, useTransition } from "react";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n";
import { useHydrated } from "./ui/use-hydrated";

/**
 * Whether the page shown is the not-found page: no screen of the navigation is then the current one (a `/j/…` that
 * does not exist is not the overview). The not-found page marks itself with `NotFoundMark`.
 */
let notFoundShown = 0;
const notFoundListeners = new Set<() => void>();
const subscribeNotFound = (listener: () => void) => {
  notFoundListeners.add(listener);
  return () => notFoundListeners.delete(listener);
};

export function NotFoundMark() {
  useEffect(() => {
    notFoundShown += 1;
    for (const listener of notFoundListeners) listener();
    return () => {
      notFoundShown -= 1;
      for (const listener of notFoundListeners) listener();
    };
  }, []);
  return null;
}

export function NavLinks({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const notFound = useSyncExternalStore(
    subscribeNotFound,
    () => notFoundShown > 0,
    () => false,
  );
  const current = (href: string) =>
    notFound ? false : href === "/" ? pathname === "/" || pathname.startsWith("/j/") : pathname.startsWith(href);
  return (
    <nav aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={current(item.href) ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Switch between Chinese and English: a cookie the server reads, then a refresh of the server components. */
export function LocaleSwitch({ locale, label, title }: { locale: Locale; label: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next: Locale = locale === "en" ? "zh-CN" : "en";
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className="locale-switch"
      data-ready={hydrated || undefined}
      lang={next}
      title={title}
      aria-label={title}
      disabled={pending}
      onClick={() => {
        // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie the server reads; nothing secret
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        startTransition(() => router.refresh());
      }}
    >
      {label}
    </button>
  );
}

export function HeaderSession({ label, signOut }: { label: string; signOut: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  return (
    <span className="header-session" data-ready={hydrated || undefined}>
      <span className="editor-name">{label}</span>
      <button
        type="button"
        className="link-button"
        disabled={pending}
        onClick={async () => {
          await fetch("/api/session", { method: "DELETE" });
          startTransition(() => router.refresh());
        }}
      >
        {signOut}
      </button>
    </span>
  );
}
