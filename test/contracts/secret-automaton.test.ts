// The scrubber scans a text once, whatever the number of secrets: it masks what the old scrubber masked
// (every form, short secrets alone, the start of a secret a cut left) with one automaton, and does not
// go over the text again per secret, so 20,000 known secrets cost what one does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScrubber, mask, secretForms } from '../../contracts/secrets.js';

afterEach(() => vi.restoreAllMocks());

describe('the scrubber, with many secrets', () => {
  const secrets = Array.from({ length: 20_000 }, (_, i) => `session-${i.toString(36)}-${(i * 7919).toString(36)}-tail`);
  const scrub = createScrubber(secrets);

  it('masks the last secret known as well as the first, in every form and cut', () => {
    const last = secrets.at(-1)!;
    expect(scrub(`a ${secrets[0]} b ${last} c`)).toBe(`a ${mask} b ${mask} c`);
    expect(scrub(`cut: ${last.slice(0, 12)}…`)).toBe(`cut: ${mask}…`);
    expect(scrub(`end: ${last.slice(0, 9)}`)).toBe(`end: ${mask}`);
  });

  it('goes over a text once: no split, search or replace per secret', () => {
    const text = `${'ordinary text, '.repeat(200)}${secrets[12_345]}`;
    const calls = { split: 0, indexOf: 0, replace: 0 };
    for (const name of Object.keys(calls) as Array<keyof typeof calls>) {
      const prototype = String.prototype as unknown as Record<keyof typeof calls, (...args: unknown[]) => unknown>;
      const original = prototype[name];
      vi.spyOn(prototype, name).mockImplementation(function (this: string, ...args: unknown[]) {
        calls[name]++;
        return original.apply(this, args);
      });
    }
    expect(scrub(text)).toBe(`${'ordinary text, '.repeat(200)}${mask}`);
    expect(calls.split + calls.indexOf + calls.replace).toBeLessThan(10);
  });
});

describe('the scrubber, form by form', () => {
  it('masks a secret longer than the automaton holds to its whole length, in each form', () => {
    const long = `${'x'.repeat(300)}"&<'|${'y'.repeat(300)}`;
    const scrub = createScrubber([long]);
    for (const form of secretForms(long)) expect(scrub(`[${form}]`), form.slice(0, 20)).toBe(`[${mask}]`);
  });

  it('masks a short secret next to another secret’s mask, but not inside a word', () => {
    const scrub = createScrubber(['ab', 'long-secret-value']);
    expect(scrub('ablong-secret-value')).toBe(`${mask}${mask}`);
    expect(scrub('abc ab')).toBe(`abc ${mask}`);
  });

  it('leaves short forms alone with longOnly, and a text without secrets as it is', () => {
    expect(createScrubber(['ab', 'long-secret-value'], { longOnly: true })('ab long-secret-value')).toBe(`ab ${mask}`);
    expect(createScrubber([])('anything')).toBe('anything');
  });
});
