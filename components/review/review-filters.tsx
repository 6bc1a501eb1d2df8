"use client";

import Form from "next/form";
import { useId, useRef } from "react";
import { useMessages } from "@/components/i18n-provider";
import { format } from "@/lib/i18n";
import type { TReviewFilters, TReviewQuery } from "@/lib/schemas/dashboard";

/** Jurisdiction and year of the queue, as a GET form (the reason is kept): the URL holds the filter. */
export function ReviewFilterForm({ filters, query }: { filters: TReviewFilters; query: TReviewQuery }) {
  const t = useMessages();
  const form = useRef<HTMLFormElement>(null);
  const ids = { code: useId(), year: useId() };
  const submit = () => form.current?.requestSubmit();
  return (
    <Form action="/review" ref={form} className="review-filters" aria-label={t.review.filters}>
      <div className="field">
        <label htmlFor={ids.code}>{t.common.jurisdiction}</label>
        <select id={ids.code} name="code" defaultValue={query.code ?? ""} onChange={submit}>
          <option value="">{t.review.all}</option>
          {filters.jurisdictions.map((j) => (
            <option key={j.code} value={j.code}>
              {j.name}
              {format(t.common.paren, { text: j.code })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.year}>{t.common.year}</label>
        <select id={ids.year} name="year" defaultValue={query.year ?? ""} onChange={submit}>
          <option value="">{t.review.all}</option>
          {filters.years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {query.reason ? <input type="hidden" name="reason" value={query.reason} /> : null}
      {query.tab ? <input type="hidden" name="tab" value={query.tab} /> : null}
      {query.context ? <input type="hidden" name="context" value="1" /> : null}
      <div className="field">
        <button type="submit">{t.common.apply}</button>
      </div>
    </Form>
  );
}
