import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
// python3's zipfile reads the archives (it is on every machine of this project; unzip may not be).
const zipPy = (zip: string, code: string) =>
  execFileSync('python3', ['-c', `import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\n${code}`, resolve(ROOT, '.output', zip)], {
    encoding: 'utf8',
  });
const list = (zip: string) => zipPy(zip, "print('\\n'.join(z.namelist()))").trim().split('\n');

it.each(['chrome', 'firefox'])('the %s store zip holds the manifest, icons and three locales', (browser) => {
  const files = list(`carbon-account-${version}-${browser}.zip`);
  expect(files).toContain('manifest.json');
  for (const size of [16, 32, 48, 128]) expect(files).toContain(`icon/${size}.png`);
  for (const locale of ['en', 'zh_CN', 'ja']) expect(files).toContain(`_locales/${locale}/messages.json`);
  const manifest = JSON.parse(zipPy(`carbon-account-${version}-${browser}.zip`, "print(z.read('manifest.json').decode())"));
  expect(manifest.icons).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' });
});

it('the Firefox sources zip can rebuild the add-on and holds nothing generated or private', () => {
  const files = list(`carbon-account-${version}-sources.zip`);
  for (const f of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'entrypoints/background.ts']) {
    expect(files).toContain(f);
  }
  expect(files.filter((f) => /^(node_modules|\.output|\.wxt|test-results|demo-output)\//.test(f))).toEqual([]);
});

it.each(['en', 'zh_CN', 'ja'])('store name and description exist in %s', (locale) => {
  const messages = JSON.parse(readFileSync(resolve(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8'));
  expect(messages.extName.message.length).toBeGreaterThan(0);
  expect(messages.extName.message.length).toBeLessThanOrEqual(75);
  expect(messages.extDescription.message.length).toBeGreaterThan(0);
  expect(messages.extDescription.message.length).toBeLessThanOrEqual(132);
});
