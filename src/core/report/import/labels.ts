/**
 * Comparing a label as published with the template's label. Published labels differ in
 * width (（） or ()), punctuation (1. 1、 1．), spaces and line breaks inside the cell and,
 * now and then, a wrong or missing character; the comparison ignores the first three and
 * scores the last, so the importer can say how sure it is.
 */

/** Letters, digits and Han characters only, full-width folded to half-width (NFKC). */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}\p{Z}\p{Cc}]/gu, '')
    .toLowerCase();
}

/** Text as a person reads it: NFKC, runs of white space (including &nbsp;) as one space, trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** 1 for the same label, down to 0; compares label keys. */
export function similarity(published: string, template: string): number {
  const a = labelKey(published);
  const b = labelKey(template);
  if (!a || !b) return 0;
  if (a === b) return 1;
  return Math.max(0, 1 - levenshtein(a, b) / Math.max(a.length, b.length));
}

/** Whether the published text contains the label (keys compared), e.g. a heading cell with extra words. */
export function containsLabel(published: string, label: string): boolean {
  const key = labelKey(label);
  return key !== '' && labelKey(published).includes(key);
}

export interface Candidate<T> {
  value: T;
  /** The template's labels for it (the first is the official one; others are accepted variants). */
  labels: string[];
}

export interface LabelMatch<T> {
  value: T;
  /** The official label it matched. */
  label: string;
  confidence: number;
}

/** The candidate whose label is most like `published`, when at least `threshold` alike. */
export function bestMatch<T>(published: string, candidates: Candidate<T>[], threshold = 0.7): LabelMatch<T> | undefined {
  let best: LabelMatch<T> | undefined;
  for (const candidate of candidates) {
    for (const label of candidate.labels) {
      const confidence = similarity(published, label);
      if (!best || confidence > best.confidence) best = { value: candidate.value, label: candidate.labels[0]!, confidence };
    }
  }
  return best && best.confidence >= threshold ? best : undefined;
}

/**
 * One-to-one assignment of published labels to candidates, best pairs first, so that two
 * rows never both claim 3.其他 and a near-miss cannot steal an exact match's candidate.
 */
export function assignLabels<T>(published: string[], candidates: Candidate<T>[], threshold = 0.7): (LabelMatch<T> | undefined)[] {
  const pairs: { index: number; candidate: number; confidence: number; label: string }[] = [];
  published.forEach((text, index) => {
    candidates.forEach((candidate, c) => {
      const confidence = Math.max(...candidate.labels.map((label) => similarity(text, label)));
      if (confidence >= threshold) pairs.push({ index, candidate: c, confidence, label: candidate.labels[0]! });
    });
  });
  pairs.sort((x, y) => y.confidence - x.confidence || x.index - y.index);
  const result: (LabelMatch<T> | undefined)[] = published.map(() => undefined);
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (result[pair.index] || taken.has(pair.candidate)) continue;
    result[pair.index] = { value: candidates[pair.candidate]!.value, label: pair.label, confidence: round2(pair.confidence) };
    taken.add(pair.candidate);
  }
  return result;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
