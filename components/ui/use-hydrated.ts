"use client";

import { useEffect, useState } from "react";

/** True once the component has hydrated: forms mark themselves `data-ready` so that tests wait for interactivity. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
