// `npm run test:mutation [-- --mutate PATH …]`: Stryker over the core, the state and the contract
// checks (stryker.config.mjs), then each folder's score against its floor (mutation-thresholds.ts).
// Arguments go to `stryker run`. Not part of `npm test`: a full run takes minutes to tens of minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { floors, scores } from './mutation-thresholds.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const reportFile = `${root}reports/mutation/mutation.json`;
const started = Date.now();
const stryker = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url)), 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// Stryker exits 1 both when the score is under `thresholds.break` and when it could not run: only a
// report written by this run tells them apart.
if (!existsSync(reportFile) || statSync(reportFile).mtimeMs < started) {
  console.error('ude-kit: Stryker wrote no report (see its messages above)');
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Parameters<typeof scores>[0];
let failed = stryker.status !== 0;
console.log('\nMutation score by folder (killed and timed out ÷ tested, equivalent mutants excluded by their comments):');
for (const [folder, s] of Object.entries(scores(report))) {
  if (s.total === 0) {
    console.log(`  ${folder.padEnd(14)} not mutated in this run`);
    continue;
  }
  const held = s.score >= floors[folder]!;
  failed ||= !held;
  console.log(`  ${folder.padEnd(14)} ${s.score.toFixed(1).padStart(5)}% (${s.killed} of ${s.total})  floor ${floors[folder]}%  ${held ? 'ok' : 'BELOW'}`);
}
console.log(`\nHTML report: reports/mutation/index.html`);
process.exit(failed ? 1 : 0);
