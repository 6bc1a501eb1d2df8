/**
 * A file may hold several reports (a web page listing two years) wrapped in site chrome. A report starts at its title
 * line (`2019年青岛市市南区人民政府工作报告`) and ends before the next title or at the page's closing boilerplate.
 */

export interface ReportSpan {
  start: number;
  end: number;
  /** The report's title line as normalised, when the file has one. */
  title: string | null;
}

/**
 * A short line naming a year's work report, possibly behind a site's bullet or tag (`• 【南区招商】`, `(山东省)`).
 * Resolutions on a report (`关于政府工作报告的决议`) are not reports.
 */
const TITLE_LINE = /^[^\n]{0,24}?(?:19|20)\d{2}年[^\n。，,]{0,40}?政府工作报告(?![^\n]{0,30}决议)[^\n]{0,16}$/gm;

/** Lines that close a web page around a report: disclaimers, copyright, comments, a lone publication date. */
const CLOSING_BOILERPLATE =
  /^(?:免责声明|本文仅代表|本站|版权所有|©|Copyright|有想补充的信息|本文地址|留言与评论|网站地图|我要爆料|责任编辑|打印本页|关闭窗口|上一篇|下一篇|相关阅读|相关新闻|\d{4}-\d{1,2}-\d{1,2}(?:\s*\d{1,2}:\d{2})?$)/m;

/** Boilerplate this close to a report's start is the page's header (a date line above an article), not its end. */
const MIN_REPORT_SHARE_BEFORE_CLOSING = 0.2;

function sentencesIn(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf("。", start); i >= 0 && i < end; i = text.indexOf("。", i + 1)) count++;
  return count;
}

/**
 * Where the page's closing boilerplate begins, or `end`. A page's navigation can sit above the article too (a
 * newspaper page's `下一篇`): boilerplate followed by more sentences than precede it is a header, not the end.
 */
function closingBoilerplateStart(text: string, start: number, end: number): number {
  const searchFrom = start + Math.floor((end - start) * MIN_REPORT_SHARE_BEFORE_CLOSING);
  const lineStart = text.lastIndexOf("\n", searchFrom) + 1;
  // Searched within the report's span only: a search running on to the text's end would cost every report the rest
  // of the text, quadratic in a file of thousands of reports.
  const from = Math.max(lineStart, start);
  const span = text.slice(from, end);
  for (const match of span.matchAll(new RegExp(CLOSING_BOILERPLATE.source, "gm"))) {
    const at = from + match.index;
    if (sentencesIn(text, at, end) <= sentencesIn(text, start, at)) return at;
  }
  return end;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] as string)) e--;
  return e;
}

/**
 * A title line this close to the next one is the page's own header repeating the report's title (breadcrumbs,
 * a share bar, a date line in between), not a report of its own.
 */
const MIN_REPORT_LENGTH = 800;

export function splitReports(text: string): ReportSpan[] {
  const found = [...text.matchAll(TITLE_LINE)].map((m) => ({ start: m.index, title: m[0] }));
  const titles = found.filter((t, i) => {
    const next = found[i + 1];
    return !next || next.start - t.start >= MIN_REPORT_LENGTH;
  });
  const starts = titles.length > 0 ? titles : [{ start: 0, title: null }];
  return starts.map((t, i) => {
    const next = starts[i + 1]?.start ?? text.length;
    const end = trimmedEnd(text, t.start, closingBoilerplateStart(text, t.start, next));
    return { start: t.start, end, title: t.title };
  });
}
