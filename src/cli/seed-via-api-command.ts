// `ude-kit seed --via-api`: a scenario's records added to a real deployment through its API, with a
// progress bar, one line per kind of refusal, a summary, and on request a report of every record not
// added. Ctrl-C (SIGINT) or SIGTERM stops it safely: the requests in flight finish, the summary says
// "interrupted" with the command that resumes, the terminal is restored, the report written: exit 130.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createScrubber, type Scrub } from '../../contracts/secrets.js';
import { defaultSeedConcurrency, maxChosenConcurrency, minChosenConcurrency } from '../../contracts/seed-defaults.js';
import { seedViaApi, type SeedReport } from '../../contracts/seed-via-api.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { CliError } from './cli-error.js';
import { resolveCredentials } from './credential-options.js';
import { createProgress } from './progress.js';
import { resumeCommand } from './resume-command.js';
import { createReportRows, isCsv, reportCsv, reportJson } from './seed-report-file.js';
import { writeFailure } from './write-failure.js';
import { counted } from '../text/counted.js';

/** The exit code of a run stopped by a signal, as a shell gives for SIGINT (128 + 2). */
export const interruptedExitCode = 130;

/**
 * A signal this soon after the first is the same press: a terminal signals the whole foreground process
 * group, and `npx` (or `timeout`) forwards the signal to its child as well, so one Ctrl-C can arrive twice.
 * Taken as a second press, it stopped the run at once, without the summary or the report.
 */
const samePressMs = 1_000;

export interface SeedViaApiOptions {
  /** The command line as given, for the command that resumes. */
  args: readonly string[];
  target: string;
  scenario: string;
  state: StateDocument;
  dryRun: boolean;
  json: boolean;
  timeoutMs: number;
  maxBodyBytes: number | undefined;
  /** Requests in flight, fixed; undefined: chosen from the target's answer times. */
  concurrency: number | undefined;
  retries: number;
  reportFile: string | undefined;
  credentialValues: Parameters<typeof resolveCredentials>[0];
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

export function summaryLines(report: SeedReport, dryRun: boolean): string[] {
  const c = report.counts;
  const seconds = report.durationMs / 1000;
  const decided = c.added + c['already there'] + c['would add'] + c.refused + c.skipped + c['not tried'];
  const sent = decided - c['not tried'];
  const lines = [
    `${count(c.added)} added, ${count(c['would add'])} to add, ${count(c['already there'])} already there, ${count(c.refused)} refused` +
      `${c.skipped > 0 ? `, ${count(c.skipped)} skipped` : ''}${c['not tried'] > 0 ? `, ${count(c['not tried'])} not tried` : ''}` +
      ` (${count(decided)} of ${counted(report.records, 'record')} in ${seconds.toFixed(1)} s, ${count(sent / Math.max(seconds, 0.001))} a second, ${report.concurrency} at once at the end${dryRun ? ', a dry run' : ''})`,
    ...report.problems.map((p) => `  ${count(p.count)} refused: ${p.reason} (first: ${p.example.ticketId} / ${p.example.equipmentId})`),
  ];
  if (report.ticketsRefused > 0) {
    lines.push(`  ${counted(report.ticketsRefused, 'ticket')} refused a record for the whole ticket (not In Progress, or unknown): their other ${counted(c.skipped, 'record')} skipped, not sent`);
  }
  const unknowns = report.unknowns;
  if (unknowns !== undefined && (unknowns.statusUnknown.records > 0 || unknowns.existenceUnknown.records > 0)) {
    lines.push('what a dry run cannot know without writing (the API shows no ticket and no ticket status):');
    if (unknowns.statusUnknown.records > 0) {
      lines.push(`  whether the ${counted(unknowns.statusUnknown.tickets, 'ticket')} with records there ${unknowns.statusUnknown.tickets === 1 ? 'is' : 'are'} In Progress: ${counted(unknowns.statusUnknown.records, 'record')} to add on them, refused (409) on any that is not`);
    }
    if (unknowns.existenceUnknown.records > 0) {
      lines.push(`  whether the ${counted(unknowns.existenceUnknown.tickets, 'ticket')} with no records there exist${unknowns.existenceUnknown.tickets === 1 ? 's' : ''} at all: ${counted(unknowns.existenceUnknown.records, 'record')} to add on them, refused (404) on a ticket the deployment does not know`);
    }
  }
  return lines;
}

/** Runs the seed; returns the exit code (0 all there, 1 some refused, 130 interrupted), or throws a CliError (2). */
export async function runSeedViaApi(options: SeedViaApiOptions): Promise<number> {
  const { target, state, dryRun, json } = options;
  const { secrets, ...credentials } = await resolveCredentials(options.credentialValues, options.timeoutMs);
  const scrub = createScrubber(secrets);
  const tickets = new Set(state.used.map((u) => u.ticket_id)).size;
  if (!json) {
    console.log(`${dryRun ? 'plan for' : 'seeding'} ${target} through its API: ${counted(state.used.length, 'used record')} on ${counted(tickets, 'ticket')}, ${options.concurrency === undefined ? `${defaultSeedConcurrency} requests at once to start with, then as many as the target's answer times allow (${minChosenConcurrency}-${maxChosenConcurrency})` : `${options.concurrency} requests at once`} (the tickets and catalogue must exist there; nothing is deleted)`);
  }
  const rows = createReportRows();
  let done = 0;
  const progress = createProgress({ total: state.used.length, unit: 'records', periodic: !json });
  const controller = new AbortController();
  let signalled: NodeJS.Signals | undefined;
  let signalledAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled !== undefined) {
      if (performance.now() - signalledAt < samePressMs) return;
      // A second signal does not wait: the terminal put back, then the default action of the signal.
      progress.stop();
      removeHandlers();
      process.kill(process.pid, signal);
      return;
    }
    signalled = signal;
    signalledAt = performance.now();
    controller.abort();
    progress.log(`${signal}: finishing the requests in flight, then the summary (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again stops at once)`);
  };
  const removeHandlers = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: SeedReport;
  try {
    report = await seedViaApi({
      baseUrl: target,
      credentials,
      state,
      dryRun,
      timeoutMs: options.timeoutMs,
      ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      retries: options.retries,
      signal: controller.signal,
      onStep: (step) => {
        // The bar counts the records dealt with: those a stop left untried are not.
        if (step.outcome !== 'not tried') progress.update(++done);
        if (options.reportFile !== undefined) rows.add(step);
      },
      // One line per kind of refusal, when it first happens; the summary counts them.
      onProblem: (problem, reason) => !json && progress.log(scrub(`refused: ${reason} (first: ${problem.example.ticketId} / ${problem.example.equipmentId}; others like it are counted)`)),
    });
  } catch (error) {
    removeHandlers();
    throw error;
  } finally {
    // Whatever happened, the bar is gone and the cursor and line wrap are back before anything is printed.
    progress.stop();
  }
  // The handlers stay until the summary and the report are out: a Ctrl-C while they are written (the
  // run over, a large report on its way to disk) took the default action and ended the process silently.
  try {
    return await finish(report);
  } finally {
    removeHandlers();
  }

