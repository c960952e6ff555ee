// The console's frame: a tab per job, the credentials it sends, and a message line for what happened.
import { useState } from 'preact/hooks';
import { Catalogue } from './catalogue.js';
import { Faults } from './faults.js';
import { Journal } from './journal.js';
import { Scenarios } from './scenarios.js';
import { SettingsForm } from './settings-form.js';
import { loadSettings, saveSettings, type Settings } from './settings.js';
import { Tickets } from './tickets.js';

const tabs = ['Tickets', 'Catalogue', 'Scenarios', 'Journal', 'Faults', 'Settings'] as const;
type Tab = (typeof tabs)[number];

export function App() {
  const [tab, setTab] = useState<Tab>('Tickets');
  const [settings, setSettings] = useState<Settings>(loadSettings);
  // Bumped when the whole state changed (a scenario, a reset): views reload what they show.
  const [generation, setGeneration] = useState(0);
  const changeSettings = (next: Settings) => {
    saveSettings(next);
    setSettings(next);
  };
  return (
    <>
      <header>
        <h1>ude-kit console</h1>
        <nav class="tabs" role="tablist" aria-label="Console sections">
          {tabs.map((name) => (
            <button type="button" role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls="panel" key={name} onClick={() => setTab(name)}>
              {name}
            </button>
          ))}
        </nav>
      </header>
      <main>
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'Tickets' && <Tickets settings={settings} generation={generation} />}
        {tab === 'Catalogue' && <Catalogue settings={settings} generation={generation} />}
        {tab === 'Scenarios' && <Scenarios settings={settings} onStateChanged={() => setGeneration((g) => g + 1)} />}
        {tab === 'Journal' && <Journal settings={settings} />}
        {tab === 'Faults' && <Faults settings={settings} />}
        {tab === 'Settings' && <SettingsForm settings={settings} onChange={changeSettings} />}
        </div>
      </main>
    </>
  );
}
