import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DirectoryQuery } from '../../src/api/types/directory.js';
import { parseDirectoryQuery, serializeDirectoryQuery } from '../../src/core/directory/url-state.js';

test('a query survives serialize → URL → parse with a prefix', () => {
  const queries: DirectoryQuery[] = [
    {},
    { q: '闽商务〔2020〕76号' },
    {
      q: '便利店 连锁',
      category: '商贸、海关、旅游\\国内贸易',
      publisher: '福建省商务厅',
      year: 2020,
      validity: '失效',
      sort: 'oldest',
      page: 3,
      pageSize: 50,
    },
    { q: 'a&b=c#d?e', sort: 'newest', page: 2 },
    { sort: 'title', pageSize: 10 },
  ];
  for (const query of queries) {
    const url = new URL('https://www.example.gov.cn/zwgk/?other=1');
    for (const [key, value] of serializeDirectoryQuery(query, 'dir-')) url.searchParams.set(key, value);
    const back = parseDirectoryQuery(new URL(url.href).searchParams, 'dir-');
    assert.deepEqual(back, query, url.href);
    assert.equal(url.searchParams.get('other'), '1', 'other parameters are left alone');
  }
});

test('defaults are left out of the URL', () => {
  assert.equal(serializeDirectoryQuery({ q: '', page: 1, pageSize: 20 }).toString(), '');
  assert.equal(serializeDirectoryQuery({ q: '便利店', sort: 'relevance' }).toString(), 'q=%E4%BE%BF%E5%88%A9%E5%BA%97');
  assert.equal(serializeDirectoryQuery({ sort: 'newest' }).toString(), '');
  assert.equal(serializeDirectoryQuery({ q: '便利店', sort: 'newest' }).get('sort'), 'newest', 'newest is a choice when searching');
  assert.equal(serializeDirectoryQuery({ page: 2 }, 'x.').toString(), 'x.page=2');
});

test('parameters of another prefix, or without it, are not read', () => {
  const params = new URLSearchParams('q=外贸&dir-q=便利店&page=4');
  assert.deepEqual(parseDirectoryQuery(params, 'dir-'), { q: '便利店' });
  assert.deepEqual(parseDirectoryQuery(params), { q: '外贸', page: 4 });
});

test('values that cannot be meant fall back to the default', () => {
  const parsed = parseDirectoryQuery({
    q: '   ',
    year: '20',
    validity: '有效的',
    sort: 'random',
    page: 'abc',
    pageSize: '-5',
    category: '',
  });
  assert.deepEqual(parsed, {});
  assert.deepEqual(parseDirectoryQuery({ page: '1e3', year: '2020.5' }), {});
  assert.deepEqual(parseDirectoryQuery({ pageSize: '500', year: ' 2021 ', validity: '废止' }), {
    pageSize: 100,
    year: 2021,
    validity: '废止',
  });
});

test('a plain record works like URLSearchParams (the server reads its query this way)', () => {
  assert.deepEqual(
    parseDirectoryQuery({ q: '通知', category: '综合政务\\政务公开', year: '2019', page: '2', pageSize: '10', sort: 'title' }),
    {
      q: '通知',
      category: '综合政务\\政务公开',
      year: 2019,
      page: 2,
      pageSize: 10,
      sort: 'title',
    },
  );
});
