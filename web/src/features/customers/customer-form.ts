import { useMemo } from 'react';
import type { FieldDefinition, FormAudience } from '../../../../src/forms/definition.ts';
import { prepareForm, type PreparedForm } from '../../../../src/forms/prepare-form.ts';
import { registryForm } from '../../../../src/forms/record-form.ts';
import { useMe } from '../../app/session.ts';
import { useRecordFields } from '../forms/queries.ts';
import { readableFields } from './readable-fields.ts';

/** The registries the customer pages read: contact fields and organisation fields. */
export type CustomerFieldEntity = 'contact' | 'organisation';

export type CustomerForm = {
  /** The fields this person may read (a field's read roles; empty: every staff role), archived ones too. */
  fields: FieldDefinition[];
  /** Their form as the server judges it (src/forms/record-form.ts), placing the live ones. */
  prepared: PreparedForm;
  audience: FormAudience;
};

/**
 * A contact's or organisation's custom fields ready to show and edit with the ticket page's
 * FormRenderer: the registry's form, prepared by the engine the server judges writes with.
 * Archived fields stay in the definitions (their old values keep their labels) but are not placed:
 * they take no new values.
 */
export function useCustomerForm(entity: CustomerFieldEntity) {
  const me = useMe();
  const registry = useRecordFields(entity);
  const form = useMemo((): CustomerForm | undefined => {
    if (!registry.data) return undefined;
    const fields = readableFields(registry.data, me.role);
    const prepared = prepareForm({ form: registryForm(fields.filter((field) => !field.archived)), fields });
    return prepared.ok ? { fields, prepared: prepared.form, audience: { kind: 'staff', role: me.role } } : undefined;
  }, [registry.data, me.role]);
  return { form, registry };
}
