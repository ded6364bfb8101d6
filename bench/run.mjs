// `npm run bench`: what users feel, measured in real Chromium (headless) against the built
// extension. Every figure is a median of repeated runs; every target is a ratio within this run.
// Writes bench/results.json and prints a table; exits non-zero when a target fails.
// (A smoke run writes .output/bench-smoke.json instead, so `npm test` keeps the last full results.)
// `--smoke` runs tiny sizes and checks no targets (npm test runs it so the bench cannot rot).
// `--load` runs only the rows a page pays for (sizes and page loads), for iterating on them; it
// writes .output/bench-load.json.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { browserPath } from '../tests/browsers.mjs';
import { checkoutPage } from './pages.mjs';

/** Where the build puts the full checkout content script (src/background/registration.ts). */
const CHECKOUT_SCRIPT = 'content-scripts/checkout.js';

const ROOT = resolve(import.meta.dirname, '..');
const smoke = process.argv.includes('--smoke');
const loadOnly = process.argv.includes('--load');
const SIZES = smoke ? { small: 200, large: 2_000 } : { small: 2_000, large: 20_000 };
const RUNS = smoke ? 3 : 25;
const LOAD_RUNS = smoke ? 2 : 25;
const POPUP_RUNS = smoke ? 2 : 15;
/** Accounts the popup is opened on, seeded one after the other through the ledger's bulk path. */
const ACCOUNTS = smoke ? [0, 100, 1_000] : [0, 1_000, 100_000, 1_000_000];
const THROUGHPUT_ACTIONS = smoke ? 1_000 : 20_000;
const IMPORT_ACTIONS = smoke ? 1_000 : 100_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function sh(cmd, args, env = {}) {
  const run = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

/** Bundles one of the benchmark's entries (the product's own modules) into a script for a page. */
async function bundle(entry) {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: resolve(ROOT, entry), formats: ['iife'], name: 'carbonBenchBundle' } },
  });
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}

/**
 * The store build plus one blank page (the floor for opening an extension page), in two
 * Chromium profiles: one stays an empty account, the other is seeded from its blank page through
 * the product's bulk record path. After each seeding both browsers are started again, so the
 * popup is opened as a shopper opens it, on a profile written long ago; then the two take turns
 * opening it. Timed one after the other, the seeded popup was charged with whatever the machine
 * was still doing after writing hundreds of megabytes: the 1,000,000-action popup measured 0.88×
 * to 1.59× the empty one over six runs; side by side in turns they differ by what the data costs.
 */
