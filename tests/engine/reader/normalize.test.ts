/**
 * Normalisation keeps a map back to the text as written: each rewrite on small inputs, then the seeds' noise
 * (traditional characters with pinyin, footnotes, spam) and evidence mapped back into the original file text.
 */
import { describe, expect, it } from "vitest";
import { MappedText } from "@/lib/engine/reader/text/mapped-text";
import { isJunkToken, normalizeText } from "@/lib/engine/reader/text/normalize";
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

/** The original text under normalised span `start`..`end` (what evidence shows). */
function originalSpan(original: string, normalized: MappedText, start: number, end: number): string {
  return original.slice(normalized.toOriginal(start), normalized.toOriginal(end));
}

/** The original character each normalised character came from. */
function originChars(original: string, normalized: MappedText): string {
  return [...normalized.text].map((_, i) => original[normalized.toOriginal(i)]).join("");
}

describe("decimal points written as full stops", () => {
  it.each([
    ["a full stop between digits before a percent sign", "全年增长6。5%左右", "全年增长6.5%左右"],
    ["before a unit", "收入达到230。4亿元", "收入达到230.4亿元"],
    ["before 个百分点", "提高1。2个百分点", "提高1.2个百分点"],
    ["a full-width point", "增长７．５％", "增长7.5%"],
  ])("%s", (_case, input, expected) => {
    const normalized = normalize(input);
    expect(normalized.text).toBe(expected);
    expect(originChars(input, normalized)).toBe(input);
  });

  it.each([
    ["two sentences: a number ends one, a number starts the next", "收入比缩小至2.54。30个县区全部摘帽"],
    ["after a ratio", "三次产业结构为8:1。15个项目开工"],
    ["a date after a count", "共举办12场。3月起全面推开"],
    ["an ordinary decimal", "增长1.5%"],
  ])("leaves %s", (_case, input) => {
    expect(normalize(input).text).toBe(input);
  });
});

describe("line breaks", () => {
  it.each([
    ["a number split after its first digit", "农村居民人均可支配收入1\n2248元", "农村居民人均可支配收入12248元"],
    ["a number split after its decimal point", "一般公共预算收入达到230.\n4亿元", "一般公共预算收入达到230.4亿元"],
  ])("joins %s", (_case, input, expected) => {
    const normalized = normalize(input);
    expect(normalized.text).toBe(expected);
    const at =
      normalized.text.indexOf("2248") >= 0 ? normalized.text.indexOf("12248") : normalized.text.indexOf("230.4");
    const figure = normalized.text.indexOf("元") + 1;
    // The evidence of the joined figure maps back to the raw span, line break included.
    expect(originalSpan(input, normalized, at, figure)).toMatch(/^(1\n2248元|230\.\n4亿元)$/);
  });

  it("keeps a paragraph break after a year at a line end when the text is not hard-wrapped", () => {
    const input = "一、2019年\n全区上下坚持稳中求进工作总基调。\n二、2020年工作安排";
    expect(normalize(input).text).toBe(input);
  });

  /** A report flattened from a PDF: lines of about one width, cut wherever the width ran out. */
  const WRAPPED = [
    "现在,我代表县人民政府向大会报告工作,请予审议,并请政",
    "协各位委员和其他列席人员提出意见。",
    "一、过去一年工作回顾",
    "一年来,全县上下坚持稳中求进工作总基调,统筹发展和安全,",
    "经济社会保持平稳健康发展。预计全县生产总值达到一百亿元",
    ",增长百分之六;规模以上工业增加值增长百分之八;固定资产投",
    "资增长百分之十;社会消费品零售总额增长百分之七;城镇居民人",
    "均可支配收入达到四万元,农村居民人均可支配收入达到两万元",
    ",分别增长百分之五和百分之七。全年新增城镇就业三千人,城",
    "镇登记失业率控制在百分之三以内,完成了县人大确定的各项目",
    "标任务。产业培育取得新成效,新建成投产项目二十个,新增规",
    "上企业十五家,农业生产保持稳定,粮食产量稳定在十万吨以上",
    "。城乡面貌持续改善,新建改造道路五十公里,完成老旧小区改",
    "造十个,群众获得感持续增强。",
  ];

  it("joins the lines of hard-wrapped text, but not after a sentence or before a heading", () => {
    const input = WRAPPED.join("\n");
    const normalized = normalize(input);
    const lines = normalized.text.split("\n");
    expect(lines[0]).toBe("现在,我代表县人民政府向大会报告工作,请予审议,并请政协各位委员和其他列席人员提出意见。");
    expect(lines[1]).toBe("一、过去一年工作回顾");
    expect(lines[2]).toContain("固定资产投资增长百分之十");
    expect(lines[2]).toContain("城镇居民人均可支配收入");
    expect(lines[2]).toContain("完成了县人大确定的各项目标任务。产业培育");
    expect(lines[2]).toContain("粮食产量稳定在十万吨以上。城乡面貌");
    expect(lines).toHaveLength(3);
    // A joined word maps back to both halves around the raw line break.
    const at = normalized.text.indexOf("政协");
    expect(originalSpan(input, normalized, at, at + 2)).toBe("政\n协");
    expect(originChars(input, normalized)).toBe(normalized.text);
  });

  it("keeps the lines of short, unpunctuated text that is not wrapped (a list)", () => {
    const input = ["主要预期目标", "地区生产总值增长6%左右", "城镇新增就业3000人", "居民收入与经济增长同步"].join("\n");
    expect(normalize(input).text).toBe(input);
  });

  it.each([
    ["a dashed page number", "粮食产量稳定在十万吨\n- 3 -\n以上"],
    ["a bare page number", "粮食产量稳定在十万吨\n12\n以上"],
    ["a page marker of a document site", "粮食产量稳定在十万吨\n第3页共18页\n以上"],
  ])("drops %s on a line of its own", (_case, input) => {
    expect(normalize(input).text).toBe("粮食产量稳定在十万吨\n以上");
  });

  it("drops a page marker run into the text and keeps a page reference", () => {
    expect(normalize("第1页共18页某市政府工作报告").text).toBe("某市政府工作报告");
    expect(normalize("详见第3页").text).toBe("详见第3页");
  });

  it("keeps a bare number that continues into a figure on the next line", () => {
    expect(normalize("全年实现收入\n1400\n亿元").text).toBe("全年实现收入\n1400亿元");
  });
});

