import { useQueries } from '@tanstack/react-query';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '../../../../src/forms/definition.ts';
import { labelIn } from '../forms/field-labels.ts';
import { FieldValueText } from '../forms/FieldValueText.tsx';
import { formKeys } from '../forms/keys.ts';
import { fetchPortalTypeForm, usePortalTicketTypes } from '../forms/queries.ts';

/**
 * The custom values a customer may see on their ticket (the server sends only customer-visible
 * ones), labelled from the customer forms: the portal's ticket view names no type, and a
 * customer may read the customer forms only, never the staff registry.
 */
export function PortalCustomFields({ values }: { values: Record<string, unknown> }) {
  const { i18n } = useTranslation();
  const keys = Object.keys(values);
  const types = usePortalTicketTypes(keys.length > 0);
  const forms = useQueries({ queries: (types.data ?? []).map((type) => ({ queryKey: formKeys.portalTypeForm(type.key), queryFn: () => fetchPortalTypeForm(type.key), staleTime: 30_000 })) });
  const definitions = new Map<string, FieldDefinition>();
  for (const form of forms) for (const field of form.data?.fields ?? []) definitions.set(field.key, field);
  const shown = keys.flatMap((key) => (definitions.has(key) ? [definitions.get(key)!] : []));
  if (!shown.length) return null;
  return (
    <Descriptions size="small" column={1} colon data-testid="portal-custom-fields">
      {shown.map((field) => (
        <Descriptions.Item key={field.key} label={labelIn(field.label, i18n.language)}>
          <span data-testid={`portal-custom-value-${field.key}`}>
            <FieldValueText field={field} value={values[field.key]} staff={false} />
          </span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