async function popupFigures() {
  const dir = resolve(ROOT, '.output/bench/chrome-mv3');
  rmSync(dir, { recursive: true, force: true });
  cpSync(resolve(ROOT, '.output/chrome-mv3'), dir, { recursive: true });
  writeFileSync(resolve(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p>\n');
  const profiles = { empty: mkdtempSync(resolve(tmpdir(), 'carbon-bench-empty-')), seeded: mkdtempSync(resolve(tmpdir(), 'carbon-bench-')) };
  const ledgerCode = await bundle('bench/ledger-entry.ts');

  /** The browser on a bench profile, with a blank extension page holding the ledger bundle. */
  async function launch(profile) {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: browserPath('chromium'),
      headless: true,
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    });
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(sw.url()).host}`;
    const seeder = await context.newPage();
    await seeder.goto(`${origin}/blank.html`);
    // Runtime.evaluate is not bound by the extension page's CSP, unlike a <script> tag.
    await seeder.evaluate(ledgerCode);
    return { context, origin, seeder };
  }
  const now = Date.now();

  /** Ms from navigation until `ready` holds at a painted frame; on the last open, the heap after GC too. */
  async function openOnce({ context, origin }, path, ready, withHeap) {
    const page = await context.newPage();
    await page.goto(`${origin}/${path}`, { waitUntil: 'commit' });
    const ms = await (await page.waitForFunction(ready, null, { polling: 'raf', timeout: 120_000 })).jsonValue();
    let heap = 0;
    if (withHeap) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    }
    await page.close();
    return { ms, heap };
  }
  /**
   * Each [browser, page, ready] opened in turn, POPUP_RUNS + 1 times (the first warms up):
   * medians, the samples in turn order (so two targets can be compared turn by turn) and last heaps.
   */
  async function inTurns(targets) {
    const samples = targets.map(() => []);
    const heaps = targets.map(() => 0);
    for (let i = 0; i < POPUP_RUNS + 1; i++) {
      for (const [k, [browser, path, ready]] of targets.entries()) {
        const { ms, heap } = await openOnce(browser, path, ready, i === POPUP_RUNS);
        if (i > 0) samples[k].push(ms);
        if (heap) heaps[k] = heap;
      }
    }
    return targets.map((_, k) => ({ ms: median(samples[k]), samples: samples[k], heap: heaps[k] }));
  }
  const totalsPainted = () => {
    const text = document.querySelector('[data-testid="total-grams"]')?.textContent ?? '';
    return /\d/.test(text) && !text.includes('…') ? performance.now() : false;
  };
  const blankLoaded = () => document.readyState === 'complete' && performance.now();

  // Writes first, on a fresh profile: after the large seeding they measured 5,134 actions/s,
  // before it 5,800–7,500.
  let seeded = await launch(profiles.seeded);
  const throughput = await seeded.seeder.evaluate(([n, t]) => carbonBenchLedger.recordThroughput(n, t), [THROUGHPUT_ACTIONS, now]);
  const importSeconds = await seeded.seeder.evaluate(([n, t]) => carbonBenchLedger.importSeconds(n, t), [IMPORT_ACTIONS, now]);

  const accounts = {};
  let blank;
  let count = 0;
  for (const size of ACCOUNTS.filter((n) => n > 0)) {
    const ms = await seeded.seeder.evaluate(([from, n, t]) => carbonBenchLedger.seed(from, n, t), [count, size - count, now]);
    console.log(`  seeded ${size.toLocaleString('en')} actions (+${(size - count).toLocaleString('en')} in ${(ms / 1000).toFixed(1)} s)`);
    count = size;
    await seeded.context.close();
    seeded = await launch(profiles.seeded);
    const empty = await launch(profiles.empty);
    const [blankPage, emptyAccount, seededAccount] = await inTurns([
      [empty, 'blank.html', blankLoaded],
      [empty, 'popup.html', totalsPainted],
      [seeded, 'popup.html', totalsPainted],
    ]);
    await empty.context.close();
    // The empty account and the floor as measured beside the largest account.
    [blank, accounts[0]] = [blankPage, emptyAccount];
    accounts[size] = seededAccount;
  }
  await seeded.context.close();
  for (const profile of Object.values(profiles)) rmSync(profile, { recursive: true, force: true });
  return { blank, accounts, throughput, importSeconds };
}

/** Serves generated pages at real shop addresses; nothing else. */
async function servePages(context, pages) {
  await context.route(/^https?:\/\//, (route) => {
    const page = pages[route.request().url()];
    return page ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: page }) : route.abort();
  });
}

/**
 * Median milliseconds of one call of each function inside the page, batching calls so each
 * sample is ≥ 20 ms (the page's clock ticks in 0.1 ms steps). The functions take turns sample by
 * sample, so a slower stretch of the machine weighs on each alike.
 */
async function timeInPage(page, fnSources, runs) {
  return page.evaluate(
    ({ fnSources, runs }) => {
      const fns = fnSources.map((source) => new Function(`return (${source})`)());
      const batches = fns.map((fn) => {
        let batch = 1;
        for (;;) {
          const t = performance.now();
          for (let i = 0; i < batch; i++) fn();
          if (performance.now() - t >= 20 || batch >= 1 << 16) return batch;
          batch *= 2;
        }
      });
      const samples = fns.map(() => []);
      for (let r = 0; r < runs; r++) {
        fns.forEach((fn, k) => {
          const t = performance.now();
          for (let i = 0; i < batches[k]; i++) fn();
          samples[k].push((performance.now() - t) / batches[k]);
        });
      }
      return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
    },
    { fnSources, runs },
  );
}

const FLOOR = `() => { const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT); let n = 0; while (w.nextNode()) n++; return n; }`;
const DETECT = `() => carbonBench.detectPage(new URL(location.href), document)`;

async function detectionFigures(browser, bundle) {
  const context = await browser.newContext();
  const pages = {
    'https://www.ubereats.com/checkout/small': checkoutPage(SIZES.small),
    'https://www.ubereats.com/checkout/large': checkoutPage(SIZES.large),
    'https://www.example.com/checkout/large': checkoutPage(SIZES.large),
  };
  await servePages(context, pages);
  const out = {};
  for (const [name, url] of Object.entries({ small: Object.keys(pages)[0], large: Object.keys(pages)[1], none: Object.keys(pages)[2] })) {
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: bundle });
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const reading = await page.evaluate(() => carbonBench.detectPage(new URL(location.href), document));
    const [scanMs, floorMs] = await timeInPage(page, [DETECT, FLOOR], RUNS);
    out[name] = { elements, reading, scanMs, floorMs };
    await page.close();
  }
  await context.close();
  return out;
}

/**
 * A browser serving the large checkout at the checkout's address and at a store page's (the same
 * page, so only the page type differs), with the extension loaded (its script registered) or without.
 */
async function loadingBrowser(extensionDir, urls) {
  const args = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext('', { executablePath: browserPath('chromium'), headless: true, args });
  const page = checkoutPage(SIZES.large);
  await servePages(context, Object.fromEntries(urls.map((url) => [url, page])));
  if (extensionDir) {
    // Linked when the sub-account row exists (the e2e build starts with every platform granted).
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    for (let i = 0; i < 100; i++) {
      const linked = await sw.evaluate(
        () =>
          new Promise((done) => {
            const open = indexedDB.open('carbon-account');
            // Not created yet: leave its creation to the ledger (an empty version 1 would block its upgrade).
            open.onupgradeneeded = () => open.transaction.abort();
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('subAccounts')) return done(db.close());
              const get = db.transaction('subAccounts').objectStore('subAccounts').get('ubereats');
              get.onsuccess = () => done(Boolean(get.result));
              get.onerror = () => done(false);
              db.close();
            };
            open.onerror = () => done(false);
          }),
      );
      if (linked) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return context;
}

/**
 * The extension's scripts that one load of `url` runs, with their gzip sizes: read from the
 * debugger's list of parsed scripts (a separate load, since the debugger slows a page), so the
 * figure is what the browser really injected, not what the build says it might.
 */
async function injectedScripts(context, url, read) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const scripts = [];
  cdp.on('Debugger.scriptParsed', (event) => {
    if (/^(chrome|moz)-extension:/.test(event.url)) scripts.push(event);
  });
  await cdp.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (read) await readingArrived(context, url);
  await page.waitForTimeout(1000);
  const sources = [];
  for (const s of scripts) sources.push({ url: s.url, source: (await cdp.send('Debugger.getScriptSource', { scriptId: s.scriptId })).scriptSource });
  await page.close();
  const gzipBytes = sources.reduce((n, s) => n + gzipSync(s.source, { level: 9 }).length, 0);
  return { files: sources.map((s) => s.url.replace(/^[a-z-]+:\/\/[^/]+\//, '')), gzipBytes };
}

/**
 * Waits until the background holds the reading of the checkout open in `context` (a pending
 * checkout for its tab): the script is injected after the page loads, so a load measured
 * before the reading arrived would leave the reading and its message out.
 */
async function readingArrived(context, url) {
  const sw = context.serviceWorkers()[0];
  for (let i = 0; i < 400; i++) {
    const arrived = await sw.evaluate(async (pageUrl) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const keys = Object.keys(await chrome.storage.session.get(null));
      return tab !== undefined && keys.some((key) => key.startsWith(`pending:${tab.id}:`));
    }, url);
    if (arrived) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the checkout at ${url} was never read`);
}

