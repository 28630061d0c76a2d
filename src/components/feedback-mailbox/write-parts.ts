/** The 写信 view's pieces: pure templates over plain data and callbacks (the state is WriteView's). */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS } from '../../api/types/feedback.js';
import type { FeedbackField, FeedbackFormLimits, FeedbackFormValues } from '../../core/feedback/form.js';
import { characterCount } from '../../core/feedback/counter.js';
import { plural } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { choiceGroup, textField } from '../base/fields.js';
import { mailboxHeading } from './parts.js';

/** How sending failed, as the writer is told it. */
export type FailureKind = 'network' | 'timeout' | 'server' | 'malformed' | 'busy' | 'proof' | 'refused';

/** The question's label: shown at the field, and named by its error so that no two summary lines read the same. */
export function letterLabel(field: FeedbackField): string {
  switch (field) {
    case 'category':
      return msg('来信类别');
    case 'subject':
      return msg('标题');
    case 'message':
      return msg('来信内容');
    case 'name':
      return msg('姓名');
    case 'phone':
      return msg('联系电话');
    case 'email':
      return msg('电子邮箱');
    case 'publish':
      return msg('是否同意公开');
  }
}

export interface LetterFieldsView {
  values: FeedbackFormValues;
  limits: FeedbackFormLimits;
  locale: Locale;
  errorOf: (field: FeedbackField) => string | undefined;
}

/** The letter's questions, in the order the summary lists their problems. */
export function letterFields({ values, limits, locale, errorOf }: LetterFieldsView): TemplateResult {
  return html`${choiceGroup({
      name: 'category',
      type: 'radio',
      label: letterLabel('category'),
      choices: FEEDBACK_CATEGORIES.map((value) => ({ value, label: FEEDBACK_CATEGORY_LABELS[value][locale] })),
      selected: [values.category],
      error: errorOf('category'),
      inline: true,
    })}
    ${textField({
      name: 'subject',
      label: letterLabel('subject'),
      hint: plural(locale, limits.subject, {
        one: () => msg(str`用一句话概括您的来信，不超过${limits.subject}个字。`, { id: 'mailbox.subjectHint.one' }),
        other: () => msg(str`用一句话概括您的来信，不超过${limits.subject}个字。`),
      }),
      value: values.subject,
      count: characterCount(values.subject, limits.subject),
      error: errorOf('subject'),
    })}
    ${textField({
      name: 'message',
      label: letterLabel('message'),
      hint: plural(locale, limits.message, {
        one: () => msg(str`请写明您咨询、建议或投诉的具体事项，不超过${limits.message}个字。`, { id: 'mailbox.messageHint.one' }),
        other: () => msg(str`请写明您咨询、建议或投诉的具体事项，不超过${limits.message}个字。`),
      }),
      value: values.message,
      rows: 8,
      count: characterCount(values.message, limits.message),
      error: errorOf('message'),
    })}
    ${textField({ name: 'name', label: letterLabel('name'), value: values.name, autocomplete: 'name', error: errorOf('name') })}
    <fieldset class="group contact" part="contact">
      <legend class="label" part="label">${msg('联系方式')}</legend>
      <p class="hint">${msg('联系电话和电子邮箱至少填写一项：我们据此答复您，查询来信时也要用到。')}</p>
      ${textField({
        name: 'phone',
        label: letterLabel('phone'),
        value: values.phone,
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'tel',
        width: 'short',
        error: errorOf('phone'),
      })}
      ${textField({
        name: 'email',
        label: letterLabel('email'),
        value: values.email,
        type: 'email',
        inputmode: 'email',
        autocomplete: 'email',
        error: errorOf('email'),
      })}
    </fieldset>
    ${choiceGroup({
      name: 'publish',
      type: 'radio',
      label: letterLabel('publish'),
      hint: msg('选择“同意公开”，答复后您的来信和答复可能在“来信选登”中公开，但您的姓名、电话和电子邮箱一律不公开。'),
      choices: [
        { value: 'yes', label: msg('同意公开') },
        { value: 'no', label: msg('不公开') },
      ],
      selected: [values.publish],
      error: errorOf('publish'),
      inline: true,
    })}`;
}

