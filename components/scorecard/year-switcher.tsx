import Link from "next/link";
import { format, type Messages } from "@/lib/i18n";
import type { TJurisdictionYears } from "@/lib/schemas/dashboard";

/** The years of a jurisdiction, each a link; judged years are marked, the current one is `aria-current`. */
export function YearSwitcher({ data, year, t }: { data: TJurisdictionYears; year: number; t: Messages }) {
  return (
    <nav className="year-switcher" aria-label={t.scorecard.yearSwitcher}>
      <ul>
        {data.years.map((y) => (
          <li key={y.year}>
            <Link
              href={`/j/${data.code}/${y.year}`}
              aria-current={y.year === year ? "page" : undefined}
              className={y.judged ? "judged" : undefined}
              title={y.judged ? t.scorecard.judged : t.scorecard.notJudged}
            >
              <span className="num">{y.year}</span>
              {y.judged ? (
                <span className="judged-mark">
                  <span aria-hidden="true">✓</span>
                  <span className="visually-hidden">{t.scorecard.judged}</span>
                </span>
              ) : null}
              {y.year === data.latest ? (
                <span className="visually-hidden">{format(t.common.paren, { text: t.scorecard.latest })}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