/**
 * Main-thread busy time (CDP TaskDuration) and script time (ScriptDuration; the generated pages
 * have no scripts of their own, so it is the extension's) of one load, from navigation until the
 * page has been idle a moment (after the checkout's reading reached the background, if `read`).
 */
async function loadOnce(context, url, read) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (read) await readingArrived(context, url);
  await page.waitForTimeout(600);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  const ms = (name) => metrics.find((m) => m.name === name).value * 1000;
  return { task: ms('TaskDuration'), script: ms('ScriptDuration') };
}

/**
 * The large checkout loaded in two browsers, one with the extension and one without, taking
 * turns: a browser's loads grow slower over a run (by a fifth over fifteen loads here), so
 * measuring all of one before the other would charge that drift to whichever went second.
 */
async function pageLoadCost(extensionDir) {
  const urls = { checkout: 'https://www.ubereats.com/checkout', store: 'https://www.ubereats.com/store/tonys-pizza' };
  const without = await loadingBrowser(null, Object.values(urls));
  const withExtension = await loadingBrowser(extensionDir, Object.values(urls));
  const injected = { checkout: await injectedScripts(withExtension, urls.checkout, true), store: await injectedScripts(withExtension, urls.store) };
  const samples = { without: [], with: [], script: { checkout: [], store: [] } };
  for (let i = 0; i < LOAD_RUNS + 1; i++) {
    if (i % 5 === 0) console.log(`  page loads: turn ${i} of ${LOAD_RUNS}`);
    for (const [name, url] of Object.entries(urls)) {
      const a = await loadOnce(without, url);
      const b = await loadOnce(withExtension, url, name === 'checkout');
      if (i === 0) continue; // the first load warms caches
      if (name === 'checkout') {
        samples.without.push(a.task);
        samples.with.push(b.task);
      }
      samples.script[name].push(b.script - a.script);
    }
  }
  await without.close();
  await withExtension.close();
  return {
    without: median(samples.without),
    with: median(samples.with),
    script: { checkout: median(samples.script.checkout), store: median(samples.script.store) },
    injected,
  };
}

