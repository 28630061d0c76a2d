/**
 * `POST {api-base}/attachments` with upload progress. fetch() cannot report
 * how much of a request body has been sent, so this one request uses
 * XMLHttpRequest; it fails with the same ApiError kinds as requestJson().
 */
import { ApiError, parseProblem } from './client.js';
import type { AttachmentReceipt } from './types/application.js';

export interface UploadOptions {
  idempotencyKey: string;
  /** 0–1, as the bytes go out */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** default 2 minutes: a 10 MB file on a slow mobile connection */
  timeoutMs?: number;
  language?: string;
}

export function uploadAttachment(url: string, file: File, options: UploadOptions): Promise<AttachmentReceipt> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.timeout = options.timeoutMs ?? 120_000;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Idempotency-Key', options.idempotencyKey);
    if (options.language) xhr.setRequestHeader('Accept-Language', options.language);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        let receipt: Partial<AttachmentReceipt> | undefined;
        try {
          receipt = JSON.parse(xhr.responseText) as Partial<AttachmentReceipt>;
        } catch {
          receipt = undefined;
        }
        if (receipt && typeof receipt.id === 'string') resolve(receipt as AttachmentReceipt);
        else reject(new ApiError('malformed', 'The upload answer has no attachment id.', xhr.status));
        return;
      }
      const problem = parseProblem(xhr.responseText, xhr.status);
      reject(new ApiError('http', problem?.detail ?? problem?.title ?? `HTTP ${xhr.status}`, xhr.status, problem));
    };
    xhr.onerror = () => reject(new ApiError('network', 'The upload could not reach the server.'));
    xhr.ontimeout = () => reject(new ApiError('timeout', 'The upload took too long.'));
    xhr.onabort = () => reject(new ApiError('aborted', 'The upload was cancelled.'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
