import type { Db } from '../db/database.js';

/** A name in the console's two languages. */
export type ActorLabels = { 'zh-CN': string; en: string };

/**
 * Who acted when no person did, as the ticket timeline names it. Every module that changes
 * tickets by itself acts under an id no user has, of one kind:
 * - `assignment` (and `assignment:<strategy>`: 自动分配（轮询）…), the assignment module;
 * - `sla`: SLA 升级, the SLA engine's escalation steps;
 * - `automation`: the automation itself (a chain stopped, a time rule came due);
 * - `rule:<id>`: one automation rule, acting under the rule's own id (规则「VIP 升级」).
 */
export type SystemActorName = { id: string; kind: string; labels: ActorLabels };

/** Names of actors a module looks up (a rule is named by its current name): those of `ids` it knows. */
export type SystemActorResolver = (db: Db, ids: readonly string[]) => Promise<SystemActorName[]>;

/**
 * The one registry of system actors' names, per app (AppContext.systemActors), filled by modules in
 * registerJobs: fixed actors by id, and resolvers for actors whose ids are other rows' (rules).
 * `GET /api/v1/actor-names` answers from it, so the console names every system actor alike.
 */
export class SystemActors {
  private readonly fixed = new Map<string, SystemActorName>();
  private readonly resolvers: SystemActorResolver[] = [];

  register(actor: SystemActorName): void {
    if (this.fixed.has(actor.id)) throw new Error(`System actor ${actor.id} is registered twice`);
    this.fixed.set(actor.id, actor);
  }

  registerResolver(resolver: SystemActorResolver): void {
    this.resolvers.push(resolver);
  }

  /** The names of those of `ids` that are system actors; other ids (users, unknown rules) are left out. */
  async names(db: Db, ids: readonly string[]): Promise<SystemActorName[]> {
    const unique = [...new Set(ids)];
    const found = unique.flatMap((id) => this.fixed.get(id) ?? []);
    let rest = unique.filter((id) => !this.fixed.has(id));
    for (const resolve of this.resolvers) {
      if (rest.length === 0) break;
      const named = await resolve(db, rest);
      found.push(...named);
      const done = new Set(named.map((actor) => actor.id));
      rest = rest.filter((id) => !done.has(id));
    }
    return found;
  }
}
