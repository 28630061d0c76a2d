import type { DisclosureItem, DisclosureValidity } from '../../api/types/directory.js';

/**
 * A deterministic generator of realistic directory items for stories, tests
 * and benchmarks. Everything here is invented (publishers' codes, numbers,
 * dates): it looks like a provincial commerce department's 法定主动公开内容,
 * but no generated item is a real document. Same count and seed, same items.
 */

/** mulberry32: a tiny, well-distributed seeded PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Publisher {
  name: string;
  /** 发文机关代字 of its 文号 (闽商务 → 闽商务〔2020〕76号). */
  docPrefix: string;
  /** Shape of its 索引号 (reference.md §3.2 shows all four in live use). */
  indexNo: (year: number, serial: number) => string;
  weight: number;
}

const serial5 = (serial: number): string => String(serial).padStart(5, '0');
/** 前段码 = 9-character 组织机构代码 without the hyphen: 000014349/2017-00110. */
const plainCode = (code: string) => (year: number, serial: number) => `${code}/${year}-${serial5(serial)}`;
/** 组织机构代码 with its hyphen: 01424668-5/2021-00063. */
const hyphenCode = (code: string) => (year: number, serial: number) => `${code.slice(0, 8)}-${code.slice(8)}/${year}-${serial5(serial)}`;
/** A site-specific prefix: sggzyjyzx/2024-00002. */
const sitePrefix = (prefix: string) => (year: number, serial: number) => `${prefix}/${year}-${serial5(serial)}`;
/** An 18-character 统一社会信用代码 as 前段码. */
const creditCode = (code: string) => (year: number, serial: number) => `${code}/${year}-${serial5(serial)}`;

// Codes are invented for illustration; they are not the agencies' real codes.
/** One publisher a line: its name, 发文机关代字, the shape and code of its 索引号, and how often it publishes. */
const PUBLISHER_TABLE = `
福建省商务厅 闽商务 plainCode FJ0035910 40
福建省人民政府办公厅 闽政办 plainCode FJ0000102 9
福建省人民政府 闽政 plainCode FJ0000101 4
中国（福建）自由贸易试验区工作领导小组办公室 闽自贸办 sitePrefix fjzmq 4
福州市商务局 榕商务 hyphenCode FZ0042311 8
厦门市商务局 厦商务 creditCode 11350200MB0K12345X 8
泉州市商务局 泉商务 hyphenCode QZ0048812 6
漳州市商务局 漳商务 plainCode ZZ0051233 5
莆田市商务局 莆商务 plainCode PT0052001 4
三明市商务局 明商务 hyphenCode SM0053321 3
南平市商务局 南商务 plainCode NP0054107 3
龙岩市商务局 龙商务 plainCode LY0055230 3
宁德市商务局 宁商务 sitePrefix ndswj 3
`;

const INDEX_NO_SHAPES = { plainCode, hyphenCode, sitePrefix, creditCode } as const;

const PUBLISHERS: readonly Publisher[] = PUBLISHER_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [name, docPrefix, shape, code, weight] = line.split(' ') as [string, string, keyof typeof INDEX_NO_SHAPES, string, string];
    return { name, docPrefix, indexNo: INDEX_NO_SHAPES[shape](code), weight: Number(weight) };
  });

/**
 * 主题分类 in the gov.cn style (大类\小类). 综合政务\政务公开 is verified
 * (reference.md §3.2); the others follow the same taxonomy from memory.
 */
export const GENERATED_CATEGORIES = {
  openness: '综合政务\\政务公开',
  general: '综合政务\\其他',
  domesticTrade: '商贸、海关、旅游\\国内贸易',
  foreignTrade: '商贸、海关、旅游\\对外经贸合作',
  customs: '商贸、海关、旅游\\海关',
  tourism: '商贸、海关、旅游\\旅游',
  finance: '财政、金融、审计\\财政',
} as const;

type CategoryKey = keyof typeof GENERATED_CATEGORIES;

interface Topic {
  name: string;
  category: CategoryKey;
  keywords: readonly string[];
}

