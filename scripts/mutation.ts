// `npm run test:mutation`: Stryker once per folder with a floor (mutation-thresholds.ts), each with its
// own incremental file and report under reports/mutation/<folder>/, then each folder's score against
// its floor. `npm run test:mutation -- --mutate PATHS` runs Stryker once over PATHS (comma-separated
// globs) and prints the scores of the folders it touched. Not part of `npm test`: see the README.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { floors, scoreOf, type Report } from './mutation-thresholds.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const stryker = fileURLToPath(new URL('../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url));
const args = process.argv.slice(2);
const slugOf = (folder: string | undefined) => (folder === undefined ? 'all' : folder.replace(/\/$/, '').replaceAll('/', '-'));

/** One Stryker run; its report, or undefined (said on stderr) when it wrote none. */
function run(folder: string | undefined): Report | undefined {
  const started = Date.now();
  const reportFile = `${root}reports/mutation/${slugOf(folder)}/mutation.json`;
  console.log(`\n== Stryker over ${folder ?? 'the files given'} ==`);
  spawnSync(process.execPath, [stryker, 'run', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...(folder === undefined ? {} : { UDE_MUTATION_FOLDER: folder }) } });
  // Stryker exits 1 both when it could not run and on a low score: only a fresh report tells them apart.
  if (!existsSync(reportFile) || statSync(reportFile).mtimeMs < started) {
    console.error(`ude-kit: Stryker wrote no report for ${folder ?? 'this run'} (see its messages above)`);
    return undefined;
  }
  console.log(`Stryker over ${folder ?? 'the files given'}: ${Math.round((Date.now() - started) / 1000)} s`);
  return JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
}

const reports: Array<{ folder: string | undefined; report: Report | undefined }> = args.includes('--mutate')
  ? [{ folder: undefined, report: run(undefined) }]
  : Object.keys(floors).map((folder) => ({ folder, report: run(folder) }));

let failed = false;
console.log('\nMutation score by folder (killed and timed out ÷ tested; equivalent mutants, marked one by one, left out):');
for (const { folder, report } of reports) {
  if (report === undefined) {
    failed = true;
    continue;
  }
  for (const [name, floor] of Object.entries(floors)) {
    if (folder !== undefined && folder !== name) continue;
    const s = scoreOf(report, name);
    if (s.total === 0) {
      if (folder !== undefined) console.log(`  ${name.padEnd(18)} no mutants`);
      continue;
    }
    const held = s.score >= floor;
    failed ||= !held;
    console.log(`  ${name.padEnd(18)} ${s.score.toFixed(1).padStart(5)}% (${s.killed} of ${s.total}; ${s.ignored} marked equivalent)  floor ${floor}%  ${held ? 'ok' : 'BELOW'}`);
  }
  console.log(`  report: reports/mutation/${slugOf(folder)}/index.html`);
}
process.exit(failed ? 1 : 0);
