// Where JSON.parse stopped, as a person finds it in an editor: Node 20 says only "at position N" (Node 22
// adds the line), and a file's position 73 is nowhere a reader can look.
export function jsonErrorPlace(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined || /\bline \d+/.test(message)) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}