  async function finish(report: SeedReport): Promise<number> {
    if (report.stopped?.kind === 'preflight') throw new CliError(scrub(report.stopped.message));

    const interrupted = report.stopped?.kind === 'interrupted';
    const resume = interrupted ? resumeCommand('seed', options.args) : undefined;
    const written = options.reportFile === undefined ? undefined : await writeReport(options.reportFile, options, report, rows, scrub);
    if (json) console.log(scrub(jsonSummary(options, report, resume?.line, written)));
    else {
      const lines = summaryLines(report, dryRun);
      if (written?.ok === true) lines.push(`every record not added, with its reason: ${written.file} (${counted(rows.rows.length, 'record')})`);
      if (resume !== undefined) {
        lines.push(
          `interrupted (${signalled}): the requests in flight were finished; ${counted(report.counts['not tried'], 'record')} not tried. What was added is there; to finish, run the same command again (a rerun skips what is there):`,
          `  ${resume.line}`,
          ...(resume.variables.length > 0 ? [`  (with ${resume.variables.join(' and ')} set to the values given before)`] : []),
        );
      }
      console.log(`\n${lines.map(scrub).join('\n')}`);
    }
    if (written?.ok === false) throw new CliError(written.message);
    if (interrupted) return interruptedExitCode;
    if (report.stopped !== undefined) throw new CliError(scrub(report.stopped.message));
    return report.counts.refused + report.counts.skipped > 0 ? 1 : 0;
  }
}

function jsonSummary(options: SeedViaApiOptions, report: SeedReport, resume: string | undefined, written: Written | undefined): string {
  const c = report.counts;
  const summary = {
    target: options.target,
    scenario: options.scenario,
    dryRun: options.dryRun,
    records: report.records,
    added: c.added,
    wouldAdd: c['would add'],
    alreadyThere: c['already there'],
    refused: c.refused,
    skipped: c.skipped,
    notTried: c['not tried'],
    ticketsRefused: report.ticketsRefused,
    problems: report.problems,
    ...(report.unknowns === undefined ? {} : { unknowns: report.unknowns }),
    ...(report.stopped === undefined ? {} : { stopped: report.stopped }),
    ...(resume === undefined ? {} : { resume }),
    ...(written?.ok === true ? { report: written.file } : {}),
    concurrency: report.concurrency,
    durationMs: Math.round(report.durationMs),
  };
  return JSON.stringify(summary);
}

type Written = { ok: true; file: string } | { ok: false; message: string };

async function writeReport(file: string, options: SeedViaApiOptions, report: SeedReport, rows: ReturnType<typeof createReportRows>, scrub: Scrub): Promise<Written> {
  const head = { target: options.target, scenario: options.scenario, dryRun: options.dryRun, records: report.records, counts: report.counts, interrupted: report.stopped?.kind === 'interrupted' };
  const text = isCsv(file) ? reportCsv(rows.rows) : reportJson(head, rows.rows, rows.refusedTickets.values());
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, scrub(text));
    return { ok: true, file };
  } catch (error) {
    return { ok: false, message: `could not write the report to ${file} (${writeFailure(error)})` };
  }
}
