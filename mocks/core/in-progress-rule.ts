// The 'In Progress' rule, in one place: diagnostic equipment can only be added to or removed from a
// ticket whose status is 'In Progress' (the seed's words, for both operations). Ticket statuses are
// otherwise free strings; no other status allows a change.

export const inProgressStatus = 'In Progress';

export function allowsEquipmentChanges(ticket: { status: string }): boolean {
  return ticket.status === inProgressStatus;
}
