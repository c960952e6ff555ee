// What the suite created on the deployment and has not removed again. Cleanup deletes exactly this:
// never a record the suite did not create.

export interface CreatedRecord {
  ticketId: string;
  equipmentId: number;
}

export function createLedger() {
  const counts = new Map<string, { record: CreatedRecord; count: number }>();
  const key = (r: CreatedRecord) => `${r.ticketId}/${r.equipmentId}`;
  return {
    created(record: CreatedRecord): void {
      const entry = counts.get(key(record));
      if (entry === undefined) counts.set(key(record), { record, count: 1 });
      else entry.count++;
    },
    removed(record: CreatedRecord): void {
      const entry = counts.get(key(record));
      if (entry === undefined) return;
      if (--entry.count <= 0) counts.delete(key(record));
    },
    /** Records still present, once per time they were created (a duplicate add counts twice). */
    outstanding(): CreatedRecord[] {
      return [...counts.values()].flatMap(({ record, count }) => Array.from({ length: count }, () => record));
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
