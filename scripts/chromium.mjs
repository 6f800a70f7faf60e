#!/usr/bin/env node
// Debian's Chromium for the viewer tests and the viewer benchmark.
//   node scripts/chromium.mjs ensure   installs it when /usr/bin/chromium is missing (idempotent)
//   node scripts/chromium.mjs path     prints the executable path
// The tests launch it through playwright-core with CHROMIUM_FLAGS (exported by test/viewer/browser.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(cmd, args) {
  console.log(`chromium: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.error) throw new Error(`chromium: cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`chromium: '${cmd} ${args.join(' ')}' failed (exit ${r.status}).`);
}

function ensure() {
  if (existsSync(CHROMIUM_PATH)) {
    console.log(`chromium: ${CHROMIUM_PATH} is there.`);
    return;
  }
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `chromium: ${CHROMIUM_PATH} is missing and this is not a Debian system. Install Chromium and set CHROMIUM_PATH to its executable.`,
    );
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`chromium: ${CHROMIUM_PATH} is missing. Run 'sudo apt-get install -y chromium' (needs root).`);
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']);
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`chromium: installed the package but ${CHROMIUM_PATH} is still missing.`);
  console.log(`chromium: installed ${CHROMIUM_PATH}.`);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const cmd = process.argv[2] ?? 'ensure';
  try {
    if (cmd === 'ensure') ensure();
    else if (cmd === 'path') console.log(CHROMIUM_PATH);
    else throw new Error(`chromium: unknown command '${cmd}'. Expected 'ensure' or 'path'.`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