function contentScriptSize() {
  const code = readFileSync(resolve(ROOT, '.output/chrome-mv3', CHECKOUT_SCRIPT));
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

const started = Date.now();
console.log(`Building (${smoke ? 'smoke' : loadOnly ? 'page-load rows' : 'full'} run)…`);
sh('npx', ['wxt', 'build']);
sh('npx', ['wxt', 'build'], { CARBON_GRANT_HOSTS: '1' });

const size = contentScriptSize();
let detection;
if (!loadOnly) {
  const detectCode = await bundle('bench/detect-entry.ts');
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), headless: true });
  detection = await detectionFigures(browser, detectCode);
  await browser.close();
}
const load = await pageLoadCost(resolve(ROOT, '.output/e2e/chrome-mv3'));
const { without: loadWithout, with: loadWith, script: scriptAdded, injected } = load;
const elements = SIZES.large.toLocaleString('en');

/**
 * "1.481 ms vs 0.500 ms = 2.96×": two measurements and their ratio, as each row of the table
 * shows them; a ratio taken another way than a / b is given, with the words that say how.
 */
const versus = (a, b, digits, { ratioDigits = 2, unit = 'ms', ratio = a / b, how = '=' } = {}) =>
  `${a.toFixed(digits)} ${unit} vs ${b.toFixed(digits)} ${unit} ${how} ${ratio.toFixed(ratioDigits)}×`;
const files = (scripts) => (scripts.files.length ? scripts.files.join(', ') : 'nothing');

/** What a page pays: sizes injected and the script and main-thread time a load adds. */
const pageFigures = [
  ['content script size (full)', `${size.bytes} B, ${size.gzipBytes} B gzip`, '≤ 25 kB gzip', size.gzipBytes <= 25_000],
  [
    'injected on a store page (not checkout)',
    `${injected.store.gzipBytes} B gzip (${files(injected.store)})`,
    '≤ 2 kB gzip',
    injected.store.gzipBytes <= 2_000,
  ],
  // The checkout must get the full script within the load's window, or the rows below measure nothing.
  [
    'injected on the checkout',
    `${injected.checkout.gzipBytes} B gzip (${files(injected.checkout)})`,
    'the content script',
    injected.checkout.files.includes(CHECKOUT_SCRIPT),
  ],
  [
    'page load main-thread time, with vs without extension',
    versus(loadWith, loadWithout, 1, { ratioDigits: 3 }),
    '≤ 1.02 ×',
    loadWith <= 1.02 * loadWithout,
  ],
  [`extension script per load: checkout (${elements} elements)`, `${scriptAdded.checkout.toFixed(2)} ms`, '≤ 4 ms', scriptAdded.checkout <= 4],
  ['extension script per load: same page, store address', `${scriptAdded.store.toFixed(2)} ms`, '≤ 0.5 ms', scriptAdded.store <= 0.5],
];

