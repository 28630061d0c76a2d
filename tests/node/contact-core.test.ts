import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  contactToVCard,
  hoursLines,
  normaliseEmail,
  parseContactInfo,
  parsePhoneList,
  sameNumber,
  telHref,
} from '../../src/core/contact/index.js';
import { safeHref } from '../../src/core/url.js';

test('telHref dials landlines, mobiles and extensions from anywhere', () => {
  assert.equal(telHref('0591-87270308'), 'tel:+86-591-87270308');
  assert.equal(telHref('010-12345678'), 'tel:+86-10-12345678');
  assert.equal(telHref('(0591)87270308'), 'tel:+86-591-87270308');
  assert.equal(telHref('0591 8727 0308'), 'tel:+86-591-87270308');
  assert.equal(telHref('０５９１－８７２７０３０８'), 'tel:+86-591-87270308');
  assert.equal(telHref('13800138000'), 'tel:+86-13800138000');
  assert.equal(telHref('0591-87270308-123'), 'tel:+86-591-87270308;ext=123');
  assert.equal(telHref('0591-87270308转123'), 'tel:+86-591-87270308;ext=123');
  assert.equal(telHref('12345'), 'tel:12345');
  assert.equal(telHref('+86 591 87270308'), 'tel:+8659187270308');
});

test('parsePhoneList splits a published line into numbers with notes', () => {
  assert.deepEqual(parsePhoneList('0591-24339101（可传真）、0591-23165385'), [
    { display: '0591-24339101', href: 'tel:+86-591-24339101', note: '可传真' },
    { display: '0591-23165385', href: 'tel:+86-591-23165385' },
  ]);
  assert.deepEqual(
    parsePhoneList('(0591)87270308; 13800138000').map((p) => p.href),
    ['tel:+86-591-87270308', 'tel:+86-13800138000'],
  );
  assert.deepEqual(parsePhoneList(undefined), []);
  assert.deepEqual(parsePhoneList(' 、 '), []);
  assert.ok(sameNumber('0591-87270308', '(0591) 8727 0308'));
  assert.ok(!sameNumber('0591-87270308', '0591-87856133'));
});

test('vCard escapes text, folds long lines at 75 octets and ends lines with CRLF', () => {
  const card = contactToVCard({
    agency: '福建省商务厅',
    department: '办公室; 信息公开科',
    phone: '0591-87270308、0591-23165385',
    fax: '0591-87856133',
    email: 'swt＠fujian.gov.cn',
    address: '福州市铜盘路118号, 一号楼',
    postcode: '350003',
    hours: '夏令时：上午8:00至12:00，下午3:00至6:00；冬令时：上午8:00至12:00，下午2:30至5:30',
    contact: '林伟',
  });
  assert.ok(card.endsWith('END:VCARD\r\n'));
  assert.ok(!/[^\r]\n/.test(card), 'every newline is CRLF');
  for (const line of card.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, `line too long: ${line}`);
  const unfolded = card.replace(/\r\n /g, '').split('\r\n');
  assert.ok(unfolded.includes('ORG:福建省商务厅;办公室\\; 信息公开科'));
  assert.ok(unfolded.includes('TEL;TYPE=WORK,VOICE:0591-23165385'));
  assert.ok(unfolded.includes('EMAIL;TYPE=INTERNET,WORK:swt@fujian.gov.cn'));
  assert.ok(unfolded.includes('ADR;TYPE=WORK:;;福州市铜盘路118号\\, 一号楼;;;350003;中国'));
  const note = unfolded.find((l) => l.startsWith('NOTE:'))!;
  assert.ok(note.includes('联系人：林伟\\n办公时间：夏令时'), note);
});

test('e-mail, hours and contact payloads are read forgivingly but never wrongly', () => {
  assert.equal(normaliseEmail('pzxxgkb＠163.com'), 'pzxxgkb@163.com');
  assert.equal(normaliseEmail('a [at] b.cn'), 'a@b.cn');
  assert.deepEqual(hoursLines('上午8:00至12:00\n下午3:00至6:00；冬令时2:30至5:30'), [
    '上午8:00至12:00',
    '下午3:00至6:00',
    '冬令时2:30至5:30',
  ]);
  assert.deepEqual(parseContactInfo({ agency: '福建省商务厅', postcode: 350003, extra: true }), {
    value: { agency: '福建省商务厅', postcode: '350003' },
  });
  assert.ok('problems' in parseContactInfo(null));
  assert.ok('problems' in parseContactInfo([{ agency: 'x' }]));
  const wrong = parseContactInfo({ agency: { name: 'x' } });
  assert.deepEqual(wrong, { problems: ['agency is not text'] });
});

test('safeHref keeps web, mail and phone links and drops script URLs', () => {
  assert.equal(safeHref('https://swt.fujian.gov.cn/'), 'https://swt.fujian.gov.cn/');
  assert.equal(safeHref('/zwgk/index.html'), '/zwgk/index.html');
  assert.equal(safeHref('javascript:alert(1)'), undefined);
  assert.equal(safeHref(' JavaScript:alert(1)'), undefined);
  assert.equal(safeHref('java\tscript:alert(1)'), undefined);
  assert.equal(safeHref('data:text/html,<script>alert(1)</script>'), undefined);
  assert.equal(safeHref('mailto:a@b.cn', ['http:', 'https:']), undefined);
  assert.equal(safeHref(''), undefined);
});