describe("spam tokens", () => {
  it.each([
    ["a mixed-case tag inside a word", "推动经济社Qx7w会高质量发展", "推动经济社会高质量发展"],
    [
      "a tag at the end of every paragraph",
      "请予审议。Hq3\n一、过去一年工作回顾Hq3\n",
      "请予审议。\n一、过去一年工作回顾",
    ],
    ["a tag after a colon", "各位代表:bXr\n现在", "各位代表:\n现在"],
    ["symbol junk after Chinese text and a space", "提出意见。 Tb&q-w9\n下面", "提出意见。\n下面"],
    ["a junk line on its own", "提出意见。\n{m3Qp\n下面", "提出意见。\n下面"],
    ["a gambling-site tag with its brand", "做大做强凯发k8国际的版权产业", "做大做强的版权产业"],
  ])("drops %s", (_case, input, expected) => {
    const normalized = normalize(input);
    expect(normalized.text).toBe(expected);
    expect(originChars(input, normalized)).toBe(normalized.text);
  });

  it.each([
    ["PM2.5浓度下降到30微克/立方米"],
    ["建成5G基站1000个"],
    ["GDP增长6%"],
    ["CPI涨幅3%左右"],
    ["R&D经费投入强度达到2.5%"],
    ["推广PPP模式"],
    ["发展AI产业"],
    ["建设1000kV特高压工程"],
    ["打造3d建模数据工厂"],
    ["甲型HlN1流感"],
    ["引进华为Mate60产线"],
    ["推广DeepSeek应用"],
    ["实现地区生产总值xxx亿元,增长x.x%,20xx年"],
    ["网址www.gov.cn查询"],
  ])("keeps %s", (input) => {
    expect(normalize(input).text).toBe(input);
  });

  it("judges tokens by their shape", () => {
    for (const junk of ["2Iu", "zTB", "LsMq&a-j2", "6lr<", "{k7Nw", ")5diX", "k8"])
      expect(isJunkToken(junk)).toBe(true);
    for (const term of ["GDP", "PM2.5", "5G", "R&D", "iPhone", "WiFi", "10kV", "app", "C919", "(GDP)", "Wi-Fi"]) {
      expect(isJunkToken(term)).toBe(false);
    }
  });
});

