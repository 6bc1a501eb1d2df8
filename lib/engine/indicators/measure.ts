/**
 * The measure an extracted figure is compared in. Reports are ambiguous about percentages (`经济增长预期目标为7%`
 * reads like a share, `居民消费价格涨幅回落到2.6%` like a level); for an indicator the lexicon says is only ever stated
 * as a growth (or only as a share), a percentage is read as that.
 */
import type { TMeasure } from "@/lib/schemas/extraction";
import { nameProfile } from "./similarity";

export function statedMeasure(item: { indicator: string; measure: TMeasure; unit: string | null }): TMeasure {
  const measures = nameProfile(item.indicator).entry?.measures;
  if (!measures || item.measure === "qualitative" || measures.includes(item.measure) || item.unit !== "%") {
    return item.measure;
  }
  const percentMeasures = measures.filter((measure) => measure === "growth" || measure === "share");
  return percentMeasures.length === 1 ? (percentMeasures[0] ?? item.measure) : item.measure;
}
