/**
 * The disclosure directory (政府信息公开目录 / 法定主动公开内容): one document as
 * `<zwgk-directory>` shows it and `GET /disclosures` returns it, the search
 * query the element sends, and the page of results it reads back.
 */

/** 有效性. A document without one is treated as 有效. */
export type DisclosureValidity = '有效' | '失效' | '废止';

export interface DisclosureItem {
  id: string;
  /** 索引号 — an opaque key (e.g. 000014349/2017-00110); sites use many shapes. */
  indexNo: string;
  /** 名称 / 标题 */
  title: string;
  /** Where the document is published (http, https or a relative URL). */
  url: string;
  /** 文号 / 发文字号, e.g. 闽商务〔2020〕76号 */
  docNo?: string;
  /** 发布机构 */
  publisher: string;
  /** 主题分类, gov.cn style: 综合政务\政务公开 */
  category: string;
  /** 发布日期 (生成日期), YYYY-MM-DD */
  publishedAt: string;
  /** 成文日期, YYYY-MM-DD */
  writtenAt?: string;
  /** 主题词 */
  keywords?: string[];
  validity?: DisclosureValidity;
  /** 内容概述 */
  summary?: string;
}

/**
 * `newest` / `oldest` by 发布日期; `relevance` ranks title matches first, then
 * 文号/索引号, then 主题词; `title` in Chinese (pinyin) collation order.
 */
export type DirectorySort = 'newest' | 'oldest' | 'relevance' | 'title';

/**
 * A search of the directory; every field is optional. Without `sort`, a query
 * with search text is ranked by relevance, otherwise newest first.
 * These are also the query parameters of `GET /disclosures`.
 */
export interface DirectoryQuery {
  /** Search text; whitespace-separated terms must all match. */
  q?: string;
  /** 主题分类, exact value */
  category?: string;
  /** 发布机构, exact value */
  publisher?: string;
  /** Year of 发布日期 */
  year?: number;
  validity?: DisclosureValidity;
  sort?: DirectorySort;
  /** 1-based; a page past the end gives the last page. */
  page?: number;
  /** 1..100, default 20. */
  pageSize?: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

/**
 * For each filter, the values available and how many results each would give:
 * a facet's counts apply every other filter but not its own. Sorted by count,
 * then value. A selected value is listed even when its count is 0.
 */
export interface DirectoryFacets {
  category: FacetCount[];
  publisher: FacetCount[];
  /** Values are four-digit years as strings ("2020"). */
  year: FacetCount[];
  validity: FacetCount[];
}

/** One page of results, as `GET /disclosures` returns it. */
export interface DirectoryPage {
  items: DisclosureItem[];
  /** Number of documents matching the query (all pages). */
  total: number;
  /** The page actually returned (clamped to 1..last page). */
  page: number;
  pageSize: number;
  facets: DirectoryFacets;
}
