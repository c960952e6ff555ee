// Every check the suite runs, in the order it runs them (that of check-names.ts, where the names are).
import type { BehaviourCheck } from './checks/check.js';
import { authCheck, methodCheck, negativeDataCheck, positiveDataCheck } from './checks/input-checks.js';
import { paginationCheck } from './checks/pagination.js';
import { inProgressAddCheck, inProgressRemoveCheck, lifecycleCheck } from './checks/write-checks.js';
import { generatedInputsCheck } from './checks/generated-inputs.js';
import { modelRunCheck } from './checks/model-run.js';
import { listWalkCheck } from './checks/list-walk.js';
import { listCombinationsCheck } from './checks/list-combinations.js';
import { equivalentFormsCheck } from './checks/equivalent-forms.js';
import { unknownEquipmentCheck, unknownTicketCheck } from './checks/unknown-references.js';
import { writeSideEffectsCheck } from './checks/write-side-effects.js';

export const behaviourChecks: BehaviourCheck[] = [
  paginationCheck,
  listWalkCheck,
  negativeDataCheck,
  positiveDataCheck,
  authCheck,
  methodCheck,
  lifecycleCheck,
  writeSideEffectsCheck,
  listCombinationsCheck,
  generatedInputsCheck,
  equivalentFormsCheck,
  unknownTicketCheck,
  unknownEquipmentCheck,
  inProgressAddCheck,
  inProgressRemoveCheck,
  modelRunCheck,
];
