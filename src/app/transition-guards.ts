import type { Tx } from '../db/database.js';
import type { EventCause } from '../jobs/event-definition.js';
import { Conflict } from './errors.js';

/** A status change about to be written (inside its transaction, the ticket row locked). */
export type StatusTransition = { ticketId: string; from: string; to: string; actorId: string | null; cause: EventCause };

/** Why a guard refuses: a message key in both catalogues (the guard's module adds it) and its parameters. */
export type TransitionRefusal = { code: string; params?: Record<string, string | number> };

/** Answers null to allow the change, or a refusal. Reads through `tx`, so it sees the change's own transaction. */
export type TransitionGuard = (tx: Tx, transition: StatusTransition) => Promise<TransitionRefusal | null>;

/** A guard refused a status change: 409 problem+json with the guard's message. */
export class TransitionRefused extends Conflict {}

/**
 * Checks that may refuse a ticket's status change beyond the fixed transition table (the process
 * engine will add some: "cannot resolve before the site survey is done"). Modules add theirs at
 * boot; `updateTicket` asks all of them before it writes. One instance per app (in AppContext).
 */
export class TransitionGuards {
  private readonly guards = new Map<string, TransitionGuard>();

  add(name: string, guard: TransitionGuard): void {
    if (this.guards.has(name)) throw new Error(`Transition guard ${name} is added twice`);
    this.guards.set(name, guard);
  }

  /** Throws TransitionRefused with the first refusal, in the order the guards were added. */
  async check(tx: Tx, transition: StatusTransition): Promise<void> {
    const refused = await this.firstRefusal(tx, transition);
    if (refused) throw new TransitionRefused(refused.code, { guard: refused.guard, from: transition.from, to: transition.to, ...refused.params });
  }

  /**
   * The first refusal with the guard's name, or null: for a change that is a side effect and must
   * not fail its cause (a customer's message that would reopen the ticket is stored either way).
   */
  async firstRefusal(tx: Tx, transition: StatusTransition): Promise<(TransitionRefusal & { guard: string }) | null> {
    for (const [name, guard] of this.guards) {
      const refusal = await guard(tx, transition);
      if (refusal) return { ...refusal, guard: name };
    }
    return null;
  }
}
