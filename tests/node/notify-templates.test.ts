// Every mail, SMS and webhook body the kit sends, rendered from sample events in both languages:
// the facts the recipient needs are there, nothing personal beyond what they gave, and hostile text stays text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApplicationFacts, NotifyEvent, StatusChange } from '../../src/server/notify/events.js';
import { mobileNumber, planDeliveries } from '../../src/server/notify/plan.js';
import { notifyConfig } from '../../src/server/notify/config.js';
import { escapeHtml, mailKindOf, MAIL_KINDS, renderMail, renderSms, webhookBody, type MailKind } from '../../src/server/notify/templates.js';
import { backoffMs, digestOf } from '../../src/server/notify/worker.js';

const HOSTILE = '<script>alert("x")</script>&<img src=x onerror=alert(1)>';
const ctx = { portalUrl: 'https://www.example.gov.cn/ysqgk/status', mailFrom: '政务公开 <gk@example.gov.cn>' };

function facts(language: 'zh-CN' | 'en', overrides: Partial<ApplicationFacts> = {}): ApplicationFacts {
  return {
    trackingCode: 'YS-7K3M9QX2PA',
    agency: '福建省商务厅',
    status: 'submitted',
    receivedOn: '2025-09-26',
    dueDate: '2025-10-30',
    outcome: null,
    language,
    requested: `2020年政务公开工作要点 ${HOSTILE}`,
    ...overrides,
  };
}

const contact = { email: 'zhang@example.com', phone: '13912345678' };

function changed(language: 'zh-CN' | 'en', change: Partial<StatusChange> & Pick<StatusChange, 'to'>, overrides: Partial<ApplicationFacts> = {}): NotifyEvent {
  return {
    type: 'application.status-changed',
    caseId: 'YS-7K3M9QX2PA',
    application: facts(language, { status: change.to, ...overrides }),
    change: { from: 'submitted', at: '2025-09-29T02:00:00.000Z', note: null, ...change },
    contact,
  };
}

function samples(language: 'zh-CN' | 'en'): Record<MailKind, NotifyEvent> {
  return {
    'application-received': { type: 'application.created', caseId: 'YS-7K3M9QX2PA', application: facts(language), contact },
    'application-accepted': changed(language, { to: 'accepted' }),
    'application-supplement': changed(language, { to: 'supplement-requested', note: `身份证明复印件 ${HOSTILE}`, supplementDueDate: '2025-10-23' }, { dueDate: null }),
    'application-extended': changed(language, { from: 'accepted', to: 'extended', note: `需要调取档案 ${HOSTILE}` }, { dueDate: '2025-11-27' }),
    'application-answered': changed(language, { from: 'extended', to: 'answered' }, { outcome: '3.3.1' }),
    'feedback-replied': {
      type: 'feedback.replied',
      caseId: 'Q7K3M9QX2P',
      letter: {
        queryCode: 'Q7K3M9QX2P',
        category: 'complain',
        subject: `办事难 ${HOSTILE}`,
        receivedOn: '2025-09-26',
        language,
        reply: { text: `已转办 ${HOSTILE}`, department: '办公室', repliedOn: '2025-09-30' },
      },
      contact: { email: 'chen@example.com', phone: null },
    },
    'staff-digest': digestOf('2025-10-28', [
      { trackingCode: 'YS-AAAAAAAAAA', agency: '福建省商务厅', status: 'accepted', dueDate: '2025-10-30' },
      { trackingCode: 'YS-BBBBBBBBBB', agency: HOSTILE, status: 'extended', dueDate: '2025-10-20' },
      { trackingCode: 'YS-CCCCCCCCCC', agency: '福建省商务厅', status: 'submitted', dueDate: '2025-12-30' },
    ]),
  };
}

/** What each mail must say, by language: its news and the dates and words the recipient acts on. */
const EXPECTED: Record<MailKind, Record<'zh-CN' | 'en', RegExp[]>> = {
  'application-received': { 'zh-CN': [/已收到您的政府信息公开申请/, /查询码：YS-7K3M9QX2PA/, /答复期限：2025年10月30日/], en: [/has received your information request/, /Tracking code: YS-7K3M9QX2PA/, /Reply due by: 30 October 2025/] },
  'application-accepted': { 'zh-CN': [/已受理/, /答复期限：2025年10月30日/], en: [/accepted/, /Reply due by: 30 October 2025/] },
  'application-supplement': {
    'zh-CN': [/需要补正的内容：身份证明复印件/, /补正期限：2025年10月23日前（15个工作日内）/, /视为放弃申请/],
    en: [/What we need: 身份证明复印件/, /Send it by: 23 October 2025 \(within 15 working days\)/, /treated as abandoned/],
  },
  'application-extended': { 'zh-CN': [/新的答复期限：2025年11月27日/, /延期理由：需要调取档案/, /第三十三条/], en: [/New reply date: 27 November 2025/, /Reason: 需要调取档案/] },
  'application-answered': {
    'zh-CN': [/已答复/, /办理结果：不予公开/, /下载《政府信息公开申请答复书》/, /https:\/\/www\.example\.gov\.cn\/ysqgk\/status/],
    en: [/has been answered/, /Outcome: Not disclosed/, /answer letter and the released information can be downloaded/],
  },
  'feedback-replied': { 'zh-CN': [/来信已答复/, /类别：投诉/, /答复：已转办/, /答复部门：办公室/], en: [/has been answered/, /Category: Complaint/, /Reply: 已转办/, /Replied by: 办公室/] },
  'staff-digest': {
    'zh-CN': [/1件已逾期，1件3个工作日内到期/, /YS-AAAAAAAAAA 福建省商务厅 已受理 答复期限 2025年10月30日（剩余2个工作日）/, /已逾期6个工作日/, /退订/],
    en: [/1件已逾期/], // staff digests are in Chinese: the office works in it
  },
};

