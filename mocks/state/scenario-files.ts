// Scenario files on disk (Node only): shipped ones by name from mocks/scenarios/, others by path, in
// JSON or YAML. `extends` names a shipped scenario or a path relative to the extending file.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { exceededJsonBounds } from '../../src/spec/json-bounds.js';
// Scenario files are read in Node, where faker is at hand for the ones that generate data.
import './faker-node.js';
import { isReadError, resolveScenario, type ScenarioDocument, type ScenarioResult } from './scenario.js';

// Beside this module's folder, in the sources and in the build alike (`npm run build` copies them).
export const shippedScenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));

/** A reference with a slash or a file extension is a path; anything else names a shipped scenario. */
export const isPath = (reference: string) => reference.includes('/') || reference.includes('\\') || /\.(json|ya?ml)$/i.test(reference);

/** Where a scenario reference points: a shipped name, or a path (relative to `from`). */
export function scenarioPath(reference: string, from = process.cwd()): string {
  if (!isPath(reference)) return resolve(shippedScenariosDir, `${reference}.json`);
  return isAbsolute(reference) ? reference : resolve(from, reference);
}

/** Line and column (1-based) of a character offset, to say where a file breaks without quoting it. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

// The parsers' own messages quote the file ("Unexpected token 'r', "root:x:0:0"..."): a file given by
// mistake (--scenario /etc/passwd) must not be printed. Only where it breaks is said.
function whereJsonBreaks(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position !== undefined) return ` at ${lineAndColumn(text, Number(position))}`;
  return /end of JSON input/.test(error.message) ? ' (it ends too early)' : '';
}

function whereYamlBreaks(error: Error): string {
  const at = (error as Error & { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
  const code = (error as Error & { code?: string }).code;
  return `${at === undefined ? '' : ` at line ${at.line}, column ${at.col}`}${code === undefined ? '' : ` (${code})`}`;
}

/**
 * Reads and parses a scenario file. What it holds is not checked here: it may be any JSON or YAML value
 * (a string, a list), which `resolveScenario` then refuses by path.
 */
export function readScenarioFile(path: string): ScenarioDocument | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'no permission to read it' : code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable');
    return { error: `cannot read scenario file ${path}: ${reason}` };
  }
  // Editors on Windows save UTF-8 with a byte order mark; the HTTP API accepts one too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const yaml = /\.ya?ml$/i.test(extname(path));
  if (!yaml) {
    const exceeded = exceededJsonBounds(text);
    if (exceeded !== undefined) return { error: `${path} ${exceeded}, more than a scenario may` };
  }
  try {
    // Any value may come back (a string, a list): callers test with isReadError, which takes any value.
    return (yaml ? parse(text) : JSON.parse(text)) as ScenarioDocument;
  } catch (error) {
    return { error: `${path} is not valid ${yaml ? 'YAML' : 'JSON'}${yaml ? whereYamlBreaks(error as Error) : whereJsonBreaks(text, error as Error)}` };
  }
}

/** Loads and resolves a scenario, its `extends` chain included. */
export function loadScenario(reference: string, from = process.cwd()): ScenarioResult {
  const path = scenarioPath(reference, from);
  if (!existsSync(path)) {
    return { ok: false, missing: true, violations: [{ field: reference, message: isPath(reference) ? `no file ${path}` : `no shipped scenario "${reference}" (see ude-kit scenarios)` }] };
  }
  const document = readScenarioFile(path);
  if (isReadError(document)) return { ok: false, violations: [{ field: reference, message: document.error }] };
  // Each name in an `extends` chain is relative to the file that wrote it, not to the top file.
  return resolveScenario(document, (name, chain) => {
    let from = path;
    for (const step of chain) from = scenarioPath(step, dirname(from));
    const parentPath = scenarioPath(name, dirname(from));
    return existsSync(parentPath) ? readScenarioFile(parentPath) : undefined;
  });
}

export interface ShippedScenario {
  name: string;
  description: string;
}

export function shippedScenarios(): ShippedScenario[] {
  return readdirSync(shippedScenariosDir)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.schema.json'))
    .sort()
    .map((file) => {
      const document = readScenarioFile(resolve(shippedScenariosDir, file));
      return { name: file.replace(/\.json$/, ''), description: isReadError(document) ? document.error : document.description };
    });
}
