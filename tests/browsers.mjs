// Where the end-to-end tests find real browsers, and a clear message when one is missing.
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: {
    env: 'CHROMIUM_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    install: 'sudo apt-get install -y chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    install: 'sudo apt-get install -y firefox-esr',
  },
};

/** The browser's executable path, or throws saying how to get one. */
export function browserPath(name) {
  const spec = BROWSERS[name];
  const fromEnv = process.env[spec.env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${spec.env}=${fromEnv} does not exist. Point it at a ${name} executable, or unset it.`);
  }
  const found = spec.paths.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `${name} was not found (looked in ${spec.paths.join(', ')}). Install it with \`${spec.install}\`, ` +
      `or set ${spec.env} to its executable.`,
  );
}