/** A draft came back: say so, with 清空重写. */
export function restoredNotice(discard: () => void): TemplateResult {
  return html`<div class="notice" part="draft-notice">
    <p>${msg('已恢复您上次填写但没有提交的内容。')}</p>
    <button type="button" class="button secondary" part="discard-button" @click=${discard}>${msg('清空重写')}</button>
  </div>`;
}

/** The background spam check could not be worked out: nothing for the writer to do but Retry. */
export function proofProblem(retry: () => void): TemplateResult {
  return html`<div class="state error" part="proof-error">
    <p class="title">${msg('自动验证没有完成')}</p>
    <p>${msg('为防止垃圾信息，本页在后台自动完成一项验证，不需要您操作。现在无法完成这项验证，请检查网络连接，然后点击“重试”。')}</p>
    <button type="button" class="button secondary" part="retry-button" @click=${retry}>${msg('重试')}</button>
  </div>`;
}

/** Sending failed: what happened, that the letter is kept, and what to do (重新提交 never makes two letters). */
export function sendFailure(failure: { kind: FailureKind; status?: number }): TemplateResult {
  const kept = msg('您填写的内容已保存在本机。');
  const again = msg('请点击“重新提交”，重复提交不会产生两封来信。');
  const [title, advice] = (() => {
    switch (failure.kind) {
      case 'network':
        return [msg('来信可能没有送达'), `${msg('无法连接到服务器，请检查网络连接。')}${kept}${again}`];
      case 'timeout':
        return [msg('来信可能没有送达'), `${msg('服务器没有及时回应。')}${kept}${again}`];
      case 'server':
        return [msg(str`服务器出现错误（${failure.status ?? ''}）`), `${msg('这不是您的操作问题。')}${kept}${again}`];
      case 'malformed':
        return [msg('无法确认来信是否送达'), `${msg('服务器的回应无法识别。')}${kept}${again}`];
      case 'busy':
        return [msg('提交太频繁'), `${kept}${msg('请等一分钟，再点击“重新提交”。')}`];
      case 'proof':
        return [
          msg('自动验证没有完成'),
          `${msg('为防止垃圾信息，本页在后台自动完成一项验证，这次没有完成。')}${kept}${msg('请检查网络连接，然后点击“重新提交”。')}`,
        ];
      case 'refused':
        return [msg('来信没有被接受'), `${kept}${msg('请刷新页面后重新提交；如果仍然不行，请通过其他方式联系我们。')}`];
    }
  })();
  return html`<div class="state error" part="submit-error" role="alert">
    <p class="title">${title}</p>
    <p>${advice}</p>
  </div>`;
}

/** The letter is stored: the query code to keep (shown this once), with copy, look-up and another letter. */
export function letterConfirmation(
  queryCode: string,
  headingLevel: number,
  on: { copy: () => void; lookUp: () => void; newLetter: () => void },
): TemplateResult {
  return html`<section class="confirmation" part="confirmation" aria-labelledby="confirmation-heading">
    ${mailboxHeading(headingLevel, 'confirmation-heading', msg('来信已提交'), 'confirmation-title', true)}
    <p class="code-label" id="query-code-label">${msg('您的查询码')}</p>
    <p class="query-code" part="query-code" aria-labelledby="query-code-label">${queryCode}</p>
    <div class="keep-warning" part="query-code-warning">
      <p>
        <strong>${msg('请记下或保存查询码。')}</strong
        >${msg('查询办理进度和答复时，要输入查询码和您留下的联系电话或电子邮箱。查询码只显示这一次，遗失后无法找回。')}
      </p>
    </div>
    <div class="actions">
      <button type="button" class="button secondary" part="copy-button" @click=${on.copy}>${msg('复制查询码')}</button>
      <button type="button" class="button secondary" part="lookup-button" @click=${on.lookUp}>${msg('查询这封来信')}</button>
      <button type="button" class="button secondary" part="new-letter-button" @click=${on.newLetter}>${msg('再写一封')}</button>
    </div>
  </section>`;
}
