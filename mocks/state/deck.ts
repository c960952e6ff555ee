// Distinct draws from a list in O(draws), not O(list). faker's `arrayElements` copies the whole list on
// every call, so 100,000 tickets drawing one record each from a catalogue of 100,000 entries copied
// 10,000,000,000 of them. A deck is the list's positions, shuffled lazily: only a position a draw has
// touched is stored, every other one still holds its own index. A draw makes exactly the random calls
// and swaps `arrayElements` makes, so the same seed picks the same entries as before.
import type { Faker } from '@faker-js/faker';

export interface Deck {
  /** How many positions are still in the deck. */
  readonly size: number;
  /**
   * Takes `count` positions out of the deck, as `faker.helpers.arrayElements(list, count)` picks them
   * from the list of the positions still in it, in its order. `count` must not exceed `size`.
   */
  draw(faker: Faker, count: number): number[];
  /** Takes one position out of the deck (one already used elsewhere), in O(1); one not in it is ignored. */
  remove(position: number): void;
}

/** A deck of the positions 0 … size - 1, in order. */
export function createDeck(size: number): Deck {
  let left = size;
  // Where a moved position is held, and what a moved slot holds; an absent key holds itself.
  const holds = new Map<number, number>();
  const slotOf = new Map<number, number>();
  const at = (slot: number) => holds.get(slot) ?? slot;
  const put = (slot: number, position: number) => {
    holds.set(slot, position);
    slotOf.set(position, slot);
  };
  const swap = (a: number, b: number) => {
    const atA = at(a);
    put(a, at(b));
    put(b, atA);
  };
  const take = (from: number): number[] => {
    const taken: number[] = [];
    for (let slot = from; slot < left; slot++) taken.push(at(slot));
    left = from;
    return taken;
  };
  return {
    get size() {
      return left;
    },
    draw(faker, count) {
      if (left === 0 || count <= 0) return [];
      // arrayElements shuffles the whole list when asked for all of it: so does this, at the same cost.
      // Stryker disable next-line EqualityOperator,ConditionalExpression,ObjectLiteral,BooleanLiteral: a speed path — the swaps below make the same random calls and the same picks for count === left (a test holds both), only through the maps
      if (count >= left) return faker.helpers.shuffle(take(0), { inplace: true });
      const from = left - count;
      for (let slot = left - 1; slot >= from; slot--) swap(faker.number.int(slot), slot);
      return take(from);
    },
    remove(position) {
      const slot = slotOf.get(position) ?? position;
      if (slot >= left) return;
      swap(slot, left - 1);
      left--;
    },
  };
}
