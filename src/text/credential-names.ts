// Which names carry a credential, for everything that hides them: the mock's journal and its HAR export
// (redacted by name) and `contract --har` (masked by name, and by value everywhere in the report). One
// list, so that what the journal hides and what a report masks cannot drift apart.
//
// Erring towards hiding, but not so far that ordinary names of an API lose their values: a stem that
// is distinctive anywhere in a name ("token" in X-CSRF-Token, "signature" in X-Amz-Signature) is looked
// for as a part; a short word that is also part of ordinary words ("sig" in "design", "pwd", "pass") only
// as a word of the name; "code" (an OAuth authorization code) only as the whole name, since "status_code"
// and "country_code" are ordinary data; "auth" everywhere but in "author"/"authority" (HTTP/2's
// `:authority` is the host).
const stems = /token|key|secret|passw(or)?d|cookie|authori[sz]ation|auth(?!or)|session|sessid|credential|bearer|jwt|csrf|xsrf|signature|hmac/i;
const words = new Set(['sig', 'pwd', 'pass', 'otp', 'sid']);
const wholeNames = new Set(['code']);

/** True when a header, query parameter, cookie or body field of this name holds a credential. */
export function looksLikeCredential(name: string): boolean {
  if (stems.test(name)) return true;
  const lower = name.toLowerCase();
  if (wholeNames.has(lower)) return true;
  // Words of the name: split at anything but a letter or digit, and where a lower case letter meets an upper.
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => words.has(word));
}

/** Where a value named like a credential sits in a body: the span of its text, and the value itself. */
export interface CredentialSpan {
  start: number;
  end: number;
  value: string;
}

// A JSON member `"name": value`, the value a string (perhaps cut short by a preview), a number or a
// literal. No backtracking: each alternative starts with a different character.
const jsonMember = /"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"?|-?[0-9][0-9.eE+-]*|true|false)/g;
// A form field `name=value` between & separators.
const formField = /(?:^|&)([^=&]*)=([^&]*)/g;

function decodedForm(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function decodedJsonString(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    return JSON.parse(text.length > 1 && text.endsWith('"') ? text : `${text}"`) as string;
  } catch {
    return text.slice(1);
  }
}

/** How a body is written, as far as its credentials go. */
function bodyKind(text: string, contentType: string | undefined): 'json' | 'form' | undefined {
  const type = (contentType ?? '').toLowerCase();
  const opening = text.trimStart()[0];
  if (type.includes('json') || ((type === '' || type.startsWith('text/plain')) && (opening === '{' || opening === '['))) return 'json';
  if (type.includes('x-www-form-urlencoded') || (type === '' && /^[^=&\s]+=[^&\s]*(&|$)/.test(text))) return 'form';
  return undefined;
}

function spansOf(text: string, kind: 'json' | 'form' | undefined): CredentialSpan[] {
  if (kind === undefined) return [];
  const spans: CredentialSpan[] = [];
  const [pattern, decode] = kind === 'json' ? [jsonMember, decodedJsonString] : [formField, decodedForm];
  for (const match of text.matchAll(pattern)) {
    if (!looksLikeCredential(kind === 'json' ? decodedJsonString(`"${match[1]!}"`) : decodedForm(match[1]!))) continue;
    const raw = match[2]!;
    const start = match.index + match[0].length - raw.length;
    spans.push({ start, end: start + raw.length, value: decode(raw) });
  }
  return spans;
}

/**
 * The values of a body's fields named like credentials: the members of a JSON text (at any depth, also
 * in a preview cut short) or the fields of a form (`application/x-www-form-urlencoded`). Another body
 * (multipart, XML) gives none: its credentials are masked by value only.
 */
export function credentialSpans(text: string, contentType: string | undefined): CredentialSpan[] {
  return spansOf(text, bodyKind(text, contentType));
}

/** The body with each credential value replaced: in a JSON body by a JSON string, in a form URL-encoded. */
export function redactedBody(text: string, contentType: string | undefined, replacement: string): string {
  const kind = bodyKind(text, contentType);
  const spans = spansOf(text, kind);
  if (spans.length === 0) return text;
  const written = kind === 'json' ? JSON.stringify(replacement) : encodeURIComponent(replacement);
  let out = '';
  let from = 0;
  for (const { start, end } of spans) {
    out += text.slice(from, start) + written;
    from = end;
  }
  return out + text.slice(from);
}
