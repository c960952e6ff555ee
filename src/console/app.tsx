// The console's frame: a tab per job (the WAI-ARIA tabs pattern, each tab a URL), the credentials it
// sends, and skip links for keyboard users.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Catalogue } from './catalogue.js';
import { ChangesProvider } from './changes.js';
import { Faults } from './faults.js';
import { Journal } from './journal.js';
import { formatRoute, parseRoute, tabAfterKey, tabs, type Route } from './route.js';
import { Scenarios } from './scenarios.js';
import { SettingsForm } from './settings-form.js';
import { loadSettings, saveSettings, type Settings } from './settings.js';
import { Tickets } from './tickets.js';

/** Follows the URL's hash: the back button, a bookmark or a pasted link all land on the same view. */
function useRoute(): [Route, (next: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const go = (next: Route) => {
    // At once, not on hashchange: a Tab pressed right after an arrow key must meet the new tabindex.
    setRoute(next);
    const hash = formatRoute(next);
    if (window.location.hash !== hash) window.location.hash = hash;
  };
  return [route, go];
}

/** Moves focus to an element by id (a skip link's target), without a URL change: the hash is the route. */
function focusById(id: string) {
  document.getElementById(id)?.focus();
}

export function App() {
  const [route, go] = useRoute();
  const [settings, setSettings] = useState<Settings>(loadSettings);
  // Bumped when the whole state changed (a scenario, a reset): views reload what they show.
  const [generation, setGeneration] = useState(0);
  const tabButtons = useRef<Array<HTMLButtonElement | null>>([]);
  const changeSettings = (next: Settings) => {
    saveSettings(next);
    setSettings(next);
  };
  const onTabKey = (event: KeyboardEvent) => {
    // From the tab that has the focus: the route follows the hash a moment later, keys can come sooner.
    const from = tabButtons.current.indexOf(event.target as HTMLButtonElement);
    const next = tabAfterKey(event.key, from === -1 ? tabs.indexOf(route.tab) : from, tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    go({ tab: tabs[next]! });
    tabButtons.current[next]?.focus();
  };
  const recordsOpen = route.tab === 'Tickets' && route.ticket !== undefined;
  return (
    <>
      <nav class="skip-links" aria-label="Skip links">
        <a href="#panel" onClick={(event) => (event.preventDefault(), focusById('panel'))}>
          Skip to the content
        </a>
        {recordsOpen ? (
          <a href="#records" onClick={(event) => (event.preventDefault(), focusById('records'))}>
            Skip to the records panel
          </a>
        ) : null}
      </nav>
      <header>
        <h1>ude-kit console</h1>
        <div class="tabs" role="tablist" aria-label="Console sections" onKeyDown={onTabKey}>
          {tabs.map((name, index) => (
            <button
              type="button"
              role="tab"
              id={`tab-${name}`}
              key={name}
              ref={(element) => {
                tabButtons.current[index] = element;
              }}
              aria-selected={route.tab === name}
              aria-controls="panel"
              // Roving tabindex: Tab reaches the selected tab only; the arrow keys move between them.
              tabIndex={route.tab === name ? 0 : -1}
              onClick={() => go({ tab: name })}
            >
              {name}
            </button>
          ))}
        </div>
      </header>
      <ChangesProvider settings={settings} onStateChanged={() => setGeneration((g) => g + 1)}>
      <main>
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${route.tab}`} tabIndex={-1}>
          {route.tab === 'Tickets' && <Tickets settings={settings} generation={generation} selected={route.ticket} onSelect={(ticket) => go(ticket === undefined ? { tab: 'Tickets' } : { tab: 'Tickets', ticket })} />}
          {route.tab === 'Catalogue' && <Catalogue settings={settings} generation={generation} />}
          {route.tab === 'Scenarios' && <Scenarios settings={settings} onStateChanged={() => setGeneration((g) => g + 1)} />}
          {route.tab === 'Journal' && <Journal settings={settings} />}
          {route.tab === 'Faults' && <Faults settings={settings} />}
          {route.tab === 'Settings' && <SettingsForm settings={settings} onChange={changeSettings} />}
        </div>
      </main>
      </ChangesProvider>
    </>
  );
}
