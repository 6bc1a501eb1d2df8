"use client";

import Form from "next/form";
import { useId, useRef } from "react";
import { IndicatorCombobox } from "@/components/compare/indicator-combobox";
import { useMessages } from "@/components/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TIndicatorOption } from "@/lib/schemas/dashboard";
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
  const ids = { year: useId(), level: useId(), parent: useId() };
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
      <IndicatorCombobox options={indicators} indicator={query.indicator} measure={query.measure} onPick={submit} />
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
