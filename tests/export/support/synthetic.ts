/**
 * A synthetic store of many targets written straight into the tables with the bulk writer (an import through the
 * reader would take minutes): jurisdictions × years, each year a plan report with its targets and a review report
 * whose outcomes half of them are matched to. Texts are of the length real targets have, and some start with `=`,
 * `-` or `@`, so that the export has formula-like text to neutralise.
 */

import { insertRows, sortableId, timestamp } from "@/lib/db/bulk-write";
import type { Db } from "@/lib/db/client";
import type { Provider } from "@/lib/db/providers";

export interface SyntheticShape {
  jurisdictions: number;
  years: number;
  targets: number;
  /** The first code; codes count up from it. */
  firstCode?: number;
}

const INDICATORS = ["地区生产总值", "一般公共预算收入", "城镇调查失业率", "居民消费价格", "固定资产投资"];
const LEADS = ["", "=", "-", "@", "+"];

/** Write the store; returns how many targets it holds. */
export async function writeSyntheticStore(db: Db, provider: Provider, shape: SyntheticShape): Promise<number> {
  const now = timestamp();
  const firstCode = shape.firstCode ?? 900_000;
  let total = 0;
  for (let j = 0; j < shape.jurisdictions; j++) {
    const code = String(firstCode + j);
    await db.$transaction(
      async (tx) => {
        await tx.jurisdiction.create({ data: { code, name: `合成市${j}区`, level: "county" } });
        for (let y = 0; y < shape.years; y++) {
          const year = 2015 + y;
          const documentId = sortableId();
          await insertRows(tx, provider, "Document", [
            {
              id: documentId,
              contentHash: `synthetic-${code}-${year}`,
              encoding: "utf-8",
              sourceName: `synthetic/${code}/${year}.txt`,
              sourceUrl: null,
              byteSize: 1,
              originalText: "",
              importedBy: null,
              importedAt: now,
            },
          ]);
          const report = (position: number, kind: string, planYear: number | null, reviewYear: number | null) => ({
            id: sortableId(),
            documentId,
            position,
            kind,
            jurisdictionCode: code,
            year,
            planYear,
            reviewYear,
            confidence: 1,
            identityOverridden: false,
            text: "",
            originalStart: 0,
            originalEnd: 0,
            sections: "[]",
            createdAt: now,
            readerVersion: "synthetic",
          });
          const plan = report(0, "plan", year, null);
          const review = report(1, "review", null, year);
          await insertRows(tx, provider, "Report", [plan, review]);
          const targets = [];
          const outcomes = [];
          const matches = [];
          for (let t = 0; t < shape.targets; t++) {
            const indicator = INDICATORS[t % INDICATORS.length] as string;
            const lead = LEADS[t % LEADS.length] as string;
            const value = t % 7 === 0 ? -0.5 : 5 + (t % 10) / 10;
            const targetId = sortableId();
            targets.push({
              id: targetId,
              reportId: plan.id,
              jurisdictionCode: code,
              planYear: year,
              position: t,
              indicatorName: indicator,
              indicatorId: null,
              measure: "growth",
              qualifier: "about",
              value,
              min: null,
              max: null,
              unit: "%",
              polarity: "higher_better",
              headline: t % 10 === 0,
              text: `${lead}全年${indicator}增长${value}%左右，"稳中求进"，推动高质量发展取得新成效，第${t}项`,
              start: t * 40,
              end: t * 40 + 30,
              readerVersion: "synthetic",
            });
            const matched = t % 2 === 0;
            let outcomeId: string | null = null;
            if (matched) {
              outcomeId = sortableId();
              outcomes.push({
                id: outcomeId,
                reportId: review.id,
                jurisdictionCode: code,
                year,
                periodStart: null,
                periodEnd: null,
                position: t,
                indicatorName: indicator,
                indicatorId: null,
                measure: "growth",
                value: value + 0.3,
                min: null,
                max: null,
                unit: "%",
                polarity: "higher_better",
                estimated: false,
                stated: null,
                text: `${indicator}增长${value + 0.3}%\n（初步核算）`,
                start: t * 30,
                end: t * 30 + 20,
                source: null,
                manual: false,
                conflictWithId: null,
                createdAt: now,
                readerVersion: "synthetic",
              });
            }
            matches.push({
              targetId,
              outcomeId,
              confidence: 0.9,
              verdict: matched ? "met" : "no_outcome",
              reason: "[]",
              ratio: null,
              engineVersion: "synthetic",
              manual: false,
              notATarget: false,
              engineOutcomeId: outcomeId,
              engineVerdict: matched ? "met" : "no_outcome",
              flagged: false,
              version: 1,
              updatedAt: now,
              tolerance: 0,
            });
          }
          await insertRows(tx, provider, "Target", targets);
          await insertRows(tx, provider, "Outcome", outcomes);
          await insertRows(tx, provider, "Match", matches);
          total += targets.length;
        }
      },
      { timeout: 120_000 },
    );
  }
  return total;
}
