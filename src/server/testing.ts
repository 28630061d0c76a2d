/**
 * Helpers for driving the server from tests and the benchmark: valid sample
 * bodies and an ALTCHA solver (for challenges of `test` complexity it takes
 * milliseconds).
 */
import { crc32 } from 'node:zlib';
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

/** A small well-formed PDF (one empty page): header, objects, cross-reference table, trailer. `extra` goes into the catalog. */
export function samplePdf(extra = ''): Uint8Array<ArrayBuffer> {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${extra}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A well-formed PNG of about `size` bytes (its image data is not meant to be decoded). */
export function samplePng(size = 64): Uint8Array<ArrayBuffer> {
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const data = new Uint8Array(Math.max(1, size - 57));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', data),
    pngChunk('IEND', new Uint8Array()),
  ]);
  return new Uint8Array(png);
}

/** A well-formed JPEG's segment structure: SOI, APP0, a frame, a scan, EOI. */
export function sampleJpeg(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
    0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9,
  ]);
}
