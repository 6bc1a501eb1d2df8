/** Every label of the interface, simplified Chinese first. Other locales implement the same keys. */
export const zhCN = {
  app: {
    name: "落实",
    tagline: "政府工作报告目标落实情况",
    description: "把每年政府工作报告提出的目标，与下一年报告回顾的实际完成情况逐项对照。",
  },
  nav: {
    label: "主导航",
    overview: "总览",
    compare: "年度对比",
    review: "待审队列",
    import: "导入报告",
    export: "导出",
  },
  overview: {
    title: "各地目标落实总览",
    jurisdictions: "地区",
    code: "行政区划代码",
    years: "已有年份",
    emptyTitle: "还没有导入任何报告",
    emptyBody: "导入政府工作报告（.txt、.html 或 .jsonl）后，这里会列出每个地区及其目标完成情况。",
    count: "共 {count} 个地区",
  },
  footer: {
    evidence: "每个数字都链接到报告中的原句。",
  },
  errors: {
    title: "出错了",
    retry: "重试",
    notFoundTitle: "找不到这个页面",
    notFoundBody: "链接可能已失效，或者该地区、年份尚未导入。",
    backHome: "返回总览",
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
