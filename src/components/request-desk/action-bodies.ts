/** Reads a step's form into the body the staff API takes, or says what to put right. */
import { msg, str } from '@lit/localize';
import type { LoadError } from '../base/controllers/request.js';
import {
  EXTENSION_MAX_DAYS,
  SUPPLEMENT_PERIOD_MAX,
  SUPPLEMENT_TRIGGERS,
  type StaffAction,
  type SupplementTrigger,
} from '../../api/types/staff.js';
import type { AnswerDraft } from './actions.js';

type Read = { body: object } | { errors: Map<string, string> };

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
/** Optional fields are left out, not sent empty: the server's defaults (today) apply. */
const optional = (data: FormData, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, text(data, name)]).filter(([, value]) => value !== ''));

function wholeNumber(data: FormData, name: string, max: number, errors: Map<string, string>): number {
  const value = Number(text(data, name));
  if (!Number.isInteger(value) || value < 1 || value > max) errors.set(name, msg(str`请输入1到${max}之间的整数`));
  return value;
}

export function readActionBody(action: StaffAction, data: FormData, answer: AnswerDraft): Read {
  const errors = new Map<string, string>();
  const reason = optional(data, ['reason']);
  let body: object = reason;
  switch (action) {
    case 'accept':
      body = { ...reason, ...optional(data, ['receivedOn']) };
      break;
    case 'request-supplement': {
      const triggers = data.getAll('triggers').map(String).filter((t): t is SupplementTrigger => SUPPLEMENT_TRIGGERS.includes(t as SupplementTrigger));
      const detail = text(data, 'detail');
      if (!triggers.length && !detail) errors.set('triggers', msg('请勾选需要补正的内容，或在“具体说明”中写明'));
      const periodDays = wholeNumber(data, 'periodDays', SUPPLEMENT_PERIOD_MAX, errors);
      body = { ...reason, triggers, ...(detail ? { detail } : {}), periodDays, ...optional(data, ['receivedOn']) };
      break;
    }
    case 'record-supplement':
      body = { ...reason, ...optional(data, ['receivedOn', 'text']) };
      break;
    case 'consult':
      if (!text(data, 'party')) errors.set('party', msg('请写明征求意见的对象'));
      body = { ...reason, party: text(data, 'party'), ...optional(data, ['startedOn']) };
      break;
    case 'record-consultation-reply':
      if (!text(data, 'reply')) errors.set('reply', msg('请写明第三方意见，或注明逾期未提出意见'));
      body = { ...reason, reply: text(data, 'reply'), ...optional(data, ['endedOn']) };
      break;
    case 'request-extension': {
      const days = wholeNumber(data, 'days', EXTENSION_MAX_DAYS, errors);
      if (!text(data, 'reason')) errors.set('reason', msg('请写明延期理由：它将告知申请人'));
      body = { days, reason: text(data, 'reason') };
      break;
    }
    case 'decide-extension': {
      const choice = data.get('approve');
      if (choice !== 'yes' && choice !== 'no') errors.set('approve', msg('请选择同意或不同意'));
      body = { ...reason, approve: choice === 'yes' };
      break;
    }
    case 'answer':
      if (!answer.outcome) errors.set('outcome', msg('请选择办理结果'));
      body = { ...reason, outcome: answer.outcome, files: answer.files.map((f) => f.id), ...(answer.letter ? { letter: answer.letter } : {}) };
      break;
    case 'close':
    case 'abandon':
      if (data.get('confirm') !== 'on') errors.set('confirm', msg('请先勾选确认'));
      break;
  }
  return errors.size ? { errors } : { body };
}

/** Why the server refused a step, in words; the server's own detail when it gives one (it says why a step is not allowed). */
export function describeActionFailure(error: LoadError): string {
  switch (error.kind) {
    case 'network':
    case 'aborted':
      return msg('无法连接到服务器：这一步没有记录。请检查网络后再次提交（不会重复记录）。');
    case 'timeout':
      return msg('服务器响应超时：请再次提交（不会重复记录）。');
    case 'malformed':
    case 'invalid':
      return msg('服务器的回答无法读取，请刷新后查看这一步是否已记录。');
    case 'http':
      break;
  }
  const detail = error.problem?.detail ?? '';
  if (error.status === 403) return msg('您的账户没有办理这一步的权限。');
  if (error.status === 409) return detail ? msg(str`此申请当前的状态不允许这一步：${detail}`) : msg('此申请当前的状态不允许这一步，请刷新后查看。');
  if (error.status === 413) return msg('文件太大。');
  if (error.status === 415) return msg('不支持这种文件类型。');
  if (error.status === 400 || error.status === 422) {
    const fields = (error.problem?.errors ?? []).map((e) => e.message).join('；');
    return fields || detail || msg('填写的内容有误，请检查。');
  }
  return msg(str`服务器出现错误（${error.status ?? ''}），请稍后重试。`);
}
