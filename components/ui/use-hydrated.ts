"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

/** True once the component has hydrated: forms mark themselves `data-ready` so that tests wait for interactivity. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

const subscribeToNothing = () => () => {};

/**
 * False while the server renders and while the page hydrates, true in the render React does right after hydrating
 * (before the browser paints, unlike an effect): for what only the browser can draw, such as a chart that measures
 * its container.
 */
export function useBrowserRender(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
