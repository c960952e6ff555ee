// A web Request's headers as the core reads them: names in lower case, a name given more than once joined
// as HTTP joins it (Cookie with '; ', any other with ', '). The Fetch standard's Headers already does
// both, but not every environment's Headers is spec-exact: happy-dom's keeps the case the page wrote
// ('Content-Type'), and the core, which looks names up in lower case, refused every add through it.

/** What the adapters read headers from: a Headers, or anything with its forEach. */
export interface HeaderSource {
  forEach(callback: (value: string, name: string) => void): void;
}

export function normalisedHeaders(source: HeaderSource): Record<string, string> {
  const headers: Record<string, string> = {};
  source.forEach((value, name) => {
    const key = name.toLowerCase();
    const before = headers[key];
    headers[key] = before === undefined ? value : `${before}${key === 'cookie' ? '; ' : ', '}${value}`;
  });
  return headers;
}
