// Notifications end to end, in-process: the reference app, its outbox worker, a real SMTP server (smtp-server) and
// real HTTP receivers on loopback. Every event sends exactly its mails, webhooks and SMS; failures are retried;
// dead letters are visible and retried by an admin; without SMTP mails wait; two instances on one PostgreSQL
// deliver each event once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import type { Challenge } from 'altcha-lib';
import type { Hono } from 'hono';
import pg from 'pg';
import type { ApplicationReceipt } from '../../src/api/types/application.js';
import type { FeedbackReceipt } from '../../src/api/types/feedback.js';
import { createApp } from '../../src/server/app.js';
import { notifyConfig, type NotifyConfig } from '../../src/server/notify/config.js';
import { startMailSink, type MailSink } from '../../src/server/notify/mail-sink.js';
import type { DeliveryView } from '../../src/server/notify/store.js';
import { startNotifier, type Notifier } from '../../src/server/notify/worker.js';
import { openStorage, type StorageConfig } from '../../src/server/storage/index.js';
import type { Storage } from '../../src/server/storage/types.js';
import { sampleApplication, sampleLetter, solveProof } from '../../src/server/testing.js';
import { readmeSignatureCheck, startReceiver, type Receiver } from './notify-fixtures.js';

const ADMIN = 'notify-admin-token';
const SECRET = 'webhook-secret-for-tests';
const ID_NUMBER = '11010519491231002X';
const FAST = { pollMs: 20, retry: { baseMs: 40, capMs: 400, maxAttempts: 5 } };

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Rig {
  storage: Storage;
  app: Hono;
  notifier: Notifier;
  clock: { now: Date };
  logs: string[];
}

async function rig(config: Partial<NotifyConfig>, options: { storage?: Storage; maxAttempts?: number; timeoutMs?: number } = {}): Promise<Rig> {
  const storage = options.storage ?? (await openStorage({ memory: true }));
  const clock = { now: new Date('2025-09-26T02:00:00Z') };
  const now = () => clock.now;
  const app = createApp({ storage, adminToken: ADMIN, corsOrigins: [], rateLimit: false, now, altcha: { complexity: 'test' } });
  const logs: string[] = [];
  const notifier = startNotifier({
    store: storage.notifications,
    config: notifyConfig({ webhookSecret: SECRET, webhookTimeoutMs: options.timeoutMs ?? 2000, ...config }),
    ...FAST,
    retry: { ...FAST.retry, maxAttempts: options.maxAttempts ?? FAST.retry.maxAttempts },
    now,
    log: (line) => logs.push(line),
  });
  cleanups.push(async () => {
    await notifier.stop();
    if (!options.storage) await storage.close();
  });
  return { storage, app, notifier, clock, logs };
}

