import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_MAX_AGE_MS, clearDraft, draftKey, loadDraft, saveDraft, type KeyValueStore } from '../../src/core/draft/index.js';
import {
  checkAttachment,
  emptyApplicationValues,
  fieldOfPointer,
  fieldsOfStep,
  fileSizeText,
  hasAnyValue,
  parseApplicationDraft,
  parseReceipt,
  parseStatusView,
  replyPeriodBreakdown,
  toApplicationBody,
  validateApplicationForm,
  type ApplicationFormValues,
} from '../../src/core/application/index.js';
import { creditCodeCheckChar } from '../../src/core/validate/index.js';
import { isWorkingDay, replyDueDate } from '../../src/core/calendar/index.js';

/** A Map-backed stand-in for localStorage. */
function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const parseAny = (data: unknown) => data as { text: string };
const NOW = new Date('2026-11-25T02:00:00Z');

test('a draft saved is read back until it is seven days old, then deleted', () => {
  const store = memoryStore();
  const key = draftKey('application', '/api', '福建省商务厅');
  assert.equal(saveDraft(store, key, { text: '张三' }, NOW), true);
  const found = loadDraft(store, key, parseAny, new Date(NOW.getTime() + DRAFT_MAX_AGE_MS));
  assert.deepEqual(found, { status: 'found', data: { text: '张三' }, savedAt: NOW.toISOString() });
  assert.deepEqual(loadDraft(store, key, parseAny, new Date(NOW.getTime() + DRAFT_MAX_AGE_MS + 1000)), { status: 'expired' });
  assert.equal(store.map.size, 0, 'the expired draft is removed');
  assert.deepEqual(loadDraft(store, key, parseAny, NOW), { status: 'none' });
});

test('drafts of two agencies or two backends do not meet', () => {
  const store = memoryStore();
  saveDraft(store, draftKey('application', '/api', '福建省商务厅'), { text: 'a' }, NOW);
  assert.deepEqual(loadDraft(store, draftKey('application', '/api', '平潭综合实验区管委会'), parseAny, NOW), { status: 'none' });
  assert.deepEqual(loadDraft(store, draftKey('application', 'https://other.example/api', '福建省商务厅'), parseAny, NOW), {
    status: 'none',
  });
});

test('an unreadable draft (broken JSON, another version, rejected by the parser) is removed, never thrown', () => {
  const store = memoryStore();
  const key = draftKey('application', '/api', 'x');
  store.setItem(key, '{"v":1,');
  assert.deepEqual(loadDraft(store, key, parseAny, NOW), { status: 'unreadable' });
  assert.equal(store.map.has(key), false);
  store.setItem(key, JSON.stringify({ v: 99, savedAt: NOW.toISOString(), data: {} }));
  assert.deepEqual(loadDraft(store, key, parseAny, NOW), { status: 'unreadable' });
  saveDraft(store, key, 'not a draft', NOW);
  assert.deepEqual(loadDraft(store, key, parseApplicationDraft, NOW), { status: 'unreadable' });
});

test('a store that refuses (full, private mode) means no draft, not an error', () => {
  const refusing: KeyValueStore = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => {
      throw new Error('SecurityError');
    },
  };
  assert.equal(saveDraft(refusing, 'k', { text: 'x' }, NOW), false);
  assert.deepEqual(loadDraft(refusing, 'k', parseAny, NOW), { status: 'none' });
  assert.doesNotThrow(() => clearDraft(refusing, 'k'));
});

function person(overrides: Partial<ApplicationFormValues> = {}): ApplicationFormValues {
  return {
    ...emptyApplicationValues(),
    applicantType: 'person',
    name: '张三',
    idNumber: '11010519491231002x',
    phone: '139 1234 5678',
    description: '2024年福州市商务发展专项资金分配结果',
    formats: ['electronic'],
    methods: ['email'],
    deliveryEmail: 'zhang@example.com',
    declaration: true,
    ...overrides,
  };
}

const errorsOf = (values: ApplicationFormValues) =>
  Object.fromEntries(
    [...validateApplicationForm(values, { agency: '福建省商务厅', attachments: [], today: '2026-11-25' }).errors].map(([f, i]) => [
      f,
      i.code,
    ]),
  );

