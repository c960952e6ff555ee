// The console's hash routes and its tab keys: pure, so checked here; the e2e test drives them in Chromium.
import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, tabAfterKey, tabs } from '../../src/console/route.js';

describe('console routes', () => {
  it('round-trips every tab and a ticket, whatever its id holds', () => {
    for (const tab of tabs) expect(parseRoute(formatRoute({ tab }))).toEqual({ tab });
    const ticket = 'a/b c%d';
    expect(formatRoute({ tab: 'Tickets', ticket })).toBe('#/tickets/a%2Fb%20c%25d');
    expect(parseRoute(formatRoute({ tab: 'Tickets', ticket }))).toEqual({ tab: 'Tickets', ticket });
  });

  it('reads an empty, unknown or malformed hash as the tickets list', () => {
    expect(parseRoute('')).toEqual({ tab: 'Tickets' });
    expect(parseRoute('#/nowhere')).toEqual({ tab: 'Tickets' });
    expect(parseRoute('#/tickets/%E0%A4%A')).toEqual({ tab: 'Tickets' });
    expect(parseRoute('#/tickets/')).toEqual({ tab: 'Tickets' });
    // Only the Tickets tab has a ticket: a journal link does not carry one along.
    expect(parseRoute('#/journal/x')).toEqual({ tab: 'Journal' });
    expect(parseRoute('#/JOURNAL')).toEqual({ tab: 'Journal' });
  });

  it('moves between tabs as the WAI-ARIA tabs pattern says, wrapping at both ends', () => {
    expect(tabAfterKey('ArrowRight', 0, 6)).toBe(1);
    expect(tabAfterKey('ArrowRight', 5, 6)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 6)).toBe(5);
    expect(tabAfterKey('Home', 3, 6)).toBe(0);
    expect(tabAfterKey('End', 3, 6)).toBe(5);
    expect(tabAfterKey('Enter', 3, 6)).toBeUndefined();
  });
});