describe('mail templates', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    for (const kind of MAIL_KINDS) {
      test(`${kind} (${language}) renders both parts with its facts, and hostile text as text`, () => {
        const event = samples(language)[kind];
        assert.equal(mailKindOf(event), kind);
        const mail = renderMail(kind, event, ctx);
        assert.ok(mail.subject.length > 0 && !mail.subject.includes('\n'));
        for (const pattern of EXPECTED[kind][language]) assert.match(`${mail.subject}\n${mail.text}`, pattern);
        assert.ok(mail.text.includes(HOSTILE), 'the plain text keeps the words as written');
        assert.ok(!/<script|<img/i.test(mail.html), `${kind} HTML holds markup from the data`);
        assert.ok(mail.html.includes(escapeHtml('<script>alert("x")</script>')), 'hostile strings appear escaped');
        assert.match(mail.html, new RegExp(`<html lang="${kind === 'staff-digest' ? 'zh-CN' : language}">`));
        for (const personal of ['张三', '11010519491231002X', '13912345678', 'zhang@example.com', 'chen@example.com']) {
          assert.ok(!mail.text.includes(personal) && !mail.html.includes(personal), `${kind} holds ${personal}`);
        }
        if (kind === 'staff-digest') {
          assert.match(mail.headers['List-Unsubscribe'] ?? '', /^<mailto:gk@example\.gov\.cn\?subject=unsubscribe>$/);
          assert.ok(!mail.text.includes('YS-CCCCCCCCCC'), 'a case due in two months is not listed');
        }
        if (language === 'en' && kind !== 'staff-digest') assert.doesNotMatch(mail.subject, /您|申请/);
      });
    }
  }

  test('a link is a link only when it is a web address', () => {
    const mail = renderMail('application-received', samples('zh-CN')['application-received'], { ...ctx, portalUrl: 'javascript:alert(1)' });
    assert.ok(!mail.html.includes('href="javascript'));
  });

  test('SMS: one short text per citizen mail, in the request language, with the code', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      for (const kind of MAIL_KINDS.filter((k) => k !== 'staff-digest')) {
        const text = renderSms(kind, samples(language)[kind]);
        assert.ok(text.length <= 140, `${kind}: ${text.length} characters`);
        assert.match(text, /YS-7K3M9QX2PA|Q7K3M9QX2P/);
        if (language === 'en') assert.doesNotMatch(text, /您/);
      }
    }
    assert.match(renderSms('application-supplement', samples('zh-CN')['application-supplement']), /2025年10月23日前提交/);
  });

  test('webhook bodies carry the facts, never the contact', () => {
    for (const event of Object.values(samples('zh-CN'))) {
      const body = JSON.stringify(webhookBody(event, { deliveryId: 'd-1', eventId: 'e-1', occurredAt: '2025-09-29T02:00:00.000Z' }));
      assert.match(body, /"id":"d-1","eventId":"e-1"/);
      assert.ok(!body.includes('13912345678') && !body.includes('@example.com'));
    }
  });
});

describe('delivery plan and retry policy', () => {
  test('each event is planned once per channel and recipient; mail waits without SMTP; closing tells only webhooks', () => {
    const config = notifyConfig({ webhooks: ['https://oa.example.gov.cn/hook'], webhookSecret: 's', smsWebhook: 'https://sms.example.com/send' });
    const plan = planDeliveries(samples('zh-CN')['application-accepted'], config);
    assert.deepEqual(plan, [
      { channel: 'email', recipient: 'zhang@example.com', kind: 'application-accepted', state: 'waiting-for-configuration' },
      { channel: 'sms', recipient: '13912345678', kind: 'application-accepted', state: 'pending' },
      { channel: 'webhook', recipient: 'https://oa.example.gov.cn/hook', kind: 'application.status-changed', state: 'pending' },
    ]);
    assert.deepEqual(planDeliveries(changed('zh-CN', { from: 'answered', to: 'closed' }), config).map((d) => d.channel), ['webhook']);
    const digest = planDeliveries(samples('zh-CN')['staff-digest'], notifyConfig({ smtpUrl: 'smtp://127.0.0.1:25', staffEmails: ['A@x.cn', 'a@x.cn', 'b@x.cn'] }));
    assert.deepEqual(digest.map((d) => `${d.recipient} ${d.state}`), ['a@x.cn pending', 'b@x.cn pending']);
    assert.equal(mobileNumber('0591-87270308'), null, 'no SMS to a landline');
    assert.equal(mobileNumber('+86 139-1234-5678'), '13912345678');
  });

  test('settings mistakes are refused at start', () => {
    assert.throws(() => notifyConfig({ webhooks: ['https://oa.example.gov.cn/hook'] }), /ZWGK_WEBHOOK_SECRET/);
    assert.throws(() => notifyConfig({ webhooks: ['ftp://x'], webhookSecret: 's' }), /not an http\(s\) URL/);
    assert.throws(() => notifyConfig({ smtpUrl: 'mail.example.com' }), /smtp:\/\//);
  });

  test('backoff doubles per attempt up to the cap, with jitter between half and all of it', () => {
    const policy = { baseMs: 1000, capMs: 10_000, maxAttempts: 8 };
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 1)), [1000, 2000, 4000, 8000, 10_000]);
    assert.deepEqual([1, 2, 3].map((n) => backoffMs(n, policy, () => 0)), [500, 1000, 2000]);
  });
});
