/**
 * The 政府信息公开申请答复书, generated from the outcome (a row of table 三)
 * with every element the Jiangsu answer norm requires: 标题、文号、申请人姓名
 * （名称）、申请事实、法律依据、处理决定、申请人复议诉讼的权利和期限、答复主体、
 * 答复日期 (the seal goes on paper). The grounds per row follow reference.md
 * §1.5 (rows → articles of the 2019 条例). Staff edit the draft before it is
 * issued; the issued text is stored as it was sent.
 */
import type { OutcomeId } from '../../api/types/application.js';
import type { AnswerLetter } from '../../api/types/staff.js';

export interface AnswerLetterInput {
  trackingCode: string;
  /** 答复主体 */
  agency: string;
  applicantName: string;
  /** China dates */
  submittedOn: string;
  receivedOn: string | null;
  request: { title?: string; docNo?: string; description?: string };
  outcome: OutcomeId;
  /** names of the released files */
  files: readonly string[];
  answeredOn: string;
  /** when a 补正 was asked for and received */
  supplement?: { requestedOn: string; receivedOn: string | null } | null;
}

const REG = '《中华人民共和国政府信息公开条例》';

/** 2025-10-15 → 2025年10月15日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** What was asked for, in the applicant's words (the title, else the 文号, else the description). */
function requested({ title, docNo, description }: AnswerLetterInput['request']): string {
  const named = [title, docNo ? (title ? `（${docNo}）` : docNo) : ''].filter(Boolean).join('');
  if (named) return `“${named}”`;
  const text = [...(description ?? '').trim()];
  return `“${text.slice(0, 200).join('')}${text.length > 200 ? '……' : ''}”`;
}

function listFiles(files: readonly string[]): string {
  return files.length > 0 ? `（见附件：${files.join('、')}）` : '';
}

