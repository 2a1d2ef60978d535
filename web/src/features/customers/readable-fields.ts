import type { FieldDefinition } from '../../../../src/forms/definition.ts';

/** Custom fields a role may read: the server sends no values of the others (nor filters by them), so the pages show none of them. */
export function readableFields<F extends Pick<FieldDefinition, 'readRoles'> & { builtIn?: boolean }>(registry: readonly F[], role: string): F[] {
  return registry.filter((field) => !field.builtIn && (field.readRoles.length === 0 || field.readRoles.includes(role)));
}
