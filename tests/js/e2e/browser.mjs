// Headless Debian Chromium via playwright-core (no browser download), with the flags this
// closed network needs (no background connections).
import {chromium} from 'playwright-core';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export async function launch() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const userDataDir = await mkdtemp(join(tmpdir(), 'verity-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