describe("converter mojibake", () => {
  it.each([
    ["question marks with a trail byte", "大会宣布开幕??h人民政府县长作报告", "大会宣布开幕人民政府县长作报告"],
    [
      "a question mark and a trail byte glued to text",
      "发展步伐明显加快?!拔宕蠡亍建设",
      "发展步伐明显加快拔宕蠡亍建设",
    ],
    ["question marks at a line start", "良好开局。\n? ? ——经济总量持续攀升", "良好开局。\n——经济总量持续攀升"],
  ])("drops %s", (_case, input, expected) => {
    const normalized = normalize(input);
    expect(normalized.text).toBe(expected);
    expect(originChars(input, normalized)).toBe(normalized.text);
  });

  it.each([["今年怎么干?政府工作报告给出答案"], ["详见index.php?id=3"], ["比例为1.6?36.9"]])("keeps %s", (input) => {
    expect(normalize(input).text).toBe(input);
  });
});

describe("transcripts", () => {
  it("drops timestamps and speaker tags at line starts and ends", () => {
    const input = "[总理]:各位代表: [09:05]\n【09:06】现在,我代表国务院作报告。\n[09:07] 国内生产总值增长8.7%。";
    const normalized = normalize(input);
    expect(normalized.text).toBe("各位代表:\n现在,我代表国务院作报告。\n国内生产总值增长8.7%。");
    const at = normalized.text.indexOf("8.7%");
    expect(originalSpan(input, normalized, at, at + 4)).toBe("8.7%");
  });

  it("keeps a bracketed heading and a time inside a sentence", () => {
    expect(normalize("【概况】全区经济运行平稳").text).toBe("【概况】全区经济运行平稳");
    expect(normalize("下午3:00大会开幕").text).toBe("下午3:00大会开幕");
  });
});

describe("the origin map", () => {
  it("maps every character of a noisy text back to where it was written, and the end to the end", () => {
    const original = "地區(qū)生產(chǎn)總Qx7w值增長６。５%左右[8]\r\n- 2 -\r\n[09:05]";
    const normalized = normalize(original);
    expect(normalized.text).toBe("地区生产总值增长6.5%左右");
    expect(originChars(original, normalized)).toBe("地區生產總值增長６。５%左右");
    expect(normalized.toOriginal(normalized.text.length)).toBe(original.indexOf("[8]"));
    for (let i = 1; i < normalized.origin.length; i++) {
      expect(normalized.origin[i]).toBeGreaterThan(normalized.origin[i - 1] as number);
    }
  });

  it("composes with the map of its input (text taken out of HTML)", () => {
    const shifted = new MappedText("增长６．５％", Int32Array.from([10, 11, 12, 13, 14, 15, 16]));
    const normalized = normalizeText(shifted);
    expect(normalized.text).toBe("增长6.5%");
    expect([...normalized.origin]).toEqual([10, 11, 12, 13, 14, 15, 16]);
  });

  it("reads an empty and a blank text", () => {
    expect(normalize("").text).toBe("");
    expect(normalize(" \n\u3000\n").text).toBe("");
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

describe("years written in numerals", () => {
  it("become digits character for character: `二〇二二年`, `二0一二年`, `一九九八年`", () => {
    const original = "预计二〇二二年达十二点八万亿元，到二0一二年翻番，一九九八年以来";
    const normalized = normalize(original);
    expect(normalized.text).toBe("预计2022年达十二点八万亿元，到2012年翻番，1998年以来");
    const at = normalized.text.indexOf("2022");
    expect(originalSpan(original, normalized, at, at + 5)).toBe("二〇二二年");
  });

  it("leave other numerals alone: `十二点八万亿元`, `二三年` and `二〇二二` without 年", () => {
    const original = "达十二点八万亿元，用二三年时间，代号二〇二二";
    expect(normalize(original).text).toBe(original);
  });
});
