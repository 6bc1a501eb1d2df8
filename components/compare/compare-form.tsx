"use client";

import Form from "next/form";
import { useId, useRef, useState } from "react";
import { useMessages } from "@/components/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TIndicatorOption } from "@/lib/schemas/dashboard";
import type { TMeasure } from "@/lib/schemas/extraction";
import { IndicatorCombobox } from "./indicator-combobox";

/**
 * The compare selection as a GET form: indicator, measure, jurisdictions and the superior's line go into the address, so the page is
 * shareable as it stands (and works without JavaScript). With JavaScript a change submits at once.
 */
export function CompareForm({
  indicators,
  jurisdictions,
  indicator,
  measure,
  codes,
  superior,
}: {
  indicators: TIndicatorOption[];
  jurisdictions: { code: string; name: string }[];
  indicator: string;
  measure: TMeasure;
  codes: string[];
  superior: boolean;
}) {
  const t = useMessages();
  const form = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const [filter, setFilter] = useState("");
  const ids = { filter: useId(), hint: useId(), superior: useId(), superiorHint: useId() };
  const submit = () => form.current?.requestSubmit();
  const shown = jurisdictions.filter(
    (j) => !filter || j.name.includes(filter) || j.code.startsWith(filter) || codes.includes(j.code),
  );
  return (
    <Form
      action="/compare"
      ref={form}
      className="compare-form"
      replace
      scroll={false}
      aria-describedby={ids.hint}
      data-ready={hydrated || undefined}
    >
      <IndicatorCombobox options={indicators} indicator={indicator} measure={measure} onPick={submit} />
      <fieldset className="field jurisdiction-picker">
        <legend className="field-label">{t.compare.jurisdictions}</legend>
        {jurisdictions.length > 8 ? (
          <>
            <label htmlFor={ids.filter} className="visually-hidden">
              {t.compare.jurisdictionSearch}
            </label>
            <input
              id={ids.filter}
              type="search"
              placeholder={t.compare.jurisdictionSearch}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </>
        ) : null}
        <div className="jurisdiction-options">
          {shown.map((j) => (
            <label key={j.code} className="chip">
              <input
                type="checkbox"
                name="j"
                value={j.code}
                defaultChecked={codes.includes(j.code)}
                onChange={submit}
              />
              {j.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field superior-toggle">
        <label htmlFor={ids.superior} className="chip">
          <input
            id={ids.superior}
            type="checkbox"
            name="superior"
            value="1"
            defaultChecked={superior}
            onChange={submit}
            aria-describedby={ids.superiorHint}
          />
          {t.compare.superior}
        </label>
        <span id={ids.superiorHint} className="field-hint">
          {t.compare.superiorHint}
        </span>
      </div>
      <div className="field">
        <button type="submit" className="primary">
          {t.compare.submit}
        </button>
      </div>
      <p id={ids.hint} className="field-hint" style={{ gridColumn: "1 / -1", margin: 0 }}>
        {t.compare.shareHint}
      </p>
    </Form>
  );
}
