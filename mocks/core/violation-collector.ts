// Collects violations up to a cap and counts the rest. A hostile document can hold millions of broken
// entries; listing each would make the answer larger than the request (and the work unbounded).
import type { Violation } from './problems.js';

/** "1 violation", "1,501 violations". */
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** How many violations a problem lists; the rest are counted in one closing line. */
export const listedViolationsCap = 100;

export class ViolationCollector {
  private readonly listed: Violation[] = [];
  private unlistedViolations = 0;
  private unlistedEntries = 0;

  constructor(private readonly cap = listedViolationsCap) {}

  add(violation: Violation): void {
    if (this.listed.length < this.cap) this.listed.push(violation);
    else this.unlistedViolations++;
  }

  /** Like add, but builds the violation (its message, its pointer) only if it will be listed. */
  addLazily(make: () => Violation): void {
    if (this.listed.length < this.cap) this.listed.push(make());
    else this.unlistedViolations++;
  }

  /**
   * Once the list is full, a caller may stop building violations and count the entries (array items,
   * object keys) that have any: one cheap yes/no each instead of every error of every entry.
   */
  addUnlistedEntry(): void {
    this.unlistedEntries++;
  }

  get full(): boolean {
    return this.listed.length >= this.cap;
  }

  /** Whether anything was found at all. */
  get empty(): boolean {
    return this.listed.length === 0;
  }

  /** The listed violations, with one more line that counts what was left out. */
  list(): Violation[] {
    const more = [
      this.unlistedViolations > 0 ? count(this.unlistedViolations, 'more violation', 'more violations') : '',
      this.unlistedEntries > 0 ? count(this.unlistedEntries, 'more entry with violations', 'more entries with violations') : '',
    ].filter(Boolean);
    if (more.length === 0) return [...this.listed];
    return [...this.listed, { field: '(more)', message: `${more.join(' and ')}, not listed (only the first ${this.cap === 1 ? 'violation is' : `${this.cap.toLocaleString('en-US')} violations are`}); fix these and try again` }];
  }
}