/** The legal basis and the decision of each outcome row. */
function grounds(input: AnswerLetterInput): { basis: string; decision: string } {
  const files = listFiles(input.files);
  const refuse = (article: string, why: string) => ({
    basis: `${REG}${article}、第三十六条第（三）项`,
    decision: `经审查，您申请公开的信息${why}，根据${REG}${article}的规定，本机关决定不予公开。`,
  });
  switch (input.outcome) {
    case '3.1':
      return {
        basis: `${REG}第三十六条第（二）项、第四十条`,
        decision: `经审查，您申请公开的信息属于可以公开的政府信息，本机关决定予以公开，现向您提供${files || '该政府信息'}。`,
      };
    case '3.2':
      return {
        basis: `${REG}第三十七条、第三十六条第（二）项、第（三）项`,
        decision: `经审查，您申请公开的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。本机关决定向您提供可以公开的部分${files}，其余部分不予公开。`,
      };
    case '3.3.1':
      return refuse('第十四条', '属于国家秘密');
    case '3.3.2':
      return refuse('第十四条', '属于法律、行政法规禁止公开的政府信息');
    case '3.3.3':
      return refuse('第十四条', '公开后可能危及国家安全、公共安全、经济安全、社会稳定');
    case '3.3.4':
      return refuse('第十五条', '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，且第三方不同意公开');
    case '3.3.5':
      return refuse('第十六条第一款', '属于人事管理、后勤管理、内部工作流程等内部事务信息');
    case '3.3.6':
      return refuse('第十六条第二款', '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息');
    case '3.3.7':
      return refuse('第十六条第二款', '属于行政执法案卷信息');
    case '3.3.8':
      return {
        basis: `${REG}第三十六条第（七）项`,
        decision: `经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请按照有关规定办理。`,
      };
    case '3.4.1':
      return {
        basis: `${REG}第三十六条第（四）项、第（五）项`,
        decision: `经检索，本机关未制作或者获取您申请公开的政府信息，该政府信息不存在；如该信息由其他机关负责公开，请向负责公开的机关申请。`,
      };
    case '3.4.2':
      return {
        basis: `${REG}第三十八条`,
        decision: `经审查，您申请公开的信息需要本机关对现有政府信息进行加工、分析，本机关没有现成信息，依法不予提供。`,
      };
    case '3.4.3':
      return {
        basis: `${REG}第三十条`,
        decision: `本机关已告知您补正申请，您补正后的申请内容仍不明确，本机关无法确定您申请公开的政府信息，依法无法提供。`,
      };
    case '3.5.1':
      return {
        basis: `${REG}第三十九条第一款`,
        decision: `经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道提出。`,
      };
    case '3.5.2':
      return {
        basis: `${REG}第三十六条第（六）项`,
        decision: `经审查，本机关已就您申请公开的政府信息作出答复，您重复申请公开相同政府信息，本机关不予重复处理。`,
      };
    case '3.5.3':
      return {
        basis: `${REG}第三十九条第二款`,
        decision: `经审查，您申请获取的是公开出版物，请通过公开出版物的获取渠道查阅或者购买，本机关不予处理。`,
      };
    case '3.5.4':
      return {
        basis: `${REG}第三十五条`,
        decision: `经审查，您申请公开政府信息的数量、频次明显超过合理范围，且未能说明理由或者理由不合理，本机关不予处理。`,
      };
    case '3.5.5':
      return {
        basis: `${REG}第二条、第三十六条`,
        decision: `经审查，您要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。`,
      };
    case '3.6.1':
      return {
        basis: `${REG}第三十条`,
        decision: `本机关已书面告知您补正申请并给予合理的补正期限，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      };
    case '3.6.2':
      return {
        basis: `${REG}第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`,
        decision: `本机关已向您发出收费通知，您逾期未按收费通知要求缴纳费用，本机关不再处理该政府信息公开申请。`,
      };
    case '3.6.3':
      return { basis: REG, decision: '本机关对您的申请作如下处理：（请填写处理决定）' };
  }
}

/** The 答复书 draft for an outcome. */
export function generateAnswerLetter(input: AnswerLetterInput): AnswerLetter {
  const { basis, decision } = grounds(input);
  const facts = [
    `本机关于${chineseDate(input.receivedOn ?? input.submittedOn)}收到您通过网上申请提交的政府信息公开申请（申请编号：${input.trackingCode}），申请公开${requested(input.request)}。`,
    input.supplement
      ? `本机关于${chineseDate(input.supplement.requestedOn)}告知您补正申请${input.supplement.receivedOn ? `，于${chineseDate(input.supplement.receivedOn)}收到您的补正` : ''}。`
      : '',
  ].join('');
  return {
    title: '政府信息公开申请答复书',
    docNo: `${input.agency}依申请公开〔${input.answeredOn.slice(0, 4)}〕${input.trackingCode.replace(/^YS-/, '')}号`,
    applicantName: input.applicantName,
    facts,
    legalBasis: basis,
    decision,
    remedies:
      '如对本答复不服，可以自知道该行政行为之日起六十日内依法申请行政复议，' +
      '或者自知道或者应当知道作出行政行为之日起六个月内依法向人民法院提起行政诉讼。',
    issuer: input.agency,
    date: chineseDate(input.answeredOn),
  };
}

/** The letter as plain text, for download and print: every element in the norm's order. */
export function answerLetterText(letter: AnswerLetter): string {
  return [
    letter.title,
    letter.docNo,
    '',
    `${letter.applicantName}：`,
    `　　${letter.facts}`,
    `　　根据${letter.legalBasis}的规定，现答复如下：`,
    `　　${letter.decision}`,
    `　　${letter.remedies}`,
    '',
    letter.issuer,
    letter.date,
    '',
  ].join('\r\n');
}

/** Each element present and non-empty: the norm's check before a letter is issued. */
export const ANSWER_LETTER_FIELDS = [
  'title',
  'docNo',
  'applicantName',
  'facts',
  'legalBasis',
  'decision',
  'remedies',
  'issuer',
  'date',
] as const;
