// Headless Debian Chromium via playwright-core (no browser download), with the flags this
// closed network needs (no background connections). The profile directory is removed on close.
import {chromium} from 'playwright-core';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** Launches Chromium; `extraArgs` add flags (the e2e tests give it a fake camera). */
export async function launch(extraArgs = []) {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const userDataDir = await mkdtemp(join(tmpdir(), 'verity-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs],
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    await rm(userDataDir, {recursive: true, force: true});
  };
  return context;
}
