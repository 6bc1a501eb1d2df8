"use client";

import { useSyncExternalStore } from "react";

/** The phone layouts' breakpoint: the width under which tables become cards and side panels become sheets. */
export const PHONE_QUERY = "(max-width: 640px)";

/**
 * Whether a media query matches, kept in step as the window changes. The server (and the first client render, so
 * that hydration matches) answers `serverValue`.
 */
export function useMediaQuery(query: string, serverValue = false): boolean {
  return useSyncExternalStore(
    (callback) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", callback);
      return () => list.removeEventListener("change", callback);
    },
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}
