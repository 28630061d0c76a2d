import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  FormFeedback,
  FormFeedbackController,
  validateOnOf,
  type ValidateOn,
} from '../../src/components/base/controllers/form-feedback.js';
import { hasEnglishMessages } from '../../src/core/validate/messages-common.js';
import { mapServerErrors } from '../../src/components/base/controllers/server-errors.js';
import { validatePhone } from '../../src/core/validate/contact.js';

type Field = 'name' | 'phone' | 'files';
interface Values {
  name: string;
  phone: string;
  files: string[];
}

/** A bare Lit element with one FormFeedbackController, so only the controller is under test. */
class FeedbackProbe extends LitElement {
  validateOn: ValidateOn = 'blur';
  placement: 'before-form' | 'in-form' = 'before-form';
  readonly form = new FormFeedbackController<Values, Field>(this, {
    initial: () => ({ name: '', phone: '', files: [] }),
    fields: ['name', 'phone', 'files'],
    validate: (v) => {
      const phone = validatePhone(v.phone);
      return {
        ...(v.name.trim() === '' ? { name: { code: 'required' as const } } : {}),
        ...(phone.ok ? {} : { phone: { code: phone.code } }),
      };
    },
    warn: (v) => (v.name === 'test' ? { name: { text: 'Is this a real name?' } } : {}),
    validateOn: () => this.validateOn,
    summaryPlacement: () => this.placement,
    locale: () => 'en',
    target: (field) => (field === 'files' ? 'file-picker' : field),
  });
  protected override render() {
    return html`<p>${this.form.errorFor('phone') ?? ''}</p>`;
  }
}
customElements.define('feedback-probe', FeedbackProbe);

/** The English form, once it has loaded the English messages itself (as on a page in English, before anyone types). */
async function probe(): Promise<FeedbackProbe> {
  const el = await fixture<FeedbackProbe>(html`<feedback-probe></feedback-probe>`);
  await waitUntil(hasEnglishMessages, 'the English form did not load the English messages');
  await el.updateComplete;
  return el;
}

/** A Chinese form: it words its problems without the English messages, and never loads them. */
class ChineseProbe extends LitElement {
  readonly form = new FormFeedback<{ name: string }, 'name'>(this, {
    initial: () => ({ name: '' }),
    fields: ['name'],
    validate: (v) => (v.name.trim() ? {} : { name: { code: 'required' } }),
    locale: () => 'zh-CN',
  });
  protected override render() {
    return html`<p>${this.form.errorFor('name') ?? ''}</p>`;
  }
}
customElements.define('chinese-feedback-probe', ChineseProbe);

const englishRequests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('messages-en'));

describe('FormFeedbackController', () => {
  // First: the English messages are not loaded yet in this file.
  it('a Chinese form never downloads the English messages; an English one loads them itself and speaks English', async () => {
    const chinese = await fixture<ChineseProbe>(html`<chinese-feedback-probe></chinese-feedback-probe>`);
    chinese.form.submit();
    await chinese.updateComplete;
    expect(chinese.shadowRoot!.querySelector('p')!.textContent).to.equal('此项必须填写，请填写后再提交');
    expect(hasEnglishMessages()).to.equal(false);
    expect(englishRequests()).to.have.length(0);

    const english = await fixture<FeedbackProbe>(html`<feedback-probe></feedback-probe>`);
    await waitUntil(hasEnglishMessages, 'the English form did not load the English messages');
    expect(englishRequests()).to.have.length(1);
    english.form.submit();
    await english.updateComplete;
    expect(english.shadowRoot!.querySelector('p')!.textContent).to.equal('This field is required. Please fill it in.');
  });

  it('validate-on blur keeps the words of a problem while the citizen types, and checks again on leaving', async () => {
    const { form } = await probe();
    form.set({ phone: '' });
    form.submit();
    const required = form.errorFor('phone');
    expect(required).to.contain('required');
    form.set({ phone: '139' });
    expect(form.errorFor('phone'), 'nothing new under their fingers').to.equal(required);
    form.blur('phone');
    expect(form.errorFor('phone')).to.not.equal(required);
    expect(form.errorFor('phone')).to.contain('11-digit mobile');
  });

  it('validate-on input rewords a problem as the citizen types; a blank field still waits for submit', async () => {
    const el = await probe();
    el.validateOn = 'input';
    el.form.set({ phone: '139' });
    expect(el.form.errorFor('phone')).to.contain('11-digit mobile');
    el.form.set({ name: '' });
    expect(el.form.errorFor('name')).to.equal(undefined);
    el.form.set({ phone: '13800138000' });
    expect(el.form.errorFor('phone')).to.equal(undefined);
  });

  it('a server problem stays while its field keeps the value it was about, and goes once it changes', async () => {
    const { form } = await probe();
    form.set({ name: '林', phone: '13800138000' });
    form.showServerErrors(
      mapServerErrors([{ field: '/phone', code: 'custom.rule', message: 'This number is barred' }], {
        fieldOfPointer: (pointer) => (pointer === '/phone' ? 'phone' : undefined),
      }),
    );
    expect(form.errorFor('phone')).to.equal('This number is barred');
    form.set({ name: '林明' });
    expect(form.submit(), 'the server said so: sending stays blocked').to.equal(false);
    expect(form.errorFor('phone')).to.equal('This number is barred');
    form.set({ phone: '13800138001' });
    expect(form.errorFor('phone')).to.equal(undefined);
    expect(form.submit()).to.equal(true);
  });

  it('a problem only the element knows stays until cleared or checked again', async () => {
    const { form } = await probe();
    form.flag('files', { text: 'The file “a.exe” is not a PDF.' });
    form.set({ name: '林' });
    expect(form.errorFor('files')).to.equal('The file “a.exe” is not a PDF.');
    form.clear('files');
    expect(form.hasError('files')).to.equal(false);
    form.flag('files', { text: 'again' });
    form.submit(['files']);
    expect(form.hasError('files'), 'a check finds nothing wrong with the files').to.equal(false);
  });

  it('the summary: only at the place the element renders it, in the order asked, linking where the element says', async () => {
    const el = await probe();
    el.form.flag('files', { text: 'Upload failed' });
    el.form.submit(['phone', 'name']);
    expect(el.form.summaryAt('in-form')).to.deep.equal([]);
    const items = el.form.summaryAt('before-form', ['phone', 'name', 'files']);
    expect(items.map((i) => i.target)).to.deep.equal(['phone', 'name', 'file-picker']);
    el.form.hideSummary();
    expect(el.form.summaryAt('before-form')).to.deep.equal([]);
    expect(el.form.errorFor('name'), 'the fields still say it').to.contain('required');
  });

  it('warnings show once a field was checked, never with its error, and never block', async () => {
    const { form } = await probe();
    form.set({ name: 'test', phone: '13800138000' });
    expect(form.warningFor('name'), 'not before the field was checked').to.equal(undefined);
    form.blur('name');
    expect(form.warningFor('name')).to.equal('Is this a real name?');
    expect(form.submit()).to.equal(true);
  });

  it('an unknown validate-on value falls back to the element’s default', () => {
    expect(validateOnOf('input', 'submit')).to.equal('input');
    expect(validateOnOf('onblur', 'submit')).to.equal('submit');
    expect(validateOnOf(undefined, 'blur')).to.equal('blur');
  });
});