let figures = pageFigures;
let popup;
if (!loadOnly) {
  console.log('Popup, ledger…');
  popup = await popupFigures();
  const largest = ACCOUNTS.at(-1);
  const empty = popup.accounts[0];
  const full = popup.accounts[largest];

  /**
   * Two popups opened in the same turns, compared turn by turn: the median of each turn's ratio.
   * A turn's two opens are a second apart, so a slow stretch of the machine (a database
   * compaction, another process) weighs on both; medians taken apart let it land on one side.
   */
  const turnByTurn = (a, b) => median(a.samples.map((ms, i) => ms / b.samples[i]));
  const fullVsEmpty = turnByTurn(full, empty);
  const emptyVsBlank = turnByTurn(empty, popup.blank);

  /**
   * "Linear or better", as the brief puts it: 10× the elements may cost 8× the time, or, where
   * the memory of the machine makes a pass that only visits every element (the floor) scale worse
   * than that, no worse than the floor (10.6–12.8× in full runs on the 2-core machine this was built on).
   */
  const floorScaling = detection.large.floorMs / detection.small.floorMs;
  const scalingTarget = Math.max(8, floorScaling);

  figures = [
    ...pageFigures,
    [
      `detection vs floor (${detection.large.elements} elements)`,
      versus(detection.large.scanMs, detection.large.floorMs, 3),
      '≤ 3 × floor',
      detection.large.scanMs <= 3 * detection.large.floorMs,
    ],
    [
      `detection ${detection.large.elements} vs ${detection.small.elements} elements`,
      versus(detection.large.scanMs, detection.small.scanMs, 3),
      floorScaling > 8 ? `≤ floor's ${floorScaling.toFixed(2)} ×` : '≤ 8 ×',
      detection.large.scanMs <= scalingTarget * detection.small.scanMs,
    ],
    // How a pass that only visits every element scales between the same two pages: the row above's target when over 8×.
    [
      `floor ${detection.large.elements} vs ${detection.small.elements} elements`,
      versus(detection.large.floorMs, detection.small.floorMs, 3),
      '',
      true,
    ],
    [
      `detection on a page of no platform (${detection.none.elements} elements)`,
      `${detection.none.scanMs.toFixed(4)} ms`,
      '≤ 0.1 ms',
      detection.none.scanMs <= 0.1,
    ],
    ...ACCOUNTS.map((size) => [
      `popup open, ${size.toLocaleString('en')} actions`,
      `${popup.accounts[size].ms.toFixed(1)} ms`,
      '',
      true,
    ]),
    [
      `popup open: ${largest.toLocaleString('en')} actions vs empty account`,
      versus(full.ms, empty.ms, 1, { ratio: fullVsEmpty, how: '· turn by turn' }),
      '≤ 1.3 ×',
      fullVsEmpty <= 1.3,
    ],
    [
      'popup open: empty account vs blank extension page',
      versus(empty.ms, popup.blank.ms, 1, { ratio: emptyVsBlank, how: '· turn by turn' }),
      '≤ 2 ×',
      emptyVsBlank <= 2,
    ],
    [
      `record throughput (bulk path, ${THROUGHPUT_ACTIONS.toLocaleString('en')} actions)`,
      `${Math.round(popup.throughput).toLocaleString('en')} actions/s`,
      '≥ 5,000 /s',
      popup.throughput >= 5_000,
    ],
    [
      `import of a ${IMPORT_ACTIONS.toLocaleString('en')}-action export`,
      `${popup.importSeconds.toFixed(1)} s`,
      '≤ 30 s',
      popup.importSeconds <= 30,
    ],
    [
      `popup JS heap: ${largest.toLocaleString('en')} actions vs empty account`,
      versus(full.heap / 1e6, empty.heap / 1e6, 2, { unit: 'MB' }),
      '≤ 1.3 ×',
      full.heap <= 1.3 * empty.heap,
    ],
  ];
}

const readingOk = !detection || (detection.large.reading?.observations?.some((o) => o.kind === 'no-cutlery') && detection.none.reading === null);
if (!readingOk) figures.push(['generated pages read correctly', JSON.stringify(detection.large.reading), 'no-cutlery found', false]);

const results = {
  when: new Date().toISOString(),
  smoke,
  seconds: (Date.now() - started) / 1000,
  figures: figures.map(([figure, measured, target, holds]) => ({ figure, measured, target, holds })),
  raw: {
    size,
    detection: detection && Object.fromEntries(Object.entries(detection).map(([k, v]) => [k, { ...v, reading: undefined }])),
    loadWith,
    loadWithout,
    scriptAdded,
    injected,
    popup,
  },
};
const resultsFile = smoke ? '.output/bench-smoke.json' : loadOnly ? '.output/bench-load.json' : 'bench/results.json';
writeFileSync(resolve(ROOT, resultsFile), JSON.stringify(results, null, 2) + '\n');

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('figure', 58)}${pad('measured', 44)}${pad('target', 20)}holds`);
for (const f of results.figures) console.log(`${pad(f.figure, 58)}${pad(f.measured, 44)}${pad(f.target, 20)}${smoke ? '(smoke)' : f.holds ? 'yes' : 'NO'}`);
console.log(`\n${results.seconds.toFixed(0)} s · ${resultsFile}`);
const failed = results.figures.filter((f) => !f.holds);
if (smoke) process.exit(readingOk ? 0 : 1);
process.exit(failed.length ? 1 : 0);
