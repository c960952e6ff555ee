// Validators by name. Every validator the mock needs for the kit's own document is compiled ahead of
// time (`npm run generate` writes them with ajv's standalone code into generated/validators/), so
// nothing is compiled at start-up and a page needs neither ajv nor `new Function`. A changed copy of
// the document (tests that show what follows from a change) compiles at run time instead (runtime-spec.ts).
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from './openapi-document.js';

/** What the kit calls: ajv's ValidateFunction, compiled now or ahead of time. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** `request`: every error, the document's defaults filled in; `firstError`: a quick yes/no. */
export type ValidatorFlavour = 'request' | 'firstError';

export interface WantedValidator {
  flavour: ValidatorFlavour;
  /** Unique within its group: the key the generated module files it under. */
  name: string;
  schema: () => JsonSchema;
}

export type ValidatorSource = (wanted: WantedValidator) => Validator;

/** The key of a validator in a generated module. */
export const validatorKey = (wanted: Pick<WantedValidator, 'flavour' | 'name'>) => `${wanted.flavour} ${wanted.name}`;

/** Validators of a generated module; a name it lacks means the generated files are stale. */
export function precompiledSource(group: string, compiled: Readonly<Record<string, Validator>>): ValidatorSource {
  return (wanted) => {
    const found = compiled[validatorKey(wanted)];
    if (found === undefined) throw new Error(`no precompiled ${wanted.flavour} validator "${wanted.name}" among the ${group} validators: run \`npm run generate\``);
    return found;
  };
}

/** Collects what is asked for, for the generator; every validator it gives accepts anything. */
export function recordingSource(into: WantedValidator[]): ValidatorSource {
  return (wanted) => {
    into.push(wanted);
    return () => true;
  };
}
