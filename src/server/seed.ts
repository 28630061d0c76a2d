/**
 * Demo data: the contact card of 福建省商务厅, the sample annual reports, the
 * directory (real documents named in its 2020 report plus generated ones)
 * and a few letters with replies. Letters are written to storage once.
 */
import type { ContactInfo } from '../api/types/contact.js';
import type { DisclosureItem } from '../api/types/directory.js';
import type { FeedbackCategory } from '../api/types/feedback.js';
import type { AnnualReport } from '../api/types/report.js';
import { addWorkingDays, todayInChina } from '../core/calendar/index.js';
import { FUJIAN_COMMERCE_2020_DOCUMENTS } from '../core/directory/fixtures.js';
import { generateDisclosureItems } from '../core/directory/generate.js';
import { fujianCommerce2020, pingtan2023, pingtan2024 } from '../core/report/fixtures/index.js';
import { phoneDigits } from './codes.js';
import type { Storage } from './storage/types.js';

/** The demo agency's disclosure office, as its 2020 annual report gives it. */
export const DEMO_CONTACT: ContactInfo = { agency: '福建省商务厅', ...fujianCommerce2020.contact };

export const DEMO_REPORTS: AnnualReport[] = [pingtan2024, pingtan2023, fujianCommerce2020];

export function demoDirectoryItems(generated = 400): DisclosureItem[] {
  return [...FUJIAN_COMMERCE_2020_DOCUMENTS, ...generateDisclosureItems(generated, 2020)];
}

/** Sample letters (fictional writers). Their query codes and phone let the demo look them up. */
export const DEMO_LETTERS: {
  queryCode: string;
  category: FeedbackCategory;
  subject: string;
  message: string;
  reply: string;
  publish: boolean;
  daysAgo: number;
}[] = [
  {
    queryCode: 'DEMQ2SAMP2',
    category: 'consult',
    subject: '网上申请政府信息公开多久能答复',
    message: '您好，我在网上提交了政府信息公开申请，想了解一般多长时间可以收到答复，期间能否查询办理进度？',
    reply:
      '您好！根据《中华人民共和国政府信息公开条例》第三十三条，不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。您可凭申请编号和联系电话在线查询办理进度。',
    publish: true,
    daysAgo: 40,
  },
  {
    queryCode: 'DEMQ3SAMP3',
    category: 'suggest',
    subject: '建议政府信息公开目录支持按文号检索',
    message: '查找文件时经常只记得文号，建议目录检索能直接输入文号查找。',
    reply: '感谢您的建议。政府信息公开目录现已支持按标题、文号和索引号检索，输入“闽商务〔2020〕76号”等文号即可查到对应文件。',
    publish: true,
    daysAgo: 25,
  },
  {
    queryCode: 'DEMQ4SAMP4',
    category: 'consult',
    subject: '政府信息公开申请是否收费',
    message: '请问申请政府信息公开需要缴纳费用吗？',
    reply:
      '您好！依申请提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以依照《政府信息公开信息处理费管理办法》收取信息处理费。',
    publish: true,
    daysAgo: 12,
  },
  {
    queryCode: 'DEMQ5SAMP5',
    category: 'other',
    subject: '关于个人申请材料的补充说明',
    message: '我上周提交的申请中联系地址有误，想更正为新的地址。',
    reply: '您好！已按您提供的新地址更新了联系信息，答复材料将寄往新地址。',
    publish: false,
    daysAgo: 8,
  },
];

export const DEMO_LETTER_PHONE = '13800000000';

/** Writes the sample letters once per database (a restart or a second instance does not repeat it). */
export async function seedDemoLetters(storage: Storage, now: Date, department = DEMO_CONTACT.agency): Promise<boolean> {
  return storage.seedOnce('demo-letters-v1', async () => {
    const today = todayInChina(now);
    for (const letter of DEMO_LETTERS) {
      const receivedAt = new Date(now.getTime() - letter.daysAgo * 86_400_000);
      const receivedOn = todayInChina(receivedAt);
      let repliedOn = addWorkingDays(receivedOn, 3);
      if (repliedOn > today) repliedOn = today;
      await storage.createFeedback(
        { scope: 'feedback', key: `demo-seed-${letter.queryCode}`, hash: letter.queryCode },
        {
          queryCode: letter.queryCode,
          publicId: `demo-${letter.queryCode.toLowerCase()}`,
          category: letter.category,
          subject: letter.subject,
          message: letter.message,
          name: '示例来信人',
          phone: DEMO_LETTER_PHONE,
          phoneDigits: phoneDigits(DEMO_LETTER_PHONE),
          email: null,
          publish: letter.publish,
          withheld: false,
          status: 'replied',
          receivedAt: receivedAt.toISOString(),
          receivedOn,
          reply: letter.reply,
          replyDepartment: department,
          repliedOn,
          rating: null,
          ratedAt: null,
        },
        { status: 201, body: { queryCode: letter.queryCode, status: 'received' } },
        { id: `demo-seed-${letter.queryCode}`, expiresAt: new Date(now.getTime() + 60_000) },
      );
    }
  });
}
