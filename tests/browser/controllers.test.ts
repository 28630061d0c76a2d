import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { requestJson } from '../../src/api/client.js';
import { RequestController, type DataState } from '../../src/components/base/controllers/request.js';
import { DataSourceController, inlineJson } from '../../src/components/base/controllers/data-source.js';
import { FormFeedbackController } from '../../src/components/base/controllers/form-feedback.js';
import { mapServerErrors, type ServerErrorMapping } from '../../src/components/base/controllers/server-errors.js';
import { SubmissionController } from '../../src/components/base/controllers/submission.js';
import { DraftController } from '../../src/components/base/controllers/draft.js';
import { validatePhone } from '../../src/core/validate/contact.js';
import { draftKey } from '../../src/core/draft/store.js';

interface Contact {
  agency: string;
}
const parseContact = (raw: unknown) =>
  raw && typeof raw === 'object' && typeof (raw as Contact).agency === 'string' ? { value: raw as Contact } : { problems: ['no agency'] };

/** A bare Lit element that owns the controllers under test (no kit element, so only the controllers are tested). */
class ControllerProbe extends LitElement {
  src?: string;
  data?: unknown;
  renders = 0;
  readonly request = new RequestController<Contact>(this, { parse: parseContact, label: () => 'probe' });
  readonly source = new DataSourceController<Contact>(this, {
    src: () => this.src,
    data: () => this.data,
    inline: () => inlineJson(this),
    parse: parseContact,
  });
  readonly form = new FormFeedbackController(this, {
    initial: () => ({ name: '', phone: '', message: '' }),
    fields: ['name', 'phone', 'message'] as const,
    validate: (v: { name: string; phone: string; message: string }) => {
      const phone = validatePhone(v.phone);
      return {
        ...(v.name.trim() === '' ? { name: { code: 'required' as const } } : {}),
        ...(phone.ok ? {} : { phone: { code: phone.code } }),
        ...(v.message.length > 5 ? { message: { code: 'text.tooLong' as const, params: { max: 5 } } } : {}),
      };
    },
    validateOn: () => this.validateOn,
    locale: () => 'en',
  });
  validateOn: 'blur' | 'submit' | 'input' = 'blur';
  protected override render() {
    this.renders++;
    return html`<p>${this.source.state.status}</p>`;
  }
}
customElements.define('controller-probe', ControllerProbe);

type ProbeField = 'name' | 'phone' | 'message';
const serverMapping: ServerErrorMapping<ProbeField> = {
  fieldOfPointer: (pointer) => ({ '/name': 'name', '/contact/phone': 'phone', '/message': 'message' })[pointer] as ProbeField | undefined,
  paramsFor: (field, code) => (field === 'message' && code === 'text.tooLong' ? { max: 5 } : undefined),
};

const settled = (state: DataState<Contact>) => state.status !== 'loading';

