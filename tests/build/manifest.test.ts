import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { originPatterns } from '../../src/platforms/hosts';
import { PLATFORMS } from '../../src/platforms/index';

const OUT = resolve(import.meta.dirname, '../../.output');
const manifest = (dir: string) => JSON.parse(readFileSync(join(OUT, dir, 'manifest.json'), 'utf8'));
const allOrigins = PLATFORMS.flatMap(originPatterns).sort();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe.each(['chrome-mv3', 'firefox-mv3'])('store build %s', (dir) => {
  const m = manifest(dir);

  it('is Manifest V3 with no host access until the user links a platform', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions).toBeUndefined();
    expect(m.content_scripts).toBeUndefined();
    // Every platform's origins, plus the one pattern that lets the user add a shop by address.
    expect([...m.optional_host_permissions].sort()).toEqual([...allOrigins, 'https://*/*'].sort());
  });

  it('opens the options page in a tab', () => {
    expect(m.options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });
  });

  it('asks only for the permissions the product uses, and nothing reaches in from outside', () => {
    expect([...m.permissions].sort()).toEqual(['alarms', 'scripting', 'storage', 'unlimitedStorage']);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.content_security_policy).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('contains no eval, new Function or remote script', () => {
    for (const file of files(join(OUT, dir)).filter((f) => /\.(js|html)$/.test(f))) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(/);
      expect(code, file).not.toMatch(/<script[^>]+src=["']https?:/);
      expect(code, file).not.toMatch(/import\(["']https?:/);
    }
  });

  it('bundles the polyfill for its pages and background, not into the content script', () => {
    // The polyfill's own guard, present wherever it is bundled.
    const polyfilled = (file: string) => readFileSync(file, 'utf8').includes('This script should only be loaded in a browser extension');
    const scripts = files(join(OUT, dir)).filter((f) => f.endsWith('.js'));
    expect(polyfilled(join(OUT, dir, 'content-scripts/checkout.js'))).toBe(false);
    expect(scripts.filter(polyfilled).length).toBeGreaterThan(0);
  });
});

it('the Firefox build names its add-on id and declares it collects no data', () => {
  const gecko = manifest('firefox-mv3').browser_specific_settings.gecko;
  expect(gecko.id).toMatch(/@/);
  expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(manifest('chrome-mv3').browser_specific_settings).toBeUndefined();
});

it.each(['e2e/chrome-mv3', 'e2e/firefox-mv3'])('the e2e build %s starts with every platform (and one test shop) granted', (dir) => {
  expect([...manifest(dir).host_permissions].sort()).toEqual([...allOrigins, 'https://greenbowl.example/*'].sort());
});
