"use client";

import { useId, useRef } from "react";
import { useMessages } from "@/components/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ZJurisdictionLevel } from "@/lib/schemas/store";

/** A GET form (works without JavaScript; with it, a change submits at once); the search text rides along. */
export function OverviewFiltersForm({
  q,
  level,
  province,
  provinces,
}: {
  q: string;
  level?: string;
  province?: string;
  provinces: { code: string; name: string }[];
}) {
  const t = useMessages();
  const form = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const ids = { level: useId(), province: useId() };
  const submit = () => form.current?.requestSubmit();
  return (
    <form ref={form} action="/" method="get" className="overview-filters" data-ready={hydrated || undefined}>
      {q ? <input type="hidden" name="q" value={q} /> : null}
      <div className="field">
        <label htmlFor={ids.level}>{t.hierarchy.byLevel}</label>
        <select id={ids.level} name="level" defaultValue={level ?? ""} onChange={submit}>
          <option value="">{t.hierarchy.allLevels}</option>
          {ZJurisdictionLevel.options.map((l) => (
            <option key={l} value={l}>
              {t.peers.levels[l]}
            </option>
          ))}
        </select>
      </div>
      {provinces.length > 0 ? (
        <div className="field">
          <label htmlFor={ids.province}>{t.hierarchy.byProvince}</label>
          <select id={ids.province} name="province" defaultValue={province ?? ""} onChange={submit}>
            <option value="">{t.hierarchy.allProvinces}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <noscript>
        <button type="submit">{t.hierarchy.filter}</button>
      </noscript>
    </form>
  );
}
