// Where the console is, as a URL hash: each tab, and the ticket whose records are open, has a link that
// can be bookmarked, shared or opened in a new tab (#/tickets/ID, #/journal …). Pure: no DOM here.

export const tabs = ['Tickets', 'Catalogue', 'Scenarios', 'Journal', 'Faults', 'Settings'] as const;
export type Tab = (typeof tabs)[number];

export interface Route {
  tab: Tab;
  /** The ticket whose records panel is open (Tickets tab only). */
  ticket?: string;
}

const slugOf = (tab: Tab) => tab.toLowerCase();

/** `#/tickets/ID` → { tab: 'Tickets', ticket: ID }; anything unknown is the Tickets tab. */
export function parseRoute(hash: string): Route {
  const [slug = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const tab = tabs.find((t) => slugOf(t) === slug.toLowerCase()) ?? 'Tickets';
  if (tab !== 'Tickets' || rest.length === 0 || rest[0] === '') return { tab };
  try {
    return { tab, ticket: decodeURIComponent(rest.join('/')) };
  } catch {
    // A malformed escape: the list, not an error page.
    return { tab };
  }
}

export function formatRoute(route: Route): string {
  const base = `#/${slugOf(route.tab)}`;
  return route.tab === 'Tickets' && route.ticket !== undefined ? `${base}/${encodeURIComponent(route.ticket)}` : base;
}

/** The tab an arrow, Home or End key moves to from `current` (the WAI-ARIA tabs pattern: it wraps). */
export function tabAfterKey(key: string, current: number, count: number): number | undefined {
  if (key === 'ArrowRight') return (current + 1) % count;
  if (key === 'ArrowLeft') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
