import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSearchText, normalizeWithMap, searchTerms } from '../../src/core/directory/normalize.js';
import { matchRanges } from '../../src/core/directory/highlight.js';

/** The marked parts of `text`, so a test reads as what the citizen sees highlighted. */
const marked = (text: string, q: string): string[] => matchRanges(text, q).map(([start, end]) => text.slice(start, end));

test('every bracket variant of a 文号 normalises to the same text', () => {
  const variants = [
    '闽商务〔2020〕76号',
    '闽商务[2020]76号',
    '闽商务(2020)76号',
    '闽商务（2020）76号',
    '闽商务【2020】76号',
    '闽商务［2020］76号',
    '闽商务〖2020〗76号',
    '闽商务﹝2020﹞76号',
  ];
  const forms = new Set(variants.map(normalizeSearchText));
  assert.equal(forms.size, 1, [...forms].join(' | '));
  assert.equal([...forms][0], '闽商务(2020)76号');
});

test('full-width digits and letters equal their ASCII forms, and case is ignored', () => {
  assert.equal(normalizeSearchText('闽商务〔２０２０〕７６号'), normalizeSearchText('闽商务〔2020〕76号'));
  assert.equal(normalizeSearchText('ＦＪ００３５９１０/2021-00008'), 'fj0035910/2021-00008');
  assert.equal(normalizeSearchText('01424668-5/2021-00063'), '01424668-5/2021-00063');
  assert.equal(normalizeSearchText('Altcha ALTCHA altcha'), 'altcha altcha altcha');
  assert.equal(normalizeSearchText('ＡＢＣ'), normalizeSearchText('abc'));
});

test('whitespace of every kind collapses, invisible characters vanish', () => {
  assert.equal(normalizeSearchText('  品牌\u3000连锁\t\n便利店  '), '品牌 连锁 便利店');
  assert.equal(normalizeSearchText('便利\u200b店\ufeff'), '便利店');
  assert.equal(normalizeSearchText(''), '');
});

test('the fast path and the full NFKC path agree', () => {
  // Characters outside the common set (①, ㈠, é composed from e + accent) take the NFKC path.
  assert.equal(normalizeSearchText('第①条'), '第1条');
  assert.equal(normalizeSearchText('㈠总体情况'), '(一)总体情况');
  assert.equal(normalizeSearchText('Cafe\u0301 ＣＡＦÉ'), 'café café');
  assert.equal(normalizeSearchText('《关于…的通知》'), '《关于...的通知》');
});

test('a query splits into terms; repeated terms and terms inside other terms drop out', () => {
  assert.deepEqual(searchTerms('  便利店　闽商务〔2020〕 '), ['便利店', '闽商务(2020)']);
  assert.deepEqual(searchTerms('便利 便利店 便利店'), ['便利店']);
  assert.deepEqual(searchTerms('   '), []);
  assert.deepEqual(searchTerms(undefined), []);
});

test('索引号 of any shape is searchable text, never rejected', () => {
  for (const indexNo of [
    '000014349/2017-00110',
    '01424668-5/2021-00063',
    'sggzyjyzx/2024-00002',
    '330200-02-05-01-20090105-0001',
    '11350000003591037R/2020-00012',
  ]) {
    assert.ok(normalizeSearchText(indexNo).length > 0);
    assert.deepEqual(marked(indexNo, indexNo), [indexNo]);
  }
});

test('matchRanges marks matches in the original string', () => {
  const title = '福建省商务厅等13部门关于推动我省品牌连锁便利店加快发展的实施意见';
  assert.deepEqual(marked(title, '便利店'), ['便利店']);
  assert.deepEqual(marked(title, '商务厅 便利店'), ['商务厅', '便利店']);
  assert.deepEqual(matchRanges(title, '高铁'), []);
  assert.deepEqual(matchRanges(title, ''), []);
  assert.deepEqual(matchRanges('', '便利店'), []);
});

test('matchRanges maps back through full-width input', () => {
  const docNo = '闽商务〔２０２０〕７６号';
  assert.deepEqual(matchRanges(docNo, '(2020)76'), [[3, 11]]);
  assert.deepEqual(marked(docNo, '(2020)76'), ['〔２０２０〕７６']);
  // Full-width query against half-width text, and the other way round.
  assert.deepEqual(marked('闽商务(2020)76号', '〔２０２０〕'), ['(2020)']);
  assert.deepEqual(marked('ＦＪ００３５９１０/2021-00008', 'fj0035910'), ['ＦＪ００３５９１０']);
});

test('matchRanges covers whole characters when normalisation changes lengths', () => {
  // ㈠ becomes three characters "(一)"; a match inside it marks the whole ㈠.
  assert.deepEqual(marked('㈠总体情况', '一'), ['㈠']);
  assert.deepEqual(marked('㈠总体情况', '总体'), ['总体']);
  // An astral character (two UTF-16 units) before the match does not shift it.
  assert.deepEqual(marked('𠀀便利店', '便利'), ['便利']);
  // A decomposed é (e + combining accent) is matched by a composed é and marked whole.
  assert.deepEqual(marked('Cafe\u0301 today', 'café'), ['Cafe\u0301']);
});

test('matchRanges merges overlapping matches of different terms', () => {
  assert.deepEqual(marked('品牌连锁便利店', '连锁便 便利店'), ['连锁便利店']);
  assert.deepEqual(matchRanges('便利店便利店', '便利店'), [[0, 6]]);
});

test('normalizeWithMap maps every unit back exactly as folding each character cluster on its own does', () => {
  // The reference: every cluster through NFKC, lower case, 文号 brackets, format characters dropped, whitespace one-for-one.
  const reference = (text: string) => {
    const from: number[] = [];
    const to: number[] = [];
    let out = '';
    for (const cluster of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
      const start = cluster.index ?? 0;
      const folded = cluster[0]
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[[(〔【〖〘]/g, '(')
        .replace(/[\])〕】〗〙]/g, ')')
        .replace(/\p{Cf}+/gu, '')
        .replace(/[\s\p{Cc}]+/gu, ' ');
      for (let k = 0; k < folded.length; k++) {
        from.push(start);
        to.push(start + cluster[0].length);
      }
      out += folded;
    }
    return { text: out, from, to };
  };
  const samples = [
    '闽商务〔2020〕76号',
    'ＦＪ００３５９１０／２０２０－００１３',
    'Café́ au lait',
    'e\u0301',
    '\u0301x',
    '①㈠Ⅻ',
    '𠀋𠀌 astral',
    'zero\u200bwidth\ufeff',
    'tab\tand\nnew line\u3000space',
    '《关于…的通知》“引号”',
    'ＡＢＣ abc ABC',
    '\u0000\u007f\u0085',
    '［2020］【2021】〖2022〗',
    'ﬁ ﬂ ㎏ ℃',
    '\ud800 lone',
    'ｶﾀｶﾅ',
    'É',
    'A\u030a\u0301',
  ];
  for (const text of samples) assert.deepEqual(normalizeWithMap(text), reference(text), JSON.stringify(text));
});