/** One topic a line: its name, its category, then its keywords (a table, not code: nothing here repeats logic). */
const TOPIC_TABLE = `
品牌连锁便利店加快发展 domesticTrade 便利店 连锁经营 商贸流通
跨境电子商务综合试验区建设 foreignTrade 跨境电商 电子商务 外贸
外贸高质量发展 foreignTrade 外贸 稳外贸 进出口
家政服务业稳步发展 domesticTrade 家政服务 服务业 民生
成品油市场管理 domesticTrade 成品油 市场监管 加油站
自由贸易试验区制度创新 foreignTrade 自贸试验区 制度创新 复制推广
促进汽车消费 domesticTrade 汽车消费 二手车 促消费
老字号保护传承和创新发展 domesticTrade 老字号 品牌 传承
步行街改造提升 domesticTrade 步行街 商圈 消费升级
农产品流通体系建设 domesticTrade 农产品 流通 冷链物流
会展业发展 domesticTrade 会展 展会 招商
服务外包产业发展 foreignTrade 服务外包 服务贸易
电子商务进农村综合示范 domesticTrade 电子商务 农村电商 乡村振兴
再生资源回收体系建设 domesticTrade 再生资源 回收 绿色发展
单用途商业预付卡管理 domesticTrade 预付卡 消费者权益 商业
外商投资促进 foreignTrade 外商投资 招商引资 外资
对外承包工程和劳务合作 foreignTrade 对外承包工程 劳务合作 走出去
网红经济发展 domesticTrade 网红经济 直播电商 新业态
夜间经济发展 domesticTrade 夜间经济 促消费 商圈
县域商业体系建设 domesticTrade 县域商业 乡镇商贸 流通
生活必需品市场保供稳价 domesticTrade 市场保供 生活必需品 价格监测
口岸通关便利化 customs 通关 单一窗口 口岸
入境旅游消费 tourism 旅游 入境消费 离境退税
商务领域安全生产 general 安全生产 隐患排查
政务公开标准化规范化 openness 政务公开 标准化 规范化
商务发展专项资金管理 finance 专项资金 财政 资金管理
`;

const TOPICS: readonly Topic[] = TOPIC_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [name, category, ...keywords] = line.split(' ');
    return { name: name!, category: category as CategoryKey, keywords };
  });

const DOCUMENT_KINDS = ['实施方案', '管理办法', '若干措施', '工作方案', '行动计划', '实施细则', '工作要点'] as const;
const ACTIONS = ['做好', '进一步加强', '开展', '推进', '深入推进'] as const;
const GOALS = ['稳增长、促消费', '优化营商环境', '推动高质量发展', '保障和改善民生', '扩大对外开放', '统筹疫情防控和经济社会发展'];
const MEASURES = ['明确了目标任务和保障措施', '提出了具体工作举措', '明确了职责分工和时间安排', '规定了申报条件和程序'];

interface Shape {
  weight: number;
  hasDocNo: boolean;
  /** A kind of document whose category is fixed regardless of topic. */
  category?: CategoryKey;
  title: (publisher: Publisher, topic: Topic, year: number, pick: <T>(list: readonly T[]) => T) => string;
}

const SHAPES: readonly Shape[] = [
  {
    weight: 30,
    hasDocNo: true,
    title: (p, t, _y, pick) => `${p.name}关于印发《${t.name.replace(/^促进/, '')}${pick(DOCUMENT_KINDS)}》的通知`,
  },
  { weight: 20, hasDocNo: true, title: (p, t, _y, pick) => `${p.name}关于${pick(ACTIONS)}${t.name}工作的通知` },
  {
    weight: 6,
    hasDocNo: true,
    title: (p, t, _y, pick) => `${p.name}等${pick([5, 7, 9, 11, 13, 16])}部门关于推动${t.name.replace(/^促进/, '')}的实施意见`,
  },
  { weight: 8, hasDocNo: false, title: (p, t, y) => `${p.name}关于${y}年度${t.name}项目拟支持名单的公示` },
  { weight: 8, hasDocNo: false, title: (_p, t) => `《关于${t.name}的若干措施》政策解读` },
  {
    weight: 6,
    hasDocNo: false,
    title: (p, t, _y, pick) => `${p.name}关于征求《${t.name}${pick(DOCUMENT_KINDS)}（征求意见稿）》意见的公告`,
  },
  { weight: 8, hasDocNo: true, title: (p, t, y) => `${p.name}关于下达${y}年${t.name}资金的通知` },
  {
    weight: 2,
    hasDocNo: false,
    category: 'openness',
    title: (p, _t, y) => `${p.name}${y - 1}年政府信息公开工作年度报告`,
  },
  {
    weight: 2,
    hasDocNo: true,
    category: 'general',
    title: (p) => `${p.name}关于废止和宣布失效部分规范性文件的决定`,
  },
  { weight: 2, hasDocNo: false, category: 'finance', title: (p, _t, y) => `${p.name}${y}年部门预算公开` },
  { weight: 8, hasDocNo: false, title: (p, t) => `${p.name}召开${t.name}工作推进会` },
];