test('a complete form gives the normalised body the server expects', () => {
  const result = validateApplicationForm(person({ workUnit: '  ', email: '' }), {
    agency: '福建省商务厅',
    attachments: ['a1'],
    today: '2026-11-25',
  });
  assert.deepEqual([...result.errors], []);
  assert.deepEqual(result.value, {
    agency: '福建省商务厅',
    applicant: { type: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13912345678' },
    request: { description: '2024年福州市商务发展专项资金分配结果' },
    delivery: { formats: ['electronic'], methods: ['email'], email: 'zhang@example.com' },
    attachments: ['a1'],
  });
});

test('the fields of the applicant type not chosen are not sent', () => {
  const body = toApplicationBody(person({ orgName: '某公司', creditCode: '91350100M000100Y43', applicantType: 'person' }), 'x', []);
  assert.deepEqual(Object.keys(body.applicant as object).sort(), ['idNumber', 'idType', 'name', 'phone', 'type']);
  const org = toApplicationBody(person({ applicantType: 'organization', orgType: 'legal-services', orgName: '某律师事务所' }), 'x', []);
  assert.equal((org.applicant as { name: string }).name, '某律师事务所');
  assert.equal((org.applicant as { idNumber?: string }).idNumber, undefined);
});

test('each rule lands on its field: ID check digit, phone, postcode, e-mail, length, one of title/文号/description', () => {
  assert.deepEqual(
    errorsOf(
      person({
        idNumber: '110105194912310021',
        phone: '12345',
        postcode: '35000',
        email: 'zhang@',
        description: '',
        title: 'x'.repeat(201),
      }),
    ),
    { idNumber: 'idNumber.checkDigit', phone: 'phone.format', postcode: 'postcode.format', email: 'email.format', title: 'text.tooLong' },
  );
  assert.deepEqual(errorsOf(person({ description: '' })), { description: 'request.missing' });
  assert.deepEqual(errorsOf(person({ description: '', docNo: '国办函〔2020〕109号' })), {});
  assert.deepEqual(errorsOf(person({ applicantType: '' })), { applicantType: 'choice.invalid' });
  assert.deepEqual(errorsOf(person({ declaration: false })), { declaration: 'declaration.required' });
});

test('delivery by e-mail needs the e-mail field, by post the address and 邮编, even when given on the applicant step', () => {
  assert.deepEqual(errorsOf(person({ deliveryEmail: '', email: 'zhang@example.com' })), { deliveryEmail: 'delivery.emailRequired' });
  assert.deepEqual(errorsOf(person({ methods: ['post'], address: '福州市铜盘路118号' })), {
    deliveryAddress: 'delivery.addressRequired',
    deliveryPostcode: 'delivery.postcodeRequired',
  });
  assert.deepEqual(errorsOf(person({ methods: ['post'], deliveryAddress: '福州市铜盘路118号', deliveryPostcode: '3500O3' })), {
    deliveryPostcode: 'postcode.format',
  });
  // A method not chosen: its hidden fields are neither sent nor checked.
  assert.deepEqual(errorsOf(person({ methods: ['pickup'], deliveryEmail: 'not an address' })), {});
  assert.deepEqual(errorsOf(person({ formats: [], methods: [] })), { formats: 'choice.required', methods: 'choice.required' });
});

test('organisations: credit code checked, a doubtful embedded 组织机构代码 only warns', () => {
  const first17 = '91350100M000100Y5';
  const doubtful = first17 + creditCodeCheckChar(first17);
  const org = person({
    applicantType: 'organization',
    orgType: 'commercial',
    orgName: '某公司',
    creditCode: doubtful,
    legalRepresentative: '李四',
    contactName: '王五',
  });
  const result = validateApplicationForm(org, { agency: 'x', attachments: [], today: '2026-11-25' });
  assert.deepEqual([...result.errors.keys()], []);
  assert.deepEqual(Object.fromEntries(result.warnings), { creditCode: { code: 'creditCode.orgCodeCheck' } });
  assert.deepEqual(errorsOf({ ...org, creditCode: '91350100M000100Y44', orgType: '' }), {
    orgType: 'choice.invalid',
    creditCode: 'creditCode.checkChar',
  });
});

test('server pointers map to the fields the citizen sees', () => {
  assert.equal(fieldOfPointer('/applicant/name', 'person'), 'name');
  assert.equal(fieldOfPointer('/applicant/name', 'organization'), 'orgName');
  assert.equal(fieldOfPointer('/delivery/email', 'person'), 'deliveryEmail');
  assert.equal(fieldOfPointer('/delivery/formats/1', 'person'), 'formats');
  assert.equal(fieldOfPointer('/attachments/0', 'person'), 'attachments');
  assert.equal(fieldOfPointer('/agency', 'person'), 'agency');
  assert.equal(fieldOfPointer('/request', 'person'), 'description');
  assert.equal(fieldOfPointer('', 'person'), undefined);
  assert.equal(fieldOfPointer('/somethingElse', 'person'), undefined);
});

test('each step lists the fields it shows, the delivery address fields only with their method', () => {
  assert.deepEqual(fieldsOfStep('applicant', emptyApplicationValues()), ['applicantType']);
  assert.ok(fieldsOfStep('applicant', person()).includes('idNumber'));
  assert.ok(fieldsOfStep('applicant', person({ applicantType: 'organization' })).includes('creditCode'));
  assert.deepEqual(fieldsOfStep('delivery', person({ methods: ['post', 'email'] })), [
    'formats',
    'methods',
    'deliveryEmail',
    'deliveryAddress',
    'deliveryPostcode',
  ]);
});

test('a stored draft is checked field by field', () => {
  const draft = parseApplicationDraft({
    values: {
      name: '张三',
      applicantType: 'robot',
      idType: 'laser',
      formats: ['paper', 'gold', 'paper'],
      methods: 'post',
      declaration: 'yes',
      extra: 1,
      phone: 5,
    },
    step: 'delivery',
    attachmentNames: ['身份证.pdf', 3],
    submission: { key: 'k-1', body: '{}' },
  });
  assert.ok(draft);
  assert.equal(draft.values.name, '张三');
  assert.equal(draft.values.applicantType, '');
  assert.equal(draft.values.idType, 'resident-id');
  assert.deepEqual(draft.values.formats, ['paper']);
  assert.deepEqual(draft.values.methods, []);
  assert.equal(draft.values.declaration, false);
  assert.equal(draft.values.phone, '');
  assert.equal('extra' in draft.values, false);
  assert.equal(draft.step, 'delivery');
  assert.deepEqual(draft.attachmentNames, ['身份证.pdf']);
  assert.deepEqual(draft.submission, { key: 'k-1', body: '{}' });
  assert.equal(parseApplicationDraft({ values: {}, step: 'nowhere' })?.step, 'applicant');
  assert.equal(parseApplicationDraft([]), undefined);
});

test('an untouched form has nothing worth keeping', () => {
  assert.equal(hasAnyValue(emptyApplicationValues()), false);
  assert.equal(hasAnyValue({ ...emptyApplicationValues(), methods: ['post'] }), true);
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF = new TextEncoder().encode('%PDF-1.7');

test('files are checked before upload: PDF, JPEG, PNG by content, not empty, at most 10 MB', () => {
  assert.deepEqual(checkAttachment({ name: '身份证.png', size: 2048 }, PNG), { ok: true, type: 'image/png' });
  assert.deepEqual(checkAttachment({ name: 'scan.PDF', size: 2048 }, PDF), { ok: true, type: 'application/pdf' });
  assert.deepEqual(checkAttachment({ name: 'photo.jpg', size: 10 }, new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), {
    ok: true,
    type: 'image/jpeg',
  });
  assert.deepEqual(checkAttachment({ name: 'page.pdf', size: 100 }, new TextEncoder().encode('<html>')), { ok: false, reason: 'type' });
  assert.deepEqual(checkAttachment({ name: 'empty.pdf', size: 0 }, new Uint8Array()), { ok: false, reason: 'empty' });
  assert.deepEqual(checkAttachment({ name: 'big.pdf', size: 10 * 1024 * 1024 + 1 }, PDF), { ok: false, reason: 'too-large' });
  assert.deepEqual(checkAttachment({ name: 'edge.pdf', size: 10 * 1024 * 1024 }, PDF), { ok: true, type: 'application/pdf' });
  assert.equal(fileSizeText(300), '1 KB');
  assert.equal(fileSizeText(3.45 * 1024 * 1024), '3.5 MB');
  assert.equal(fileSizeText(10 * 1024 * 1024), '10 MB');
});

test('the reply period across 国庆 2025: 34 days, 14 of them off, two 调休 Saturdays/Sundays worked', () => {
  // Received Friday 26 September 2025; the 20th working day is Thursday 30 October.
  assert.deepEqual(replyPeriodBreakdown('2025-09-26', '2025-10-30'), {
    firstDay: '2025-09-27',
    calendarDays: 34,
    workingDays: 20,
    daysOff: 14,
    makeUpWorkdays: 2,
  });
  assert.deepEqual(replyPeriodBreakdown('2026-03-02', '2026-03-30'), {
    firstDay: '2026-03-03',
    calendarDays: 28,
    workingDays: 20,
    daysOff: 8,
    makeUpWorkdays: 0,
  });
  assert.equal(replyPeriodBreakdown('2031-01-02', '2031-02-03'), undefined, 'no calendar for 2031: no explanation rather than a wrong one');
  assert.equal(replyPeriodBreakdown('2025-10-30', '2025-09-26'), undefined);
  assert.equal(replyPeriodBreakdown('soon', '2025-09-26'), undefined);
});

test('the reply period explained from the 调休 days alone agrees with the whole calendar for every receipt day it knows', () => {
  let checked = 0;
  for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
    const receivedOn = new Date(t).toISOString().slice(0, 10);
    let dueDate: string;
    try {
      dueDate = replyDueDate(receivedOn);
    } catch {
      continue; // past 2026: the server gives a provisional date, and the receipt explains it in general words
    }
    const days: string[] = [];
    for (let d = t + 86_400_000; d <= Date.parse(`${dueDate}T00:00:00Z`); d += 86_400_000)
      days.push(new Date(d).toISOString().slice(0, 10));
    const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    const working = days.filter(isWorkingDay);
    assert.deepEqual(
      replyPeriodBreakdown(receivedOn, dueDate),
      {
        firstDay: days[0],
        calendarDays: days.length,
        workingDays: working.length,
        daysOff: days.length - working.length,
        makeUpWorkdays: working.filter(weekend).length,
      },
      receivedOn,
    );
    checked++;
  }
  assert.ok(checked > 2800, `${checked} receipt days checked`);
});

test('the receipt and the status view are checked before they are shown', () => {
  assert.deepEqual(
    parseReceipt({
      trackingCode: 'YS-ABCDEFGHJK',
      status: 'submitted',
      receivedAt: '2026-11-25T02:00:00.000Z',
      dueDate: '2026-12-23',
      agency: 'x',
    }),
    {
      value: {
        trackingCode: 'YS-ABCDEFGHJK',
        status: 'submitted',
        receivedAt: '2026-11-25T02:00:00.000Z',
        dueDate: '2026-12-23',
        agency: 'x',
      },
    },
  );
  assert.ok('problems' in parseReceipt({ trackingCode: '', receivedAt: 'yesterday', dueDate: '23/12/2026' }));
  assert.ok('problems' in parseReceipt(null));

  const view = parseStatusView({
    trackingCode: 'YS-ABCDEFGHJK',
    status: 'answered',
    timeline: [
      { status: 'answered', at: '2026-12-01T02:00:00Z' },
      { status: 'submitted', at: '2026-11-25T02:00:00Z', note: '' },
    ],
    dueDate: null,
    workingDaysLeft: null,
    outcome: '3.3.1',
  });
  assert.ok('value' in view);
  assert.deepEqual(
    view.value.timeline.map((e) => e.status),
    ['submitted', 'answered'],
    'oldest first',
  );
  assert.equal(view.value.outcome, '3.3.1');
  const broken = parseStatusView({
    trackingCode: 'x',
    status: 'lost',
    timeline: [{ status: 'submitted' }],
    workingDaysLeft: 1.5,
    outcome: '9.9',
  });
  assert.ok('problems' in broken);
  assert.equal(broken.problems.length, 4);
});
