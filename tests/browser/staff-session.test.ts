/**
 * The staff-session controller (the request desk's and the report editor's) on a bare Lit host against the
 * reference server, and lazyModule(), which loads what an element needs on first use.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ApiError } from '../../src/api/client.js';
import { StaffSessionController, type StaffSessionState } from '../../src/components/base/controllers/staff-session.js';
import { lazyModule } from '../../src/components/base/lazy-module.js';
import { STAFF_PASSWORDS, signInStaff, signOutStaff, staffSession } from './harness.js';

/** A bare Lit element that owns the controller under test (no kit element, so only the controller is tested). */
class SessionProbe extends LitElement {
  apiBase?: string = '/api';
  changes: string[] = [];
  readonly session = new StaffSessionController(this, {
    apiBase: () => this.apiBase,
    locale: () => 'en',
    onChange: (next, previous) => this.changes.push(`${previous.status}→${next.status}`),
  });
  protected override render() {
    return html`<p>${this.session.state.status}</p>`;
  }
}
customElements.define('staff-session-probe', SessionProbe);

const settled = (probe: SessionProbe) => probe.session.state.status !== 'checking';

async function probe(): Promise<SessionProbe> {
  const el = await fixture<SessionProbe>(html`<staff-session-probe></staff-session-probe>`);
  await waitUntil(() => settled(el), 'the session was never checked');
  return el;
}

const realFetch = window.fetch;
const pageFetch = window.fetch.bind(window);

/** A spy that passes every request on to the page's fetch and keeps its method, URL and headers. */
function spyOnFetch(): { method: string; url: string; headers: Headers }[] {
  const seen: { method: string; url: string; headers: Headers }[] = [];
  window.fetch = (input, init) => {
    const request = new Request(input, init);
    seen.push({ method: request.method, url: request.url, headers: request.headers });
    return pageFetch(input, init);
  };
  return seen;
}

describe('StaffSessionController', () => {
  beforeEach(signOutStaff);
  afterEach(async () => {
    window.fetch = realFetch;
    await signOutStaff();
  });

  it('signs in, sends the CSRF token on writes only, and signs out on the server', async () => {
    const el = await probe();
    expect(el.session.state).to.deep.equal({ status: 'signed-out' });
    await el.session.signIn('clerk', STAFF_PASSWORDS.clerk);
    const state = el.session.state as Extract<StaffSessionState, { status: 'signed-in' }>;
    expect(state.status).to.equal('signed-in');
    expect(state.user).to.include({ name: 'clerk', role: 'clerk' });
    expect(state.csrfToken).to.equal((await staffSession())!.csrfToken);

    const seen = spyOnFetch();
    await el.session.request('applications', { query: { status: 'submitted', q: '' } });
    await el.session.signOut();
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`)).to.deep.equal([
      'GET /api/staff/applications?status=submitted',
      'DELETE /api/staff/session',
    ]);
    expect(seen[0]!.headers.get('X-CSRF-Token'), 'no token on a read').to.equal(null);
    expect(seen[1]!.headers.get('X-CSRF-Token')).to.equal(state.csrfToken);
    expect(seen[1]!.headers.get('Accept-Language')).to.equal('en');
    expect(el.session.state).to.deep.equal({ status: 'signed-out' });
    expect(await staffSession(), 'the server ended the session').to.equal(undefined);
    expect(el.changes).to.deep.equal(['checking→signed-out', 'signed-out→signed-in', 'signed-in→signed-out']);
  });

  it('finds a session already there, and a 401 while signed in ends it here too: signed out, expired', async () => {
    await signInStaff('head');
    const el = await probe();
    expect(el.session.state).to.include({ status: 'signed-in' });
    await signOutStaff(); // as if it timed out, or someone signed out in another tab
    let failure: unknown;
    await el.session.request('applications').catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(ApiError);
    expect((failure as ApiError).status).to.equal(401);
    expect(el.session.state).to.deep.equal({ status: 'signed-out', expired: true });
    expect(el.changes).to.deep.equal(['checking→signed-in', 'signed-in→signed-out']);
  });

  it('a wrong password rejects with the server’s error and stays signed out', async () => {
    const el = await probe();
    let failure: unknown;
    await el.session.signIn('clerk', 'wrong-password').catch((error: unknown) => (failure = error));
    expect((failure as ApiError).status).to.equal(401);
    expect(el.session.state, 'a rejected sign-in is not an expired session').to.deep.equal({ status: 'signed-out' });
  });

  it('an unreadable answer is an error, checked once per api-base; check(true) asks again', async () => {
    // Stub: a session answer without a user (the one failure the reference server cannot cause).
    window.fetch = async () => {
      window.fetch = realFetch;
      return new Response(JSON.stringify({ csrfToken: 'x' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const el = await probe();
    expect(el.session.state).to.deep.include({ status: 'error' });
    expect((el.session.state as Extract<StaffSessionState, { status: 'error' }>).error.kind).to.equal('malformed');
    const seen = spyOnFetch();
    await el.session.check();
    expect(seen, 'asked once for this api-base').to.deep.equal([]);
    await el.session.check(true);
    expect(seen.length).to.equal(1);
    expect(el.session.state).to.deep.equal({ status: 'signed-out' });
  });

  it('asks nothing while there is no api-base, and asks when one is set', async () => {
    const seen = spyOnFetch();
    const el = await fixture<SessionProbe>(html`<staff-session-probe .apiBase=${undefined}></staff-session-probe>`);
    expect(el.session.state.status).to.equal('checking');
    expect(seen).to.deep.equal([]);
    el.apiBase = '/api';
    await el.session.check();
    expect(seen.map((r) => new URL(r.url).pathname)).to.deep.equal(['/api/staff/session']);
    expect(el.session.state).to.deep.equal({ status: 'signed-out' });
  });
});

describe('lazyModule', () => {
  it('loads on first use, once for every caller, and tries again after a failed load', async () => {
    let imports = 0;
    let fail = true;
    const lazy = lazyModule(async () => {
      imports++;
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return { answer: 42 };
    });
    expect(imports, 'nothing loads before it is used').to.equal(0);
    let failure: unknown;
    await lazy.load().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect(lazy.value).to.equal(undefined);
    fail = false;
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).to.equal(b);
    expect(lazy.value).to.deep.equal({ answer: 42 });
    await lazy.load();
    expect(imports, 'one failed load, then one load shared by every call').to.equal(2);
  });
});
