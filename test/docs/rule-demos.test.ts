// A demo of the 'In Progress' rule must show the rule, whatever shipped scenario a newcomer has loaded:
// the docs' "add 38" answered 404 on closed-ticket (its catalogue is 12–14), since an unknown catalogue id
// is refused before the rule is asked. The README's rule demo is read from the README itself and played
// on every shipped scenario that holds its ticket.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { loadScenario } from '../../mocks/state/scenario-files.js';
import { scenarioState } from '../../mocks/state/scenario.js';
import { root } from '../helpers/cli-process.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const shipped = readdirSync(join(root, 'mocks/scenarios')).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').map((f) => f.replace(/\.json$/, ''));

/** The README's Vitest rule demo: the ticket it closes and the equipment it then adds. */
function ruleDemo(): { ticket: string; equipment: number } {
  const from = readme.indexOf("it('refuses to add to a closed ticket'");
  const demo = readme.slice(from, readme.indexOf('```', from));
  const ticket = /setTicketStatus\('([0-9a-f-]{36})', 'Closed'\)/.exec(demo)?.[1];
  const equipment = /diagnostic_equipment_id: (\d+)/.exec(demo)?.[1];
  if (from < 0 || ticket === undefined || equipment === undefined) throw new Error('the README has no rule demo to read');
  return { ticket, equipment: Number(equipment) };
}

describe("the README's rule demo", () => {
  it('answers the rule\'s 409 on every shipped scenario that holds its ticket', () => {
    const { ticket, equipment } = ruleDemo();
    const answers = shipped.flatMap((name) => {
      const mock = createMock({ state: scenarioState(loadScenario(name)), auth: { mode: 'off' } });
      if (!mock.state().tickets.some((t) => t.id === ticket)) return [];
      mock.setTicketStatus(ticket, 'Closed');
      const body = new TextEncoder().encode(JSON.stringify({ ticket_id: ticket, diagnostic_equipment_id: equipment }));
      const answer = mock.handle({ method: 'POST', path: '/v2/tickets/used-diagnostic-equipment', query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, body });
      return [{ name, status: answer.status, type: (JSON.parse(answer.body ?? '{}') as { type?: string }).type }];
    });
    // The scenarios that hold the demo's ticket: the check is not vacuous.
    expect(answers.map((a) => a.name).sort()).toEqual(['closed-ticket', 'default', 'many-pages', 'single-ticket']);
    for (const answer of answers) expect(answer).toEqual({ name: answer.name, status: 409, type: '/problems/ticket-not-in-progress' });
  });
});