const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;
const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

function weighted<T extends { weight: number }>(list: readonly T[], random: () => number): T {
  const total = list.reduce((sum, entry) => sum + entry.weight, 0);
  let roll = random() * total;
  for (const entry of list) {
    roll -= entry.weight;
    if (roll < 0) return entry;
  }
  return list[list.length - 1]!;
}

function validityFor(year: number, random: () => number): DisclosureValidity | undefined {
  const roll = random();
  if (roll < 0.08) return undefined; // some portals show no 有效性 at all
  // Older documents are more often superseded.
  const old = year < 2019;
  if (roll < (old ? 0.26 : 0.12)) return '失效';
  if (roll < (old ? 0.38 : 0.15)) return '废止';
  return '有效';
}

/**
 * `count` realistic items, newest first, the same for the same `seed`.
 * 文号 numbers and 索引号 serials rise with the date, per publisher and year.
 */
export function generateDisclosureItems(count: number, seed = 1): DisclosureItem[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  // Dates first, in order, so numbering can follow them.
  const times = Array.from(
    { length: Math.max(0, Math.floor(count)) },
    () => FIRST_DAY + Math.floor(random() * ((LAST_DAY - FIRST_DAY) / DAY + 1)) * DAY,
  ).sort((a, b) => a - b);

  const serials = new Map<string, number>();
  const next = (key: string, start: () => number): number => {
    const value = (serials.get(key) ?? start()) + 1;
    serials.set(key, value);
    return value;
  };

  const items = times.map((published, k): DisclosureItem => {
    const publisher = weighted(PUBLISHERS, random);
    const topic = pick(TOPICS);
    const shape = weighted(SHAPES, random);
    const publishedAt = isoDate(published);
    const year = Number(publishedAt.slice(0, 4));
    const written = published - Math.floor(random() * 15) * DAY;
    const writtenYear = new Date(written).getUTCFullYear();
    const validity = validityFor(year, random);
    let title = shape.title(publisher, topic, year, pick);
    // Some portals (e.g. 平潭) mark repealed documents in the title.
    if (validity === '废止' && random() < 0.3) title += '（已废止）';

    const item: DisclosureItem = {
      id: `gen-${String(k + 1).padStart(6, '0')}`,
      indexNo: publisher.indexNo(
        year,
        next(`${publisher.name}/${year}`, () => 0),
      ),
      title,
      url: `/zwgk/zfxxgk/fdzdgknr/${publishedAt.slice(0, 7).replace('-', '')}/t${publishedAt.replaceAll('-', '')}_${100000 + k}.htm`,
      publisher: publisher.name,
      category: GENERATED_CATEGORIES[shape.category ?? topic.category],
      publishedAt,
    };
    if (shape.hasDocNo) {
      // Numbers start low and rise; a few offices issue 函 (letters) with their own series.
      const letter = random() < 0.25 ? '函' : '';
      const number = next(`${publisher.docPrefix}${letter}/${writtenYear}`, () => Math.floor(random() * 5));
      item.docNo = `${publisher.docPrefix}${letter}〔${writtenYear}〕${number}号`;
    }
    if (shape.hasDocNo || random() < 0.5) item.writtenAt = isoDate(written);
    const keywordCount = 1 + Math.floor(random() * topic.keywords.length);
    if (random() < 0.85) item.keywords = topic.keywords.slice(0, keywordCount);
    if (validity) item.validity = validity;
    if (random() < 0.7) {
      item.summary = `为${pick(GOALS)}，${publisher.name}围绕${topic.name.replace(/^促进/, '')}${pick(MEASURES)}。`;
    }
    return item;
  });
  return items.reverse();
}
