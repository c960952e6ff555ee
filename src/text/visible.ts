// Text that came from outside (a deployment's answer, a file) made safe to print: control characters
// (C0 but tab and newline, DEL, C1) are shown as \xNN instead of acting on a terminal (ESC[2J clears
// it, an OSC sequence retitles the window or plants a link).
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visible(text: string): string {
  return text.replace(control, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A one-line, bounded, visible form of an outside text: at most `max` characters. */
export function visibleLine(text: string, max = 80): string {
  const line = visible(text.replace(/\s+/g, ' ').trim());
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The same in quotes, for a message. */
export function quoted(text: string, max = 80): string {
  return `"${visibleLine(text, max)}"`;
}

/**
 * JSON text with DEL and the C1 controls escaped as \u00XX, as JSON.stringify already escapes C0: the
 * same values for a program that parses it, nothing a terminal acts on (U+009B is a CSI to some).
 */
export function jsonVisible(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
