/**
 * Helpers for driving the server from tests and the benchmark: valid sample
 * bodies and an ALTCHA solver (for challenges of `test` complexity it takes
 * milliseconds).
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/sha';
import type { ApplicationRequest } from '../api/types/application.js';
import type { FeedbackRequest } from '../api/types/feedback.js';

/** A valid application of a natural person (the ID number is GB 11643's own sample). */
export function sampleApplication(overrides: Partial<ApplicationRequest> = {}): ApplicationRequest {
  return {
    agency: '福建省商务厅',
    applicant: { type: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13912345678' },
    request: { title: '福建省商务厅2020年政务公开工作要点', docNo: '闽商务〔2020〕76号' },
    delivery: { formats: ['electronic'], methods: ['pickup'] },
    attachments: [],
    ...overrides,
  };
}

/** A valid application of an organisation of the given annual-report column. */
export function sampleOrganizationApplication(
  orgType: 'commercial' | 'research' | 'social-welfare' | 'legal-services' | 'other',
  phone = '0591-87270308',
): ApplicationRequest {
  return sampleApplication({
    applicant: {
      type: 'organization',
      orgType,
      name: '福州示例贸易有限公司',
      creditCode: '91350100M000100Y43',
      legalRepresentative: '李四',
      contactName: '王五',
      phone,
    },
  });
}

/** Solves a challenge from `GET /feedback/challenge` and returns the `proof` to send. */
export async function solveProof(challenge: Challenge): Promise<string> {
  const deriveKey = challenge.parameters.algorithm.startsWith('PBKDF2') ? pbkdf2 : sha;
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) throw new Error('ALTCHA challenge not solved in time');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** A valid letter; `proof` still has to be filled in. */
export function sampleLetter(overrides: Partial<FeedbackRequest> = {}): FeedbackRequest {
  return {
    category: 'consult',
    subject: '关于政府信息公开指南的咨询',
    message: '请问贵厅的政府信息公开指南在哪里可以查阅？',
    name: '陈明',
    phone: '13700001111',
    email: 'chenming@example.com',
    publish: true,
    proof: '',
    ...overrides,
  };
}
