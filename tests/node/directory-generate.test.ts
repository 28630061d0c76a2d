import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDisclosureItems } from '../../src/core/directory/generate.js';
import { FUJIAN_COMMERCE_2020_DOCUMENTS } from '../../src/core/directory/fixtures.js';
import { validateDisclosureItems } from '../../src/core/directory/validate.js';
import { createDirectoryIndex, queryDirectory } from '../../src/core/directory/index.js';

test('the generator is deterministic per seed', () => {
  assert.deepEqual(generateDisclosureItems(200, 42), generateDisclosureItems(200, 42));
  assert.notDeepEqual(generateDisclosureItems(200, 42), generateDisclosureItems(200, 43));
  assert.deepEqual(generateDisclosureItems(0, 1), []);
});

test('generated items are valid, unique and newest first', () => {
  const items = generateDisclosureItems(2000, 5);
  const { items: valid, problems } = validateDisclosureItems(JSON.parse(JSON.stringify(items)));
  assert.deepEqual(problems, []);
  assert.equal(valid.length, 2000);
  assert.equal(new Set(items.map((item) => item.id)).size, 2000);
  assert.equal(new Set(items.map((item) => item.indexNo)).size, 2000, '索引号 are unique');
  for (let k = 1; k < items.length; k++) assert.ok(items[k - 1]!.publishedAt >= items[k]!.publishedAt);
});

test('generated items look like a real directory', () => {
  const items = generateDisclosureItems(5000, 9);
  const years = items.map((item) => Number(item.publishedAt.slice(0, 4)));
  assert.equal(Math.min(...years), 2015);
  assert.equal(Math.max(...years), 2026);
  const docNos = items.flatMap((item) => (item.docNo ? [item.docNo] : []));
  assert.ok(docNos.length > 2000 && docNos.length < 5000, 'most, not all, have a 文号');
  for (const docNo of docNos) assert.match(docNo, /^[\u4e00-\u9fff]+〔20\d\d〕\d+号$/);
  assert.ok(docNos.some((docNo) => docNo.startsWith('闽商务〔')));
  assert.ok(docNos.some((docNo) => docNo.startsWith('闽政办〔')));
  // All the 索引号 shapes of reference.md §3.2.
  const shapes = [/^\w{9}\/\d{4}-\d{5}$/, /^\w{8}-\w\/\d{4}-\d{5}$/, /^[a-z]+\/\d{4}-\d{5}$/, /^\w{18}\/\d{4}-\d{5}$/];
  for (const shape of shapes)
    assert.ok(
      items.some((item) => shape.test(item.indexNo)),
      String(shape),
    );
  assert.ok(items.some((item) => /^福建省商务厅关于印发《.+》的通知$/.test(item.title)));
  assert.ok(
    items.every((item) => /^[^\\]+\\[^\\]+$/.test(item.category)),
    '主题分类 is 大类\\小类',
  );
  assert.ok(items.some((item) => item.category === '综合政务\\政务公开'));
  assert.ok(items.some((item) => item.category === '商贸、海关、旅游\\国内贸易'));
  const validity = (value: string | undefined): number => items.filter((item) => item.validity === value).length;
  assert.ok(validity('有效') > items.length * 0.6);
  assert.ok(validity('失效') > 0 && validity('废止') > 0 && validity(undefined) > 0);
  assert.ok(items.filter((item) => item.keywords?.length).length > items.length / 2);
  assert.ok(items.filter((item) => item.summary).length > items.length / 2);
  for (const item of items) if (item.writtenAt) assert.ok(item.writtenAt <= item.publishedAt);
});

test('the 福建省商务厅 2020 fixtures are valid and findable by 文号', () => {
  const { items, problems } = validateDisclosureItems([...FUJIAN_COMMERCE_2020_DOCUMENTS]);
  assert.deepEqual(problems, []);
  assert.equal(items.length, FUJIAN_COMMERCE_2020_DOCUMENTS.length);
  const index = createDirectoryIndex([...FUJIAN_COMMERCE_2020_DOCUMENTS, ...generateDisclosureItems(500, 1)]);
  const found = queryDirectory(index, { q: '闽商务[2020]76号' });
  assert.equal(found.items[0]!.title, '福建省商务厅等13部门关于推动我省品牌连锁便利店加快发展的实施意见');
  assert.equal(queryDirectory(index, { q: '国办发〔2020〕17号' }).items[0]!.title, '国务院办公厅关于印发2020年政务公开工作要点的通知');
});
