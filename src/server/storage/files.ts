/**
 * Attachment bodies as files: written through libuv's thread pool, never
 * through PGlite, which runs on the main thread and froze every request for
 * seconds on a 10 MiB bytea insert. Each file is written to a temporary
 * name, fsynced and renamed, so a file under its final name is complete.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, open, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FileStore {
  write(id: string, content: Uint8Array): Promise<void>;
  read(id: string): Promise<Uint8Array | null>;
  remove(id: string): Promise<void>;
  /** Removes the store's own temporary directory, if it made one. */
  close(): Promise<void>;
}

/** Attachment ids are UUIDs; anything else never becomes a path. */
const SAFE_ID = /^[0-9a-zA-Z-]{1,64}$/;

export async function diskFileStore(directory: string | 'temporary'): Promise<FileStore> {
  const temporary = directory === 'temporary';
  const dir = temporary ? await mkdtemp(join(tmpdir(), 'zwgk-files-')) : directory;
  await mkdir(dir, { recursive: true });
  const pathOf = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error(`Not an attachment id: ${id}`);
    return join(dir, id);
  };
  return {
    async write(id, content) {
      const final = pathOf(id);
      const partial = join(dir, `.partial-${randomUUID()}`);
      const handle = await open(partial, 'wx');
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, final);
    },
    async read(id) {
      return readFile(pathOf(id)).then(
        (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        },
      );
    },
    remove: (id) => rm(pathOf(id), { force: true }),
    close: async () => {
      if (temporary) await rm(dir, { recursive: true, force: true });
    },
  };
}
