"use client";

import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { format } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import type { TIndicatorOption } from "@/lib/schemas/dashboard";
import type { TMeasure } from "@/lib/schemas/extraction";
import { filterIndicatorOptions } from "./indicator-filter";

/** Options listed at once: a query narrows the rest. */
const SHOWN = 60;

/**
 * The indicator picker: an editable combobox (WAI-ARIA combobox pattern, list autocomplete) over the lexicon's
 * indicators with targets, per measure, with their counts. Typing filters by Chinese name, other names and English
 * name; ↑/↓ move, Enter picks, Escape closes. The choice goes into the form's hidden `indicator` and `measure`.
 */
export function IndicatorCombobox({
  options,
  indicator,
  measure,
  onPick,
}: {
  options: TIndicatorOption[];
  indicator: string;
  measure: TMeasure;
  onPick: () => void;
}) {
  const t = useMessages();
  const locale = useLocale();
  const ids = { input: useId(), list: useId(), status: useId() };
  const label = (o: { indicator: string; measure: TMeasure }) =>
    format(t.compare.indicatorOption, {
      indicator: indicatorLabel(o.indicator, locale),
      measure: t.measure[o.measure],
    });
  const [chosen, setChosen] = useState({ indicator, measure });
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = useMemo(
    () => filterIndicatorOptions(options, query ?? "", (o) => t.measure[o.measure]).slice(0, SHOWN),
    [options, query, t],
  );
  const optionId = (i: number) => `${ids.list}-${i}`;

  const pick = (option: TIndicatorOption) => {
    setChosen({ indicator: option.indicator, measure: option.measure });
    setQuery(null);
    setOpen(false);
    // The hidden inputs take the new values on this render; submit after it.
    queueMicrotask(onPick);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (shown.length === 0 ? 0 : (i + step + shown.length) % shown.length));
    } else if (event.key === "Enter") {
      // Enter picks the highlighted option instead of submitting the form with the old choice.
      const option = open ? shown[active] : undefined;
      if (option) {
        event.preventDefault();
        pick(option);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setQuery(null);
      }
    }
  };

  return (
    <div className="field indicator-combobox">
      <label htmlFor={ids.input}>{t.compare.indicator}</label>
      <input type="hidden" name="indicator" value={chosen.indicator} />
      <input type="hidden" name="measure" value={chosen.measure} />
      <input
        id={ids.input}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={ids.list}
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        aria-describedby={ids.status}
        placeholder={t.compare.indicatorSearch}
        value={query ?? label(chosen)}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
        data-indicator={chosen.indicator}
        data-measure={chosen.measure}
      />
      <div id={ids.list} role="listbox" aria-label={t.compare.indicator} className="combobox-list" hidden={!open}>
        {shown.map((option, i) => (
          <div
            key={`${option.indicator}-${option.measure}`}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            // Picked on mouse down, before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span>{label(option)}</span>
            {locale === "en" || !option.english ? null : (
              <span className="muted" lang="en">
                {" "}
                {option.english}
              </span>
            )}
            <span className="muted combobox-count">{format(t.compare.indicatorCount, { count: option.count })}</span>
          </div>
        ))}
      </div>
      {open && shown.length === 0 ? <p className="combobox-empty muted">{t.compare.noIndicatorMatch}</p> : null}
      <span id={ids.status} className="visually-hidden" aria-live="polite">
        {open ? format(t.compare.indicatorsFound, { count: shown.length }) : ""}
      </span>
    </div>
  );
}
