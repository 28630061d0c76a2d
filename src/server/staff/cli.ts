/**
 * `npm run staff -- …`: staff accounts from the command line, on the same
 * storage as `npm run serve` (DATABASE_URL, else ZWGK_DATA_DIR, default ./.data).
 *
 *   npm run staff -- add <name> --role clerk|head|admin [--password-stdin]
 *   npm run staff -- --reset-password <name> [--password-stdin]
 *   npm run staff -- list
 *
 * Without --password-stdin a password is generated and printed once; with it,
 * the first line of standard input is the password (nothing is echoed).
 * A PGlite data directory is one process's: stop the server first.
 */
import { parseArgs } from 'node:util';
import { STAFF_ROLES } from '../../api/types/staff.js';
import { storageConfigFromEnv } from '../env-storage.js';
import { openStorage } from '../storage/index.js';
import { AccountError, addStaffAccount, isStaffRole, resetStaffPassword } from './accounts.js';

const USAGE = `usage:
  npm run staff -- add <name> --role ${STAFF_ROLES.join('|')} [--password-stdin]
  npm run staff -- --reset-password <name> [--password-stdin]
  npm run staff -- list`;

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        'reset-password': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command, name, ...rest] = positionals;
if (rest.length > 0) fail(USAGE);
const resetName = values['reset-password'] ?? (command === 'reset-password' ? name : undefined);
if (!resetName && command !== 'add' && command !== 'list') fail(USAGE);
if (command === 'add' && (!name || !isStaffRole(values.role))) fail(`add needs a name and --role ${STAFF_ROLES.join('|')}\n${USAGE}`);

const password = values['password-stdin'] ? await readStdinLine() : undefined;
const storage = await openStorage(storageConfigFromEnv()).catch((error: unknown) =>
  fail(`Could not open the storage: ${(error as Error).message}`),
);
try {
  if (command === 'list') {
    for (const user of await storage.listStaffUsers()) console.log(`${user.name}\t${user.role}${user.disabled ? '\tdisabled' : ''}`);
  } else {
    const { record, generatedPassword } = resetName
      ? await resetStaffPassword(storage, resetName, password)
      : await addStaffAccount(storage, { name: name!, role: values.role as (typeof STAFF_ROLES)[number], password });
    console.log(`${resetName ? 'password reset for' : 'added'} ${record.name} (${record.role})`);
    if (generatedPassword) console.log(`password: ${generatedPassword}`);
  }
} catch (error) {
  if (error instanceof AccountError) {
    await storage.close();
    fail(error.message);
  }
  throw error;
} finally {
  await storage.close().catch(() => undefined);
}
