// The pure parts of seeding's output: CSV fields a spreadsheet reads as text, the command line that
// resumes an interrupted seed without printing a secret, and which refusals end a whole ticket.
import { describe, expect, it } from 'vitest';
import { refusesWholeTicket } from '../../contracts/seed-refusals.js';
import { resumeCommand } from '../../src/cli/resume-command.js';
import { csvField, reportCsv } from '../../src/cli/seed-report-file.js';

describe('the report as CSV', () => {
  it('quotes commas, quotes and line breaks, and keeps a formula as text', () => {
    expect(csvField('409 Ticket not in progress')).toBe('409 Ticket not in progress');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(12)).toBe('12');
    expect(reportCsv([{ ticketId: 't', equipmentId: 1, outcome: 'skipped', reason: 'x' }])).toBe('ticket_id,diagnostic_equipment_id,outcome,reason\r\nt,1,skipped,x\r\n');
  });
});

describe('the command that resumes', () => {
  it('is the same command, shell-quoted, each secret given as its variable', () => {
    expect(resumeCommand('seed', ['--scenario', 'my file.json', '--target', 'https://h/x', '--via-api', '--api-key', 'k3y', '--token=t0k', '--report', "it's.csv"])).toEqual({
      line: `ude-kit seed --scenario 'my file.json' --target https://h/x --via-api --api-key "$UDE_KIT_API_KEY" --token="$UDE_KIT_TOKEN" --report 'it'\\''s.csv'`,
      variables: ['UDE_KIT_API_KEY', 'UDE_KIT_TOKEN'],
    });
    expect(resumeCommand('seed', ['-s', 'large', '-t', 'http://127.0.0.1:4010', '--via-api']).line).toBe('ude-kit seed -s large -t http://127.0.0.1:4010 --via-api');
  });
});

describe('a refusal for the whole ticket', () => {
  it('is a 409, or a 404 on a ticket not known to exist that names no catalogue entry', () => {
    expect(refusesWholeTicket({ kind: '409', text: '409 Ticket not in progress', status: 409 }, true)).toBe(true);
    expect(refusesWholeTicket({ kind: '404', text: '404 Ticket not found', status: 404 }, false)).toBe(true);
    expect(refusesWholeTicket({ kind: '404', text: '404 Not found', status: 404 }, false)).toBe(true);
    expect(refusesWholeTicket({ kind: '404', text: '404 Ticket not found', status: 404 }, true)).toBe(false);
    expect(refusesWholeTicket({ kind: '404', text: '404 Diagnostic equipment not found', status: 404 }, false)).toBe(false);
    expect(refusesWholeTicket({ kind: '400', text: '400 Bad request', status: 400 }, false)).toBe(false);
    expect(refusesWholeTicket({ kind: 'connection refused', text: 'connection refused' }, false)).toBe(false);
  });
});
