/** What every integration app shows: an office's contact card and a two-item directory, both given as `data`. */
import type { ContactInfo, DisclosureItem } from 'zwgk-kit';

export const office: ContactInfo = { agency: '集成测试市人民政府办公室', phone: '0591-12345678', address: '集成路1号' };

export const items: DisclosureItem[] = [
  {
    id: 'a',
    indexNo: '000-2025-001',
    title: '2025年财政预算公开',
    url: '/a',
    publisher: '集成测试市财政局',
    category: '财政\\预算',
    publishedAt: '2025-01-10',
  },
  {
    id: 'b',
    indexNo: '000-2025-002',
    title: '道路建设项目批复',
    url: '/b',
    publisher: '集成测试市发展改革委',
    category: '城乡建设',
    publishedAt: '2025-02-20',
  },
];
