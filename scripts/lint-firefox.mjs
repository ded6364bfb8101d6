// web-ext lint of the store Firefox build: fails on any error, and on any warning that comes
// from our own code rather than a bundled library.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'], {
  encoding: 'utf8',
});
const report = JSON.parse(run.stdout);
const { errors, warnings } = report;
// Preact's renderer assigns innerHTML only for dangerouslySetInnerHTML, which our code never uses
// (eslint.config.js forbids it in our source).
function fromPreact(w) {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || !w.line) return false;
  const line = readFileSync(`.output/firefox-mv3/${w.file}`, 'utf8').split('\n')[w.line - 1] ?? '';
  const start = Math.max(0, (w.column ?? 0) - 400);
  return line.slice(start, (w.column ?? 0) + 400).includes('dangerouslySetInnerHTML');
}
const fromLibraries = fromPreact;
const ours = warnings.filter((w) => !fromLibraries(w));
for (const m of [...errors, ...warnings]) console.log(`${m._type}: ${m.code} ${m.file ?? ''} — ${m.message}`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings (${ours.length} from our code)`);
process.exit(errors.length || ours.length ? 1 : 0);
