import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormRenderer } from '../forms/FormRenderer.tsx';
import { filledValues, precheck } from '../forms/precheck.ts';
import { useCustomerForm, type CustomerFieldEntity } from './customer-form.ts';

/**
 * The custom fields (客户行业, 客户来源 …) of a contact or organisation being created, for the two
 * 新建 dialogs: the registry's form rendered under `fields`, and what to send. A new record sends
 * only the values filled in; when it sends some, the server judges them as a whole (required
 * fields included), so the same check runs here first and marks each field it refuses.
 */
export function useNewRecordFields(entity: CustomerFieldEntity) {
  const { i18n } = useTranslation();
  const { form: customForm } = useCustomerForm(entity);

  const inputs = customForm && customForm.prepared.staffPlacement.size > 0 ? <FormRenderer prepared={customForm.prepared} audience={customForm.audience} mode="create" /> : null;

  /** The values to send (none: `undefined`), or null after marking the fields the check refuses. */
  function valuesToSend(form: FormInstance): Record<string, unknown> | undefined | null {
    const filled = filledValues(form.getFieldValue('fields') as Record<string, unknown> | undefined);
    if (!Object.keys(filled).length) return undefined;
    const issues = customForm ? precheck(customForm.prepared, filled, { audience: customForm.audience, language: i18n.language }) : [];
    if (issues.length) {
      form.setFields(issues);
      return null;
    }
    return filled;
  }

  return { inputs, valuesToSend };
}
