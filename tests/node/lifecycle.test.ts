import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_STATUSES, OUTCOME_IDS, type ApplicationStatus } from '../../src/api/types/application.js';
import {
  canTransition,
  nextStatuses,
  OPEN_STATUSES,
  OUTCOMES,
  OUTCOME_GROUP_LABELS,
  outcomeShortLabel,
  STATUS_LABELS,
} from '../../src/core/lifecycle/index.js';

test('the main path and the 补正 path are allowed', () => {
  const path = (...steps: ApplicationStatus[]) => steps.slice(1).every((to, i) => canTransition(steps[i]!, to));
  assert.ok(path('submitted', 'accepted', 'extended', 'answered', 'closed'));
  assert.ok(path('submitted', 'accepted', 'answered', 'closed'));
  assert.ok(path('submitted', 'supplement-requested', 'accepted', 'extended', 'answered', 'closed'));
  // the applicant lets the 补正 period lapse: answered with row 3.6.1
  assert.ok(path('submitted', 'supplement-requested', 'answered', 'closed'));
});

test('withdrawn from every open state, and from no other', () => {
  for (const status of APPLICATION_STATUSES) {
    assert.equal(canTransition(status, 'withdrawn'), OPEN_STATUSES.includes(status), status);
  }
  assert.deepEqual([...OPEN_STATUSES].sort(), ['accepted', 'extended', 'submitted', 'supplement-requested']);
});

test('illegal moves are refused', () => {
  const illegal: [ApplicationStatus, ApplicationStatus][] = [
    ['submitted', 'extended'],
    ['submitted', 'answered'],
    ['submitted', 'closed'],
    ['accepted', 'supplement-requested'],
    ['extended', 'extended'],
    ['extended', 'accepted'],
    ['answered', 'accepted'],
    ['answered', 'withdrawn'],
    ['closed', 'answered'],
    ['withdrawn', 'submitted'],
    ['accepted', 'submitted'],
  ];
  for (const [from, to] of illegal) assert.equal(canTransition(from, to), false, `${from} → ${to}`);
  assert.deepEqual(nextStatuses('closed'), []);
  assert.deepEqual(nextStatuses('withdrawn'), []);
});

test('no status can be reached twice: extension and 补正 happen at most once', () => {
  // Walk every path from submitted; a repeated status on a path would be a cycle.
  const walk = (path: ApplicationStatus[]): void => {
    for (const next of nextStatuses(path.at(-1)!)) {
      assert.ok(!path.includes(next), `cycle: ${[...path, next].join(' → ')}`);
      walk([...path, next]);
    }
  };
  walk(['submitted']);
  const into = (target: ApplicationStatus) => APPLICATION_STATUSES.filter((s) => canTransition(s, target));
  assert.deepEqual(into('extended'), ['accepted']);
  assert.deepEqual(into('supplement-requested'), ['submitted']);
});

test('status labels are the zh-CN words of the design', () => {
  assert.deepEqual(
    APPLICATION_STATUSES.map((s) => STATUS_LABELS[s]['zh-CN']),
    ['已提交', '已受理', '需补正', '延期答复', '已答复', '办结', '已撤回'],
  );
  for (const s of APPLICATION_STATUSES) assert.ok(STATUS_LABELS[s].en.length > 0);
});

test('outcome ids carry the 2021 row labels and the six short labels', () => {
  assert.equal(OUTCOME_IDS.length, 21);
  assert.equal(OUTCOMES['3.2'].row['zh-CN'], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  assert.equal(OUTCOMES['3.3.3'].row['zh-CN'], '3.危及“三安全一稳定”');
  assert.equal(OUTCOMES['3.6.1'].row['zh-CN'], '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
  const shortLabels = (prefix: string) => [
    ...new Set(OUTCOME_IDS.filter((id) => id.startsWith(prefix)).map((id) => outcomeShortLabel(id, 'zh-CN'))),
  ];
  assert.deepEqual(shortLabels('3.1'), ['予以公开']);
  assert.deepEqual(shortLabels('3.2'), ['部分公开']);
  assert.deepEqual(shortLabels('3.3.'), ['不予公开']);
  assert.deepEqual(shortLabels('3.4.'), ['无法提供']);
  assert.deepEqual(shortLabels('3.5.'), ['不予处理']);
  assert.deepEqual(shortLabels('3.6.'), ['其他处理']);
  assert.equal(OUTCOME_IDS.filter((id) => id.startsWith('3.3.')).length, 8);
  assert.equal(outcomeShortLabel('3.4.3', 'en'), 'Cannot be provided');
  assert.equal(OUTCOME_GROUP_LABELS['not-disclosed'].row['zh-CN'], '（三）不予公开');
  assert.equal(OUTCOME_GROUP_LABELS.other.row['zh-CN'], '（六）其他处理');
});
