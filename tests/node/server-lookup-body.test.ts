// Look-ups with the phone or contact in a POST body (kept out of URLs and access logs); the old GET still answers alike.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Challenge } from 'altcha-lib';
import { createApp } from '../../src/server/app.js';
import { openStorage } from '../../src/server/storage/index.js';
import type { Storage } from '../../src/server/storage/types.js';
import { sampleApplication, sampleLetter, solveProof } from '../../src/server/testing.js';

let storage: Storage;
let app: Hono;

before(async () => {
  storage = await openStorage({ memory: true });
  app = createApp({
    storage,
    adminToken: 'lookup-admin',
    corsOrigins: [],
    rateLimit: false,
    contact: { agency: '福建省商务厅' },
    altcha: { complexity: 'test' },
  });
});
after(() => storage.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(`/api/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

test('an application is found by POST …/lookup with { phone }, as by the old GET; a wrong phone answers as an unknown code', async () => {
  const created = await post('applications', sampleApplication(), { 'Idempotency-Key': 'lookup-app-1' });
  assert.equal(created.status, 201, await created.clone().text());
  const { trackingCode } = (await created.json()) as { trackingCode: string };
  const byBody = await post(`applications/${trackingCode}/lookup`, { phone: '139 1234 5678' });
  assert.equal(byBody.status, 200, await byBody.clone().text());
  const byQuery = await app.request(`/api/applications/${trackingCode}?phone=13912345678`);
  assert.deepEqual(await byBody.json(), await byQuery.json());
  const wrong = await post(`applications/${trackingCode}/lookup`, { phone: '13900000000' });
  const unknown = await post('applications/YS-ZZZZZZZZZZ/lookup', { phone: '13912345678' });
  assert.equal(wrong.status, 404);
  assert.equal(unknown.status, 404);
  assert.equal((await wrong.json()).detail, (await unknown.json()).detail);
  assert.equal((await post(`applications/${trackingCode}/lookup`, {})).status, 400);
  assert.equal((await post(`applications/${trackingCode}/lookup`, { phone: '13912345678', extra: 1 })).status, 422);
});

test('a letter is found by POST …/lookup with { contact }, as by the old GET', async () => {
  const challenge = (await (await app.request('/api/feedback/challenge')).json()) as Challenge;
  const sent = await post('feedback', sampleLetter({ proof: await solveProof(challenge) }), { 'Idempotency-Key': 'lookup-fb-1' });
  assert.equal(sent.status, 201, await sent.clone().text());
  const { queryCode } = (await sent.json()) as { queryCode: string };
  const letter = sampleLetter();
  const contact = letter.phone ?? letter.email ?? '';
  const byBody = await post(`feedback/${queryCode}/lookup`, { contact });
  assert.equal(byBody.status, 200, await byBody.clone().text());
  const byQuery = await app.request(`/api/feedback/${queryCode}?contact=${encodeURIComponent(contact)}`);
  assert.deepEqual(await byBody.json(), await byQuery.json());
  assert.equal((await post(`feedback/${queryCode}/lookup`, { contact: '13000000000' })).status, 404);
  assert.equal((await post(`feedback/${queryCode}/lookup`, { contact: 5 })).status, 400);
});
