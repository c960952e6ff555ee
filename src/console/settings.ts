// The credentials the console sends: the admin token for /__admin, and the API's two credentials for
// the calls it makes through the real API (so the 'In Progress' rule answers as an app would see it).
// Kept in sessionStorage: gone when the tab closes, never in a URL.

export interface Settings {
  adminToken: string;
  bearerToken: string;
  apiKey: string;
}

const key = 'ude-kit-console/settings/v1';
// The mock accepts any non-empty credentials unless it was started with --token / --api-key.
const defaults: Settings = { adminToken: '', bearerToken: 'console', apiKey: 'console' };

export function loadSettings(): Settings {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Partial<Settings>;
    return {
      adminToken: typeof stored.adminToken === 'string' ? stored.adminToken : defaults.adminToken,
      bearerToken: typeof stored.bearerToken === 'string' && stored.bearerToken !== '' ? stored.bearerToken : defaults.bearerToken,
      apiKey: typeof stored.apiKey === 'string' && stored.apiKey !== '' ? stored.apiKey : defaults.apiKey,
    };
  } catch {
    return { ...defaults };
  }
}

export function saveSettings(settings: Settings): void {
  sessionStorage.setItem(key, JSON.stringify(settings));
}
