// Keeps the credentials the suite holds (API key, token, client secret) out of everything it prints.
// A deployment may echo a credential back in any answer, so values are scrubbed where they enter a
// finding, before any cut or escape; and every finished text is scrubbed once more, in each form a
// value takes on its way there (JSON-escaped, XML-escaped, URL-encoded, shell-quoted), including any
// start of a secret that a cut left behind.

export const mask = '***';

/** The shortest start of a secret that counts as the secret when it stands alone (after a cut). */
export const secretPrefixChars = 8;

const xmlEscaped = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
const markdownEscaped = (text: string) => text.replace(/\|/g, '\\|');

/** Every form a secret can take in a report, longest first so that no form is left half-replaced. */
export function secretForms(secret: string): string[] {
  const base = [secret, jsonEscaped(secret), xmlEscaped(secret), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), secret.replace(/'/g, `'\\''`)];
  const composed = base.flatMap((form) => [jsonEscaped(form), xmlEscaped(form), markdownEscaped(form), xmlEscaped(jsonEscaped(form)), markdownEscaped(jsonEscaped(form))]);
  return [...new Set([...base, ...composed])].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A secret shorter than 8 characters is masked where it stands alone (a whole value, a word): masking
 * every letter "t" of a report for the token "t" would destroy the report and protect nothing.
 */
function scrubShortForm(text: string, form: string): string {
  return text.replace(new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(form)}(?![A-Za-z0-9_-])`, 'g'), mask);
}

/** Replaces every whole occurrence of a form. */
function scrubForm(text: string, form: string): string {
  return form.length < secretPrefixChars ? scrubShortForm(text, form) : text.split(form).join(mask);
}

/**
 * Replaces a run of 8+ characters that starts a form where a cut ended it (an ellipsis or the end of the
 * text follows): what a cut left of a secret. Elsewhere such a run is ordinary text ("example-session"
 * for the key "example-key").
 */
function scrubPrefixes(text: string, form: string): string {
  if (form.length < secretPrefixChars) return text;
  const head = form.slice(0, secretPrefixChars);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    let length = secretPrefixChars;
    while (length < form.length && text[at + length] === form[length]) length++;
    const next = text[at + length];
    if (next !== undefined && next !== '…') continue;
    out += text.slice(from, at) + mask;
    from = at + length;
  }
  return out + text.slice(from);
}

export type Scrub = (text: string) => string;

/**
 * A function that removes the given secrets (of any length) from a text. With `longOnly`, forms shorter
 * than 8 characters are left alone: for a finished report (JSON, XML), whose keys and tags such a short
 * form could match, after `scrubDeep` has masked the values.
 */
export function createScrubber(secrets: Array<string | undefined>, options: { longOnly?: boolean } = {}): Scrub {
  const forms = [...new Set(secrets.filter((s): s is string => s !== undefined && s.length > 0).flatMap(secretForms))]
    .filter((form) => options.longOnly !== true || form.length >= secretPrefixChars)
    .sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  // Whole forms first, so that one form's start is not taken for another's cut.
  return (text) => forms.reduce(scrubPrefixes, forms.reduce(scrubForm, text));
}

/** A copy of a plain value with every string in it scrubbed (keys stay as they are). */
export function scrubDeep<T>(value: T, scrub: Scrub): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubDeep(item, scrub)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = scrubDeep(inner, scrub);
  return out as T;
}
