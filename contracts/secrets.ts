// Keeps the credentials the suite holds (API key, token, client secret) out of everything it prints.
// A deployment may echo a credential back in any answer, so values are scrubbed where they enter a
// finding, before any cut or escape; and every finished text is scrubbed once more, in each form a
// value takes on its way there (JSON-escaped, XML-escaped, URL-encoded, shell-quoted), including any
// start of a secret that a cut left behind. One automaton over all the forms scans each text once.
import { createSecretAutomaton, type SecretPattern } from './secret-automaton.js';

export const mask = '***';

/** The shortest start of a secret that counts as the secret when it stands alone (after a cut). */
export const secretPrefixChars = 8;

const xmlEscaped = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
const markdownEscaped = (text: string) => text.replace(/\|/g, '\\|');

/** Characters no escaping of any report changes: a secret made only of them has one form. */
const plain = /^[A-Za-z0-9._~-]*$/;

/** Every form a secret can take in a report, longest first so that no form is left half-replaced. */
export function secretForms(secret: string): string[] {
  if (plain.test(secret)) return secret.length > 0 ? [secret] : [];
  const base = [secret, jsonEscaped(secret), xmlEscaped(secret), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), secret.replace(/'/g, `'\\''`)];
  const composed = base.flatMap((form) => [jsonEscaped(form), xmlEscaped(form), markdownEscaped(form), xmlEscaped(jsonEscaped(form)), markdownEscaped(jsonEscaped(form))]);
  return [...new Set([...base, ...composed])].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * The most characters of a form the automaton holds. A longer form is found by its head, and masked
 * from there as far as the text follows it (a secret of a megabyte costs the automaton 256 nodes).
 */
export const secretHeadChars = 256;

export type Scrub = (text: string) => string;

/**
 * A function that removes the given secrets (of any length, any number) from a text in one pass: every
 * form of each (JSON-, XML-, URL-escaped, shell-quoted, composed); a secret shorter than 8 characters
 * only where it stands alone (masking every letter "t" of a report for the token "t" would destroy the
 * report and protect nothing); and a run of 8+ characters that starts a form where a cut ended it (an
 * ellipsis or the end of the text follows), what a cut left of a secret. Elsewhere such a run is
 * ordinary text ("example-session" for the key "example-key"). With `longOnly`, forms shorter than 8
 * characters are left alone: for a finished report (JSON, XML), whose keys and tags such a short form
 * could match, after `scrubDeep` has masked the values.
 */
export function createScrubber(secrets: Iterable<string | undefined>, options: { longOnly?: boolean } = {}): Scrub {
  return boundedScrubber(secrets, options)!;
}

/**
 * The scrubber, or undefined when its automaton would need more than `maxNodes` nodes (about 36 bytes
 * each while it is built): a recording made of tens of millions of characters of distinct credentials
 * is refused, said as such, rather than left unscrubbed or allowed to exhaust the memory.
 */
export function boundedScrubber(secrets: Iterable<string | undefined>, options: { longOnly?: boolean; maxNodes?: number } = {}): Scrub | undefined {
  const patterns = new Map<string, SecretPattern>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length === 0) continue;
    for (const form of secretForms(secret)) {
      const short = form.length < secretPrefixChars;
      if (short && options.longOnly === true) continue;
      if (form.length <= secretHeadChars) {
        if (!patterns.has(form)) patterns.set(form, { text: form, short });
        continue;
      }
      const head = `${form.slice(0, secretHeadChars)}`;
      const key = `\u0000${head}`;
      const known = patterns.get(key);
      if (known === undefined) patterns.set(key, { text: head, short: false, whole: [form] });
      else known.whole!.push(form);
    }
  }
  if (patterns.size === 0) return (text) => text;
  const automaton = createSecretAutomaton([...patterns.values()], secretPrefixChars, options.maxNodes);
  if (automaton === undefined) return undefined;
  return (text) => {
    const spans = automaton.spans(text);
    if (spans.length === 0) return text;
    let out = '';
    let from = 0;
    for (const [start, end] of spans) {
      out += text.slice(from, start) + mask;
      from = end;
    }
    return out + text.slice(from);
  };
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
