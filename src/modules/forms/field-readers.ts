import type { FieldDescriptor } from '../../conditions/types.js';
import type { Db } from '../../db/database.js';
import type { Label } from '../../forms/definition.js';

/**
 * What the forms module reads from the tickets module, which it cannot import (tickets imports
 * forms): the ticket's built-in fields, so the registry lists them beside custom ones and form
 * rules may test them, and how many tickets hold a value of a custom field, so a field in use is
 * not deleted. The tickets module provides it on the app context (`readModels`, slot `ticketFields`).
 */
export type BuiltinField = FieldDescriptor & {
  label: Label;
  filterable: boolean;
  sortable: boolean;
  searchable: boolean;
  /** The portal shows it to the ticket's customer. */
  customerVisible: boolean;
};

export type TicketFieldsReader = {
  builtins(db: Db): Promise<BuiltinField[]>;
  /** Tickets whose `fields` hold a value under `key`. */
  countValues(db: Db, key: string): Promise<number>;
};

/**
 * How many contacts or organisations hold a value of one of their custom fields, so a field in use
 * is not deleted. The customers module provides it (`readModels`, slot `customerFields`): forms
 * cannot import customers, which imports forms to judge its values.
 */
export type CustomerFieldsReader = {
  countValues(db: Db, entity: 'contact' | 'organisation', key: string): Promise<number>;
};
