// The scenarios the standalone mock's admin API loads: the shipped ones by name, and files a tester
// uploads from the console. An upload comes from a browser, so it may extend a shipped scenario but
// never name a path: a page must not make the mock read files off this machine.
import type { ScenarioSource } from '../core/admin/admin-api.js';
import { loadScenario, readScenarioFile, scenarioPath, shippedScenarios } from './scenario-files.js';
import { resolveScenario } from './scenario.js';

const shippedName = /^[a-z0-9][a-z0-9-]*$/;

export function shippedScenarioSource(): ScenarioSource {
  const isShipped = (name: string) => shippedName.test(name) && shippedScenarios().some((s) => s.name === name);
  return {
    list: () => shippedScenarios(),
    resolve(input) {
      if ('name' in input) {
        if (!isShipped(input.name)) return { ok: false, violations: [{ field: '/name', message: `is not a shipped scenario (${shippedScenarios().map((s) => s.name).join(', ')})` }] };
        return loadScenario(input.name);
      }
      return resolveScenario(input.scenario, (name) =>
        isShipped(name) ? readScenarioFile(scenarioPath(name)) : { error: `an uploaded scenario may extend only a shipped scenario, not "${name}"` },
      );
    },
  };
}
