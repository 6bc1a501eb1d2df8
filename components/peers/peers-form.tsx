"use client";

import Form from "next/form";
import { useId, useRef } from "react";
import { useMessages } from "@/components/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TIndicatorOption } from "@/lib/schemas/dashboard";
import { ZMeasure } from "@/lib/schemas/extraction";
import { type TPeersQuery, ZPeerLevel } from "@/lib/schemas/peers";

interface Choice {
  code: string;
  name: string;
}

/**
 * The peers selection as a GET form (indicator, measure, year, level, superior), so the view is in the address and
 * works without JavaScript; with JavaScript a change submits at once.
 */
export function PeersForm({
  query,
  indicators,
  years,
  superiors,
}: {
  query: Omit<TPeersQuery, "year"> & { year: number | null };
  indicators: TIndicatorOption[];
  years: number[];
  superiors: Choice[];
}) {
  const t = useMessages();
  const form = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const ids = { indicator: useId(), measure: useId(), year: useId(), level: useId(), parent: useId() };
  const names = [...new Set(indicators.map((o) => o.indicator))];
  if (!names.includes(query.indicator)) names.unshift(query.indicator);
  const submit = () => form.current?.requestSubmit();
  return (
    <Form
      action="/peers"
      ref={form}
      className="compare-form peers-form"
      replace
      scroll={false}
      data-ready={hydrated || undefined}
    >
      <div className="field">
        <label htmlFor={ids.indicator}>{t.peers.indicator}</label>
        <select id={ids.indicator} name="indicator" defaultValue={query.indicator} onChange={submit}>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.measure}>{t.peers.measure}</label>
        <select id={ids.measure} name="measure" defaultValue={query.measure} onChange={submit}>
          {ZMeasure.options
            .filter((m) => m !== "qualitative")
            .map((m) => (
              <option key={m} value={m}>
                {t.measure[m]}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.year}>{t.peers.year}</label>
        <select id={ids.year} name="year" defaultValue={query.year ?? ""} onChange={submit}>
          {query.year === null ? <option value="">—</option> : null}
          {[...years].reverse().map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.level}>{t.peers.level}</label>
        <select id={ids.level} name="level" defaultValue={query.level ?? ""} onChange={submit}>
          {query.parent ? <option value="">{t.peers.anyParent}</option> : null}
          {ZPeerLevel.options.map((level) => (
            <option key={level} value={level}>
              {t.peers.levels[level]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.parent}>{t.peers.parent}</label>
        <select id={ids.parent} name="parent" defaultValue={query.parent ?? ""} onChange={submit}>
          <option value="">{t.peers.anyParent}</option>
          {superiors.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <button type="submit" className="primary">
          {t.peers.submit}
        </button>
      </div>
    </Form>
  );
}