let keys = 0;
async function submit(app: Hono, body = sampleApplication(), language = 'zh-CN'): Promise<ApplicationReceipt> {
  const response = await app.request('/api/applications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `notify-${++keys}-${randomBytes(4).toString('hex')}`, 'Accept-Language': language },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json() as Promise<ApplicationReceipt>;
}

async function admin(app: Hono, method: string, path: string, body?: unknown): Promise<Response> {
  return app.request(`/api/admin${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function step(app: Hono, code: string, body: Record<string, unknown>): Promise<void> {
  const response = await admin(app, 'PATCH', `/applications/${code}`, body);
  assert.equal(response.status, 200, await response.clone().text());
}

async function deliveries(app: Hono, query: string): Promise<DeliveryView[]> {
  const response = await admin(app, 'GET', `/deliveries?${query}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { items: DeliveryView[] }).items;
}

/** Polls until `check` holds (deliveries are asynchronous by design). */
async function until<T>(what: string, probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const settled = (items: DeliveryView[]) => items.length > 0 && items.every((d) => d.state === 'delivered' || d.state === 'dead');

async function sinkAndReceivers(): Promise<{ sink: MailSink; hooks: Receiver; sms: Receiver }> {
  const [sink, hooks, sms] = await Promise.all([startMailSink(), startReceiver(), startReceiver()]);
  cleanups.push(() => sink.close(), () => hooks.close(), () => sms.close());
  return { sink, hooks, sms };
}

const withEmail = (email: string) => sampleApplication({ applicant: { ...sampleApplication().applicant, email } as ReturnType<typeof sampleApplication>['applicant'] });

describe('notifications', () => {
  test('a case from receipt to 办结 sends exactly its mails, signed webhooks and SMS', { timeout: 60_000 }, async () => {
    const { sink, hooks, sms } = await sinkAndReceivers();
    const { app, storage } = await rig({ smtpUrl: sink.url, mailFrom: '福建省商务厅 <gk@example.gov.cn>', webhooks: [`${hooks.url}/oa`], smsWebhook: `${sms.url}/sms` });
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';

    const { trackingCode } = await submit(app, withEmail('Zhang.San@example.com'));
    await step(app, trackingCode, { status: 'supplement-requested', note: '请补充身份证明复印件' });
    await step(app, trackingCode, { status: 'accepted', supplementReceivedOn: '2025-09-26' });
    await step(app, trackingCode, { status: 'extended', note: `需要调取档案 ${hostile}` });
    await step(app, trackingCode, { status: 'answered', outcome: '3.1' });
    await step(app, trackingCode, { status: 'closed' });

    const items = await until('the case delivered', () => deliveries(app, `case=${trackingCode}`), (d) => d.length === 16 && settled(d));
    assert.ok(items.every((d) => d.state === 'delivered' && d.attempts === 1), JSON.stringify(items));
    assert.deepEqual(items.filter((d) => d.channel === 'email').map((d) => d.kind).sort(), [
      'application-accepted',
      'application-answered',
      'application-extended',
      'application-received',
      'application-supplement',
    ]);

    // Mail: five, to the address the applicant gave, with both parts, in Chinese.
    const mails = sink.messages;
    assert.equal(mails.length, 5);
    assert.ok(mails.every((m) => m.to.length === 1 && m.to[0] === 'zhang.san@example.com'));
    const bySubject = (word: string) => mails.find((m) => m.subject.includes(word));
    const received = bySubject('已收到')!;
    assert.match(received.text, new RegExp(`查询码：${trackingCode}`));
    assert.match(received.text, /答复期限：2025年10月30日/);
    assert.match(bySubject('需要补正')!.text, /需要补正的内容：请补充身份证明复印件/);
    assert.match(bySubject('需要补正')!.text, /补正期限：2025年10月23日前（15个工作日内）/);
    assert.match(bySubject('已受理')!.text, /已收到您补正的材料/);
    const extended = bySubject('延长')!;
    assert.match(extended.text, /新的答复期限：2025年11月27日/);
    assert.ok(extended.text.includes(`延期理由：需要调取档案 ${hostile}`), 'the plain text keeps what staff wrote');
    assert.ok(!extended.html.includes('<script') && !extended.html.includes('<img'), 'the HTML part never runs it');
    assert.ok(extended.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(bySubject('已答复')!.text, /办理结果：予以公开/);
    for (const mail of mails) {
      assert.ok(mail.html.startsWith('<!doctype html>'), 'an HTML part');
      assert.equal(mail.from, 'gk@example.gov.cn');
      assert.ok(!mail.text.includes('张三') && !mail.text.includes(ID_NUMBER) && !mail.text.includes('13912345678'), 'no personal data');
      assert.match(mail.messageId, /^<[0-9a-f-]{36}@zwgk-kit>$/);
    }
    assert.equal(new Set(mails.map((m) => m.messageId)).size, 5);

    // Webhooks: six (created and five changes), signed, without identity number or contact.
    const verify = readmeSignatureCheck();
    assert.equal(hooks.accepted().length, 6);
    const bodies = hooks.accepted().map((r) => JSON.parse(r.body) as { id: string; type: string; occurredAt: string; data: { change?: { to: string } } });
    // Deliveries go out in parallel, so they may arrive in any order: occurredAt orders them.
    bodies.sort((x, y) => x.occurredAt.localeCompare(y.occurredAt));
    assert.deepEqual(bodies.map((b) => b.data.change?.to ?? b.type), ['application.created', 'supplement-requested', 'accepted', 'extended', 'answered', 'closed']);
    for (const request of hooks.accepted()) {
      assert.equal(request.path, '/oa');
      assert.equal(request.headers['content-type'], 'application/json');
      assert.ok(verify(SECRET, String(request.headers['zwgk-signature']), request.body), 'the README snippet accepts the signature');
      assert.equal(verify(SECRET, String(request.headers['zwgk-signature']), request.body.replace('"closed"', '"withdrawn"').replace(trackingCode, 'YS-TAMPERED')), false);
      assert.equal(verify('another-secret', String(request.headers['zwgk-signature']), request.body), false);
      assert.equal(request.headers['zwgk-delivery'], (JSON.parse(request.body) as { id: string }).id);
      for (const personal of [ID_NUMBER, '张三', '13912345678', 'example.com']) assert.ok(!request.body.includes(personal), `webhook holds ${personal}`);
    }

    // SMS: five, to the applicant's mobile, through the gateway webhook, signed the same way.
    assert.equal(sms.accepted().length, 5);
    const texts = sms.accepted().map((r) => JSON.parse(r.body) as { to: string; text: string });
    assert.ok(texts.every((t) => t.to === '13912345678'));
    assert.ok(texts.some((t) => t.text.includes('需要补正') && t.text.includes('2025年10月23日')));
    assert.ok(sms.accepted().every((r) => verify(SECRET, String(r.headers['zwgk-signature']), r.body)));

    // Nothing more arrives later: each delivery once.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(sink.messages.length, 5);
    assert.equal(hooks.requests.length, 6);
    assert.equal(sms.requests.length, 5);
    assert.equal((await storage.notifications.countByState()).delivered, 16);
  });

  test('an English request is told in English; a letter writer hears of the reply', { timeout: 60_000 }, async () => {
    const { sink, hooks } = await sinkAndReceivers();
    const { app } = await rig({ smtpUrl: sink.url, webhooks: [hooks.url] });
    const { trackingCode } = await submit(app, withEmail('reader@example.org'), 'en-GB,en;q=0.8');
    const challenge = (await (await app.request('/api/feedback/challenge')).json()) as Challenge;
    const letter = sampleLetter({ proof: await solveProof(challenge), subject: '关于<b>指南</b>的咨询' });
    const sent = await app.request('/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'letter-1' },
      body: JSON.stringify(letter),
    });
    assert.equal(sent.status, 201);
    const { queryCode } = (await sent.json()) as FeedbackReceipt;
    assert.equal((await admin(app, 'PATCH', `/feedback/${queryCode}`, { reply: '指南在网站首页“政府信息公开”栏目。' })).status, 200);
    assert.equal((await admin(app, 'PATCH', `/feedback/${queryCode}`, { publish: false })).status, 200, 'withholding tells no one');

    await sink.waitFor(2);
    await until('webhooks', async () => hooks.accepted().length, (n) => n === 3);
    const english = sink.messages.find((m) => m.to[0] === 'reader@example.org')!;
    assert.equal(english.subject, `福建省商务厅 has received your information request ${trackingCode}`);
    assert.match(english.text, /Reply due by: 30 October 2025/);
    assert.match(english.html, /<html lang="en">/);
    const reply = sink.messages.find((m) => m.to[0] === 'chenming@example.com')!;
    assert.equal(reply.subject, '您的来信已答复：关于<b>指南</b>的咨询');
    assert.match(reply.text, /答复：指南在网站首页“政府信息公开”栏目。/);
    assert.ok(reply.html.includes('关于&lt;b&gt;指南&lt;/b&gt;的咨询'));
    assert.ok(!reply.text.includes('陈明') && !reply.text.includes('13700001111'));
    assert.deepEqual(hooks.accepted().map((r) => (JSON.parse(r.body) as { type: string }).type).sort(), ['application.created', 'feedback.created', 'feedback.replied']);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(sink.messages.length, 2);
  });

  test('a receiver that times out once and fails twice, then succeeds, gets exactly one accepted delivery', { timeout: 60_000 }, async () => {
    const hooks = await startReceiver();
    cleanups.push(() => hooks.close());
    hooks.script = ['hang', 500, 503];
    const { app, logs } = await rig({ webhooks: [hooks.url] }, { timeoutMs: 300 });
    const { trackingCode } = await submit(app);
    const [delivery] = await until('the webhook delivered', () => deliveries(app, `case=${trackingCode}&state=delivered`), (d) => d.length === 1);
    assert.equal(delivery!.attempts, 4);
    assert.equal(hooks.requests.length, 4);
    assert.equal(hooks.accepted().length, 1);
    assert.equal(new Set(hooks.requests.map((r) => r.headers['zwgk-delivery'])).size, 1, 'every attempt carries the same delivery id');
    assert.equal(logs.filter((l) => /webhook application.created delivery .* failed \(attempt \d\/5\)/.test(l)).length, 3, logs.join('\n'));
    assert.ok(logs.some((l) => /HTTP 503/.test(l)));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(hooks.requests.length, 4);
  });

  test('after the last attempt a delivery is a dead letter, shown to staff and retried by an admin', { timeout: 60_000 }, async () => {
    const hooks = await startReceiver();
    cleanups.push(() => hooks.close());
    hooks.script = [500, 500, 500];
    const { app, logs } = await rig({ webhooks: [hooks.url] }, { maxAttempts: 3 });
    const { trackingCode } = await submit(app);
    const [dead] = await until('a dead letter', () => deliveries(app, `case=${trackingCode}`), (d) => d[0]?.state === 'dead');
    assert.equal(dead!.attempts, 3);
    assert.equal(dead!.lastError, 'HTTP 500');
    assert.equal(dead!.eventType, 'application.created');
    assert.ok(logs.some((l) => l.includes('dead letter')));
    assert.deepEqual((await deliveries(app, 'state=dead')).map((d) => d.id), [dead!.id]);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(hooks.requests.length, 3, 'a dead letter is not tried again by itself');

    const unauthorised = await app.request(`/api/admin/deliveries/${dead!.id}/retry`, { method: 'POST' });
    assert.equal(unauthorised.status, 401);
    const retried = await admin(app, 'POST', `/deliveries/${dead!.id}/retry`);
    assert.equal(retried.status, 200);
    assert.equal(((await retried.json()) as DeliveryView).state, 'pending');
    const [delivered] = await until('the retried letter delivered', () => deliveries(app, `case=${trackingCode}`), (d) => d[0]?.state === 'delivered');
    assert.equal(delivered!.attempts, 1);
    assert.equal(hooks.accepted().length, 1);
    assert.equal((await admin(app, 'POST', `/deliveries/${dead!.id}/retry`)).status, 409, 'only a dead letter can be retried');
    assert.equal((await admin(app, 'POST', '/deliveries/no-such-id/retry')).status, 404);
    assert.equal((await admin(app, 'GET', '/deliveries?state=lost')).status, 400);
  });

  test('without SMTP, mails wait visibly and go out once SMTP is configured', { timeout: 60_000 }, async () => {
    const storage = await openStorage({ memory: true });
    cleanups.push(() => storage.close());
    const first = await rig({}, { storage });
    const { trackingCode } = await submit(first.app, withEmail('waiting@example.com'));
    const [waiting] = await until('a waiting mail', () => deliveries(first.app, `case=${trackingCode}`), (d) => d.length === 1);
    assert.equal(waiting!.state, 'waiting-for-configuration');
    assert.equal(waiting!.attempts, 0);
    assert.ok(first.logs.some((l) => l.includes('ZWGK_SMTP_URL is not set')));
    await first.notifier.stop();

    const sink = await startMailSink();
    cleanups.push(() => sink.close());
    const second = await rig({ smtpUrl: sink.url }, { storage });
    const [mail] = await sink.waitFor(1);
    assert.deepEqual(mail!.to, ['waiting@example.com']);
    assert.equal(mail!.messageId, `<${waiting!.id}@zwgk-kit>`);
    await until('delivered', () => deliveries(second.app, `case=${trackingCode}`), (d) => d[0]?.state === 'delivered');
  });

  test('staff get one digest a day of cases due within 3 working days and overdue, with an unsubscribe line', { timeout: 60_000 }, async () => {
    const storage = await openStorage({ memory: true });
    cleanups.push(() => storage.close());
    const sink = await startMailSink();
    cleanups.push(() => sink.close());
    // Digest hour far off while the cases are created, so none goes out early.
    const staff = { smtpUrl: sink.url, staffEmails: ['Clerk@example.gov.cn', 'head@example.gov.cn'], digestHour: 23 };
    const one = await rig(staff, { storage });
    const at = (day: string) => (one.clock.now = new Date(`${day}T02:00:00Z`));
    at('2025-09-01');
    const overdue = await submit(one.app);
    at('2025-09-26');
    const dueToday = await submit(one.app);
    at('2025-10-20');
    await submit(one.app); // due in November: not listed
    at('2025-10-30');
    const answered = await submit(one.app);
    await step(one.app, answered.trackingCode, { status: 'supplement-requested', note: '请补充' }); // clock stopped: not listed

    // 2025-10-30 09:00 in China; a second instance on the same storage asks too.
    one.clock.now = new Date('2025-10-30T01:00:00Z');
    const two = await rig({ ...staff, digestHour: 9 }, { storage });
    two.clock.now = one.clock.now;
    const mails = await sink.waitFor(2);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(sink.messages.length, 2, 'one digest per address');
    assert.deepEqual(mails.map((m) => m.to[0]).sort(), ['clerk@example.gov.cn', 'head@example.gov.cn']);
    const digest = mails[0]!;
    assert.equal(digest.subject, '【政务公开】2025年10月30日待办提醒：1件已逾期，1件3个工作日内到期');
    assert.ok(digest.text.includes(`${dueToday.trackingCode} 福建省商务厅 已提交 答复期限 2025年10月30日（今日到期）`), digest.text);
    assert.match(digest.text, new RegExp(`${overdue.trackingCode} .*（已逾期\\d+个工作日）`));
    assert.ok(!digest.text.includes(answered.trackingCode));
    assert.match(digest.text, /退订/);
    assert.equal(digest.headers['list-unsubscribe'], '<mailto:no-reply@localhost?subject=unsubscribe>');
  });
});

const databaseUrl = process.env.TEST_DATABASE_URL;
describe('two server instances on one PostgreSQL', { skip: databaseUrl ? false : 'TEST_DATABASE_URL is not set' }, () => {
  test('deliver each event once', { timeout: 120_000 }, async () => {
    const schema = `zwgk_notify_${randomBytes(6).toString('hex')}`;
    const config: StorageConfig = { databaseUrl: databaseUrl!, schema };
    const [a, b] = [await openStorage(config), await openStorage(config)];
    cleanups.push(async () => {
      await a.close();
      await b.close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });
    const { sink, hooks } = await sinkAndReceivers();
    const settings = { smtpUrl: sink.url, webhooks: [hooks.url] };
    const [one, two] = [await rig(settings, { storage: a }), await rig(settings, { storage: b })];
    const count = 40;
    const codes = await Promise.all(
      Array.from({ length: count }, (_, i) => submit((i % 2 ? one : two).app, withEmail(`applicant${i}@example.com`)).then((r) => r.trackingCode)),
    );
    await sink.waitFor(count);
    await until('webhooks', async () => hooks.accepted().length, (n) => n >= count);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(sink.messages.length, count, 'one receipt per application');
    assert.equal(new Set(sink.messages.map((m) => m.to[0])).size, count);
    assert.equal(hooks.requests.length, count, 'one webhook per event');
    const received = new Set(hooks.requests.map((r) => (JSON.parse(r.body) as { data: { application: { trackingCode: string } } }).data.application.trackingCode));
    assert.deepEqual([...received].sort(), [...codes].sort());
    assert.equal((await a.notifications.countByState()).delivered, 2 * count);
  });
});
