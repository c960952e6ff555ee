// The credentials the console sends, editable (a mock started with --admin-token, --token or --api-key).
import { useState } from 'preact/hooks';
import { Field, Notice } from './ui.js';
import type { Settings } from './settings.js';

export function SettingsForm({ settings, onChange }: { settings: Settings; onChange: (settings: Settings) => void }) {
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useState<string>();
  const set = (name: keyof Settings) => (event: Event) => setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  return (
    <section>
      <h2>Settings</h2>
      <p>
        Kept for this tab only (sessionStorage). The mock accepts any non-empty API credentials unless it was started with <code>--token</code> or{' '}
        <code>--api-key</code>; the admin token is needed only with <code>--admin-token</code>.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChange(draft);
          setSaved('Saved.');
        }}
      >
        <Field label="Admin token (X-Admin-Token)">
          <input type="password" autocomplete="off" value={draft.adminToken} onInput={set('adminToken')} />
        </Field>
        <Field label="Bearer token">
          <input type="password" autocomplete="off" value={draft.bearerToken} onInput={set('bearerToken')} />
        </Field>
        <Field label="API key">
          <input type="password" autocomplete="off" value={draft.apiKey} onInput={set('apiKey')} />
        </Field>
        <button type="submit">Save</button>
      </form>
      <Notice text={saved} />
    </section>
  );
}
