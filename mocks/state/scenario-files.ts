// Scenario files on disk (Node only): shipped ones by name from mocks/scenarios/, others by path, in
// JSON or YAML. `extends` names a shipped scenario or a path relative to the extending file.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { resolveScenario, type ScenarioDocument, type ScenarioResult } from './scenario.js';

// Beside this module's folder, in the sources and in the build alike (`npm run build` copies them).
export const shippedScenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));

const isPath = (reference: string) => reference.includes('/') || reference.includes('\\') || /\.(json|ya?ml)$/i.test(reference);

/** Where a scenario reference points: a shipped name, or a path (relative to `from`). */
export function scenarioPath(reference: string, from = process.cwd()): string {
  if (!isPath(reference)) return resolve(shippedScenariosDir, `${reference}.json`);
  return isAbsolute(reference) ? reference : resolve(from, reference);
}

export function readScenarioFile(path: string): ScenarioDocument | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { error: `cannot read scenario file ${path}` };
  }
  try {
    return (/\.ya?ml$/i.test(extname(path)) ? parse(text) : JSON.parse(text)) as ScenarioDocument;
  } catch (error) {
    return { error: `${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message}` };
  }
}

/** Loads and resolves a scenario, its `extends` chain included. */
export function loadScenario(reference: string, from = process.cwd()): ScenarioResult {
  const path = scenarioPath(reference, from);
  if (!existsSync(path)) {
    return { ok: false, violations: [{ field: reference, message: isPath(reference) ? `no file ${path}` : `no shipped scenario "${reference}" (see ude-kit scenarios)` }] };
  }
  const document = readScenarioFile(path);
  if ('error' in document) return { ok: false, violations: [{ field: reference, message: document.error }] };
  const lookups = new Map<string, string>([[reference, path]]);
  return resolveScenario(document, (name) => {
    const parentPath = scenarioPath(name, dirname(lookups.get(name) ?? path));
    lookups.set(name, parentPath);
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
      return { name: file.replace(/\.json$/, ''), description: 'error' in document ? document.error : document.description };
    });
}
