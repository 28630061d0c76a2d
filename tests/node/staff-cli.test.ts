// `npm run staff`: accounts from the command line on the storage of `npm run serve` (a PGlite data directory here).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStorage } from '../../src/server/storage/index.js';
import { verifyPassword } from '../../src/server/staff/passwords.js';

let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'zwgk-staff-cli-'));
});
after(() => rm(dataDir, { recursive: true, force: true }));

function staff(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/staff/cli.ts', ...args], {
    env: { ...process.env, ZWGK_DATA_DIR: dataDir, DATABASE_URL: '' },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('add prints a generated password once; --password-stdin reads it; --reset-password replaces it; bad input exits 2', async () => {
  const added = staff(['add', '王经办', '--role', 'clerk']);
  assert.equal(added.code, 0, added.err);
  const generated = /password: (\S+)/.exec(added.out)?.[1];
  assert.ok(generated && generated.length >= 20);

  const chosen = staff(['add', 'head1', '--role', 'head', '--password-stdin'], 'a-chosen-password\n');
  assert.equal(chosen.code, 0, chosen.err);
  assert.ok(!chosen.out.includes('a-chosen-password'), 'a password read from stdin is never printed');

  const reset = staff(['--reset-password', '王经办']);
  assert.equal(reset.code, 0, reset.err);
  const replaced = /password: (\S+)/.exec(reset.out)?.[1];
  assert.ok(replaced && replaced !== generated);

  assert.equal(staff(['add', 'x', '--role', 'boss']).code, 2);
  assert.equal(staff(['add', 'head1', '--role', 'head']).code, 2, 'a name is taken once');
  assert.equal(staff(['add', 'short', '--role', 'clerk', '--password-stdin'], 'short\n').code, 2, 'too short a password');
  assert.equal(staff(['--reset-password', 'nobody']).code, 2);
  assert.match(staff(['list']).out, /head1\thead/);

  const storage = await openStorage({ dataDir });
  try {
    const clerk = await storage.findStaffUserByName('王经办');
    assert.equal(clerk?.role, 'clerk');
    assert.ok(await verifyPassword(replaced!, clerk!.passwordHash));
    assert.ok(!(await verifyPassword(generated!, clerk!.passwordHash)));
    assert.ok(await verifyPassword('a-chosen-password', (await storage.findStaffUserByName('head1'))!.passwordHash));
  } finally {
    await storage.close();
  }
});
