// A small state document for unit tests of the state: two tickets (one In Progress, one Closed), two
// catalogue entries, three records in list order. Tests copy it before they change it.
import type { StateDocument } from '../../mocks/state/state-document.js';

export const ticketA = 'aaaaaaaa-0000-4000-8000-000000000001';
export const ticketB = 'bbbbbbbb-0000-4000-8000-000000000002';

export const smallState: StateDocument = {
  tickets: [
    { id: ticketA, status: 'In Progress' },
    { id: ticketB, status: 'Closed' },
  ],
  catalog: [
    { diagnostic_equipment_id: 1, name: 'One', version: null },
    { diagnostic_equipment_id: 2, name: 'Two', version: '2' },
  ],
  used: [
    { ticket_id: ticketA, diagnostic_equipment_id: 1 },
    { ticket_id: ticketB, diagnostic_equipment_id: 1 },
    { ticket_id: ticketA, diagnostic_equipment_id: 2 },
  ],
};
