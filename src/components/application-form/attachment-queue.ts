/**
 * The identity-proof files of the application form: each checked before it goes anywhere (type by its
 * first bytes, size), uploaded with progress under its own Idempotency-Key, retried or removed. Held by
 * the form, which it asks to re-render (it has no lifecycle of its own); the form decides what the
 * queue's state means for sending.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { ApiError } from '../../api/client.js';
import { newIdempotencyKey } from '../../api/idempotency.js';
import { uploadAttachment } from '../../api/upload.js';
import { ATTACHMENT_SNIFF_BYTES, checkAttachment, fileSizeText } from '../../core/application/attachment.js';
import { APPLICATION_LIMITS } from '../../core/validate/application.js';
import { describeLoadError } from '../base/states.js';
import type { Attachment, AttachmentsView } from './parts.js';

export interface AttachmentQueueOptions {
  /** `{api-base}/attachments` */
  uploadUrl: () => string;
  language: () => string;
  localize: <T>(fn: () => T) => T;
  announce: (text: string) => void;
  /** Files were refused before upload (the reasons in words), or none of those just added was (empty). */
  refused: (reasons: readonly string[]) => void;
  /** A file finished uploading, or was removed: what is kept (the draft) may change. */
  changed: (how: 'uploaded' | 'removed') => void;
}

export class AttachmentQueue {
  attachments: Attachment[] = [];
  /** names of files from a restored draft, to be added again (their contents were not kept) */
  reattach: string[] = [];
  /** a file is dragged over the drop zone */
  dragging = false;
  private counter = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AttachmentQueueOptions,
  ) {}

  /** The server's ids of the files uploaded, to send with the application. */
  uploadedIds(): string[] {
    return this.attachments.filter((a) => a.status === 'done' && a.id).map((a) => a.id!);
  }

  /** The names of the files uploaded (the review lists them; a draft keeps them to ask for again). */
  uploadedNames(): string[] {
    return this.attachments.filter((a) => a.status === 'done').map((a) => a.name);
  }

  /** What still stands in the way of sending: a file on its way, or one that failed. */
  pending(): 'uploading' | 'failed' | undefined {
    if (this.attachments.some((a) => a.status === 'uploading')) return 'uploading';
    if (this.attachments.some((a) => a.status === 'failed')) return 'failed';
    return undefined;
  }

  /** What the attachments field shows, with its `error`, and what its controls do. */
  view(error: string | undefined): AttachmentsView {
    return {
      attachments: this.attachments,
      reattach: this.reattach,
      ...(error ? { error } : {}),
      dragging: this.dragging,
      onFilesChosen: this.onFilesChosen,
      onDragOver: this.onDragOver,
      onDragLeave: this.onDragLeave,
      onDrop: this.onDrop,
      onRetry: (attachment) => void this.upload(attachment),
      onRemove: (attachment) => this.remove(attachment),
    };
  }

  /** Empties the queue (everything cleared), or starts it with the names of a restored draft's files. */
  reset(reattach: string[] = []): void {
    this.attachments = [];
    this.reattach = reattach;
    this.host.requestUpdate();
  }

  readonly onFilesChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    void this.add([...(input.files ?? [])]);
    input.value = '';
  };

  readonly onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.setDragging(false);
    void this.add([...(event.dataTransfer?.files ?? [])]);
  };

  readonly onDragOver = (event: DragEvent): void => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.setDragging(true);
  };

  readonly onDragLeave = (): void => this.setDragging(false);

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  /** Checks each file before it goes anywhere, then uploads the good ones. */
  async add(files: File[]): Promise<void> {
    const refused: string[] = [];
    for (const file of files) {
      if (this.attachments.length >= APPLICATION_LIMITS.attachments) {
        refused.push(this.options.localize(() => msg(str`最多只能添加${APPLICATION_LIMITS.attachments}个附件，“${file.name}”没有添加。`)));
        continue;
      }
      const head = new Uint8Array(await file.slice(0, ATTACHMENT_SNIFF_BYTES).arrayBuffer());
      const check = checkAttachment(file, head);
      if (!check.ok) {
        refused.push(
          this.options.localize(() =>
            check.reason === 'too-large'
              ? msg(str`“${file.name}”有${fileSizeText(file.size)}，超过了10 MB，无法上传。请压缩或分成几个文件。`)
              : check.reason === 'empty'
                ? msg(str`“${file.name}”是空文件，无法上传。`)
                : msg(str`“${file.name}”不是PDF、JPG或PNG文件，无法上传。`),
          ),
        );
        continue;
      }
      const attachment: Attachment = {
        key: ++this.counter,
        name: file.name,
        size: file.size,
        status: 'uploading',
        progress: 0,
        file,
        idempotencyKey: newIdempotencyKey(),
      };
      this.attachments = [...this.attachments, attachment];
      this.reattach = this.reattach.filter((name) => name !== file.name);
      void this.upload(attachment);
    }
    this.options.refused(refused);
    this.host.requestUpdate();
  }

  private patch(key: number, patch: Partial<Attachment>): void {
    this.attachments = this.attachments.map((a) => (a.key === key ? { ...a, ...patch } : a));
    this.host.requestUpdate();
  }

  /** Uploads `attachment` (again, after a failure: under the same key, so the server keeps one copy). */
  async upload(attachment: Attachment): Promise<void> {
    this.patch(attachment.key, { status: 'uploading', progress: 0, failure: undefined });
    try {
      const receipt = await uploadAttachment(this.options.uploadUrl(), attachment.file, {
        idempotencyKey: attachment.idempotencyKey,
        language: this.options.language(),
        onProgress: (fraction) => this.patch(attachment.key, { progress: fraction }),
      });
      if (!this.attachments.some((a) => a.key === attachment.key)) return; // removed meanwhile
      this.patch(attachment.key, { status: 'done', progress: 1, id: receipt.id });
      this.options.announce(this.options.localize(() => msg(str`已上传：${attachment.name}`)));
      this.options.changed('uploaded');
    } catch (error) {
      const failure = error instanceof ApiError ? this.failureText(error) : String(error);
      this.patch(attachment.key, { status: 'failed', failure });
      this.options.announce(this.options.localize(() => msg(str`上传没有成功：${attachment.name}。${failure}`)));
    }
  }

  private failureText(error: ApiError): string {
    return this.options.localize(() => {
      if (error.status === 413) return msg('文件超过了10 MB。');
      if (error.status === 415) return msg('文件不是PDF、JPG或PNG格式。');
      const { title, advice } = describeLoadError(error);
      return [title, advice].join(this.options.language() === 'en' ? '. ' : '。');
    });
  }

  remove(attachment: Attachment): void {
    this.attachments = this.attachments.filter((a) => a.key !== attachment.key);
    this.options.announce(this.options.localize(() => msg(str`已删除附件：${attachment.name}`)));
    this.options.changed('removed');
    this.host.requestUpdate();
  }
}