describe('base controllers', () => {
  describe('RequestController', () => {
    it('parses a real answer into ready, and a wrong shape into an invalid error', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      const ready = await el.request.run((signal) => requestJson('/api/contact', { signal }));
      expect(ready?.status).to.equal('ready');
      const wrong = await el.request.run(async () => ({ name: 'no agency' }));
      expect(wrong).to.deep.include({ status: 'error' });
      expect((wrong as { error: { kind: string } }).error.kind).to.equal('invalid');
    });

    it('maps a server failure once, with its status and problem, and Retry runs the same load again', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      const key = `probe-${Math.random().toString(36).slice(2)}`;
      const failed = await el.request.run((signal) => requestJson(`/__stubs/fail-once/${key}`, { signal }));
      expect(failed?.status).to.equal('error');
      const error = (failed as { error: { kind: string; status: number; problem?: { status: number } } }).error;
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(503);
      expect(error.problem?.status).to.equal(503);
      const again = await el.request.retry();
      expect(again?.status).to.equal('ready');
    });

    it('aborts the run before a new one: a slow answer never overwrites a newer one', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      let slowSignal: AbortSignal | undefined;
      const slow = el.request.run((signal) => ((slowSignal = signal), requestJson('/__stubs/slow?ms=800', { signal })));
      const fast = await el.request.run(async () => ({ agency: '新的' }));
      expect(fast?.status).to.equal('ready');
      expect(await slow, 'the cancelled run resolves with nothing').to.equal(undefined);
      expect(slowSignal?.aborted).to.equal(true);
      expect(el.request.value?.agency).to.equal('新的');
    });

    it('aborts on disconnect', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      let signal: AbortSignal | undefined;
      void el.request.run((s) => ((signal = s), requestJson('/__stubs/slow?ms=800', { signal: s })));
      el.remove();
      expect(signal?.aborted).to.equal(true);
    });
  });

  describe('DataSourceController', () => {
    it('prefers src to data to inline JSON, and reads a malformed inline payload as an error', async () => {
      const el = await fixture<ControllerProbe>(
        html`<controller-probe .data=${{ agency: '数据' }}
          ><script type="application/json">
            { "agency": "内联" }
          </script></controller-probe
        >`,
      );
      expect(el.source.state).to.deep.equal({ status: 'ready', value: { agency: '数据' } });
      el.src = '/api/contact';
      el.requestUpdate();
      await waitUntil(() => settled(el.source.state) && el.source.state.status === 'ready' && el.source.state.value.agency !== '数据');
      el.src = undefined;
      el.data = undefined;
      el.requestUpdate();
      await el.updateComplete;
      expect(el.source.state).to.deep.equal({ status: 'ready', value: { agency: '内联' } });

      const broken = await fixture<ControllerProbe>(
        html`<controller-probe
          ><script type="application/json">
            {"agency":
          </script></controller-probe
        >`,
      );
      expect(broken.source.state.status).to.equal('error');
      expect((broken.source.state as { error: { kind: string } }).error.kind).to.equal('invalid');
    });

    it('is idle with no source at all', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      expect(el.source.state.status).to.equal('idle');
    });
  });

  describe('FormFeedbackController', () => {
    it('validate-on blur: nothing while typing, the problem on leaving a filled field, gone as soon as it is put right', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      const form = el.form;
      form.set({ phone: '123' });
      expect(form.errorFor('phone')).to.equal(undefined);
      form.blur('name'); // left blank: no error before submit
      expect(form.errorFor('name')).to.equal(undefined);
      form.blur('phone');
      expect(form.errorFor('phone')).to.contain('11-digit mobile');
      form.set({ phone: '13800138000' });
      expect(form.errorFor('phone')).to.equal(undefined);
    });

    it('validate-on submit and input', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      el.validateOn = 'submit';
      el.form.set({ phone: '123' });
      el.form.blur('phone');
      expect(el.form.errorFor('phone')).to.equal(undefined);
      el.validateOn = 'input';
      el.form.set({ phone: '1234' });
      expect(el.form.errorFor('phone')).to.contain('11-digit mobile');
    });

    it('submit shows every problem, and the summary lists them in field order with {max} filled in', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      el.form.set({ message: 'far too long', phone: '1' });
      expect(el.form.submit()).to.equal(false);
      const items = el.form.summaryItems();
      expect(items.map((i) => i.target)).to.deep.equal(['name', 'phone', 'message']);
      expect(items[2]!.message).to.equal('This is too long: at most 5 characters. Please shorten it.');
      el.form.set({ name: '林', phone: '13800138000', message: 'ok' });
      expect(el.form.submit()).to.equal(true);
      expect(el.form.summaryItems()).to.deep.equal([]);
    });

    it('maps server field errors onto fields with their parameters; unknown codes and fields keep the server’s words', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      el.form.showServerErrors(
        mapServerErrors(
          [
            { field: '/message', code: 'text.tooLong', message: '内容太长了，最多{max}个字' },
            { field: '/contact/phone', code: 'not.a.key', message: 'Server words' },
            { field: '/captcha', code: 'required', message: 'Elsewhere' },
          ],
          serverMapping,
        ),
      );
      expect(el.form.errorFor('message')).to.equal('This is too long: at most 5 characters. Please shorten it.');
      expect(el.form.errorFor('phone')).to.equal('Server words');
      expect(el.form.summaryItems().map((i) => i.target ?? i.message)).to.deep.equal([
        'phone',
        'message',
        'This field is required. Please fill it in.',
      ]);
    });

    it('never shows a literal {max}: without the parameter the server’s words are kept', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      el.form.showServerErrors(
        mapServerErrors([{ field: '/name', code: 'text.tooLong', message: 'At most 50 characters.' }], serverMapping),
      );
      expect(el.form.errorFor('name')).to.equal('At most 50 characters.');
    });
  });

  describe('SubmissionController', () => {
    it('keeps one Idempotency-Key per body across a failure and Retry; a new body gets a new key', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      const keys: string[] = [];
      const path = `/__stubs/fail-once/submit-${Math.random().toString(36).slice(2)}`;
      const submission = new SubmissionController<{ text: string }, Contact>(el, {
        send: (body, key, signal) => (keys.push(key), requestJson(path, { method: 'POST', body, idempotencyKey: key, signal })),
        parse: parseContact,
      });
      const failed = await submission.submit({ text: 'a' });
      expect(failed.status).to.equal('failed');
      expect((failed as { failure: { kind: string; attempt: number } }).failure).to.include({ kind: 'server', attempt: 1 });
      const sent = await submission.retry();
      expect(sent?.status).to.equal('sent');
      expect(keys[0]).to.equal(keys[1]);
      await submission.submit({ text: 'b' });
      expect(keys[2]).to.not.equal(keys[1]);
    });

    it('a 422 from the real server is `invalid` with its field errors, and the next try gets a fresh key', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      const keys: string[] = [];
      const submission = new SubmissionController<object, unknown>(el, {
        send: (body, key, signal) => (
          keys.push(key),
          requestJson('/api/applications', { method: 'POST', body, idempotencyKey: key, signal })
        ),
        parse: (raw) => ({ value: raw }),
      });
      const failed = await submission.submit({});
      expect(failed.status).to.equal('failed');
      const failure = (failed as Extract<typeof failed, { status: 'failed' }>).failure;
      expect(failure.kind).to.equal('invalid');
      expect(failure.fieldErrors.length).to.be.greaterThan(0);
      await submission.submit({});
      expect(keys[1]).to.not.equal(keys[0]);
    });
  });

  describe('DraftController', () => {
    it('saves, reads back, clears when empty, and keeps nothing with draft="off"', async () => {
      const el = await fixture<ControllerProbe>(html`<controller-probe></controller-probe>`);
      let policy: 'local' | 'off' = 'local';
      const key = draftKey('probe', String(Math.random()));
      const draft = new DraftController<{ text: string }>(el, {
        policy: () => policy,
        key: () => key,
        parse: (raw) => (raw && typeof (raw as { text?: unknown }).text === 'string' ? (raw as { text: string }) : undefined),
        isEmpty: (value) => value.text === '',
      });
      expect(draft.save({ text: '草稿' })).to.equal(true);
      const read = draft.read();
      expect(read.status).to.equal('found');
      expect((read as { data: { text: string } }).data.text).to.equal('草稿');
      draft.save({ text: '' });
      expect(draft.read().status).to.equal('none');
      policy = 'off';
      expect(draft.save({ text: '草稿' })).to.equal(false);
      policy = 'local';
      expect(draft.read().status).to.equal('none');
    });
  });
});
