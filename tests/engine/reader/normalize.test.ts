/**
 * Normalisation keeps a map back to the text as written: each rewrite on small inputs, then the seeds' noise
 * (traditional characters with pinyin, footnotes, spam) and evidence mapped back into the original file text.
 */
import { describe, expect, it } from "vitest";
import { MappedText } from "@/lib/engine/reader/text/mapped-text";
import { normalizeText } from "@/lib/engine/reader/text/normalize";
import { corpusReports, readCorpus, SEEDS } from "./corpus";

/** A pinyin annotation as the converter of seed 002 wrote them: `(qū)`. */
const PINYIN = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/g;

function normalize(text: string): MappedText {
  return normalizeText(MappedText.identity(text));
}

describe("normalisation steps", () => {
  it.each([
    ["traditional characters and pinyin after them", "地區(qū)生產(chǎn)總值", "地区生产总值"],
    ["full-width pinyin brackets", "發（fā）展", "发展"],
    ["full-width digits, decimal point and percent sign", "增长７．５％", "增长7.5%"],
    ["footnote markers", "坚持“四不两优先”[8],探索", "坚持“四不两优先”,探索"],
    ["injected spam words", "做大做强凯发k8国际的版权产业", "做大做强的版权产业"],
    ["spaces between characters", "政 府 工 作 报 告", "政府工作报告"],
    ["spaces inside a number", "关于1 9 9 8 年政府工作", "关于1998年政府工作"],
    ["line breaks inside a quotation or a figure", "“\n十三五\n”，达到74.4\n万亿元", "“十三五”，达到74.4万亿元"],
    ["a page break marked by a zero-width space", "交出一份人\n\u200b\n民满意的答卷", "交出一份人民满意的答卷"],
    ["blank lines and Windows line ends", "一、回顾\r\n\r\n\r\n二、安排", "一、回顾\n二、安排"],
  ])("%s", (_step, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it("keeps Latin words apart and leaves pinyin-like words that are not annotations", () => {
    expect(normalize("Innovation Service (ISCO)组织").text).toBe("Innovation Service(ISCO)组织");
  });

  it("maps every normalised character back to the character it came from", () => {
    const original = "地區(qū)生產(chǎn) 增长７．５％左右[8]";
    const normalized = normalize(original);
    expect(normalized.text).toBe("地区生产增长7.5%左右");
    const origins = [...normalized.text].map((_, i) => original[normalized.toOriginal(i)]);
    expect(origins.join("")).toBe("地區生產增长７．５％左右");
    expect(normalized.toOriginal(normalized.text.length)).toBe(original.length - "[8]".length);
  });
});

describe("the seeds' noise", () => {
  it("002 reads simplified, without pinyin, and its evidence maps back to the traditional text", async () => {
    const [report] = await corpusReports(SEEDS.laishan2024);
    const { documents } = await readCorpus(SEEDS.laishan2024);
    expect(report?.text).not.toMatch(PINYIN);
    expect(report?.text).toContain("烟台市莱山区");
    const gdp = report?.targets.find((t) => t.headline && t.indicator === "地区生产总值");
    expect(gdp?.text).toBe("地区生产总值增长5.5%以上");
    const original = documents[0]?.originalText.slice(
      report?.toOriginalOffset(gdp?.start ?? 0),
      report?.toOriginalOffset(gdp?.end ?? 0),
    );
    expect(original?.replace(PINYIN, "")).toBe("地區生產總值增長5.5%以上");
    expect(original).toContain("區(qū)生產(chǎn)");
  });

  it("003 keeps no footnote marker and no spam word", async () => {
    const [report] = await corpusReports(SEEDS.kuiwen2025);
    expect(report?.text).not.toMatch(/\[\d+\]|凯发/);
  });

  it("every target of the UTF-8 seeds is written the same in the original text", async () => {
    for (const seed of [SEEDS.shinanTwoYears, SEEDS.kuiwen2025, SEEDS.shinan2025]) {
      const { documents } = await readCorpus(seed);
      for (const document of documents) {
        for (const report of document.reports) {
          const differing = report.targets.filter((t) => {
            const written = document.originalText.slice(
              report.toOriginalOffset(t.start),
              report.toOriginalOffset(t.end),
            );
            return written.replace(/\[\d+\]|\s/g, "") !== t.text;
          });
          expect(differing.map((t) => t.text)).toEqual([]);
        }
      }
    }
  });
});
