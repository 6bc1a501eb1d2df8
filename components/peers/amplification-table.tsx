import { ScrollRegion } from "@/components/ui/scroll-region";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatNumber, formatSigned } from "@/lib/i18n/numbers";
import type { TAmplificationYear } from "@/lib/schemas/peers";

/** `12（40%）`: a count with its share of the compared targets. */
function share(count: number, of: number, t: Messages, locale: Locale): string {
  if (of === 0) return "—";
  return format(t.peers.share, { count: String(count), share: `${formatNumber((count / of) * 100, locale, 0)}%` });
}

/**
 * Amplification over the years: of the subordinates with a target, how many set it above, equal to or below their
 * superior's, the mean gap in points, and their mean target plain and weighted by GDP beside the superior's own.
 */
export function AmplificationTable({
  years,
  unit,
  t,
  locale,
}: {
  years: TAmplificationYear[];
  unit: string | null;
  t: Messages;
  locale: Locale;
}) {
  const figure = (value: number | null) => (value === null ? "—" : `${formatNumber(value, locale)}${unit ?? ""}`);
  return (
    <ScrollRegion label={t.peers.amplificationTitle}>
      <table className="data-table amplification-table">
        <caption className="visually-hidden">{t.peers.amplificationTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.peers.yearColumn}</th>
            <th scope="col" className="num">
              {t.peers.targets}
            </th>
            <th scope="col" className="num">
              {t.peers.above}
            </th>
            <th scope="col" className="num">
              {t.peers.equal}
            </th>
            <th scope="col" className="num">
              {t.peers.below}
            </th>
            <th scope="col" className="num">
              {t.peers.meanGap}
            </th>
            <th scope="col" className="num">
              {t.peers.mean}
            </th>
            <th scope="col" className="num">
              {t.peers.weightedMean}
            </th>
            <th scope="col" className="num">
              {t.peers.superiorOwn}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...years].reverse().map((y) => (
            <tr key={y.year} data-year={y.year}>
              <th scope="row" className="num year-cell">
                {y.year}
              </th>
              <td className="num">{y.targets}</td>
              <td className="num" data-count={y.above}>
                {share(y.above, y.compared, t, locale)}
              </td>
              <td className="num" data-count={y.equal}>
                {share(y.equal, y.compared, t, locale)}
              </td>
              <td className="num" data-count={y.below}>
                {share(y.below, y.compared, t, locale)}
              </td>
              <td className="num">
                {y.meanGap === null ? "—" : `${formatSigned(y.meanGap, locale)} ${t.peers.pointUnit}`}
              </td>
              <td className="num">{figure(y.mean)}</td>
              <td
                className="num"
                title={format(t.peers.weightedHelp, { weighted: String(y.weighted), targets: String(y.targets) })}
              >
                {figure(y.weightedMean)}
                {y.weightedMean !== null && y.weighted < y.targets ? <span aria-hidden="true">*</span> : null}
              </td>
              <td className="num">{figure(y.superior)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
