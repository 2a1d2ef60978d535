import { Col, Divider, Form, Row, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldType as ConditionType } from '../../../../src/conditions/types.ts';
import type { FormAudience, FormField } from '../../../../src/forms/definition.ts';
import { judgeForm, sameValue, type FieldState } from '../../../../src/forms/judge-form.ts';
import type { PreparedForm, PresentedField } from '../../../../src/forms/prepare-form.ts';
import { columnSpans } from './field-layout.ts';
import { labelIn } from './field-labels.ts';
import { fieldInputs } from './field-inputs/index.ts';
import { inputTypeFor } from './field-inputs/input-for.ts';

export type FormRendererProps = {
  prepared: PreparedForm;
  audience: FormAudience;
  /** A new ticket takes the form's defaults; an existing one keeps its values. */
  mode: 'create' | 'update';
  /** Where the custom values sit in the surrounding Ant Design form (default `['fields']`). */
  namePrefix?: string[];
  /** Built-in values the rules may test (priority, category …). */
  builtinValues?: Readonly<Record<string, unknown>>;
  /** The ticket the values belong to, once it exists (attachments upload to it). */
  ticketId?: string;
  /** Everything read-only (the viewer may not edit the ticket). */
  disabled?: boolean;
};

const defaultPrefix = ['fields'];

type Placed = { placed: FormField; field: PresentedField };
type Section = { key: string; label: string; fields: Placed[] };

/**
 * Renders a ticket type's form inside the page's Ant Design Form: the sections for staff, the
 * portal form for a customer. Which fields show, which are required or read-only and which options
 * they offer is decided live by judgeForm, the code the server judges every write with, so the
 * browser and the server cannot disagree. Values rules set or compute are written into the form.
 */
export function FormRenderer({ prepared, audience, mode, namePrefix = defaultPrefix, builtinValues, ticketId, disabled }: FormRendererProps) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const form = Form.useFormInstance();
  const watched = Form.useWatch(namePrefix, { form, preserve: true }) as Record<string, unknown> | undefined;
  const values = useMemo(() => watched ?? {}, [watched]);
  const state = useMemo(() => judgeForm(prepared, values, { audience, mode, ...(builtinValues && { builtinValues }) }), [prepared, values, audience, mode, builtinValues]);

  // Defaults (on a new ticket) and derived values (set / compute rules) land in the form's store,
  // so what is shown is what is sent. Only changed values are written: the next judgement agrees.
  useEffect(() => {
    for (const [key, value] of Object.entries(state.values)) {
      const fieldState = state.fields.get(key);
      const takesDefault = mode === 'create' && isBlank(values[key]) && !isBlank(value) && !form.isFieldTouched([...namePrefix, key]);
      if ((fieldState?.derived || takesDefault) && !sameValue(values[key], value)) form.setFieldValue([...namePrefix, key], value);
    }
  }, [state, values, mode, form, namePrefix]);

  const sections = useMemo(() => sectionsFor(prepared, audience, language), [prepared, audience, language]);
  return (
    <>
      {sections.map((section) => {
        const shown = section.fields.filter(({ field }) => state.fields.get(field.key)?.visible);
        if (!shown.length) return null;
        return (
          <div key={section.key} data-testid={`form-section-${section.key}`}>
            {section.label ? (
              <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
                {section.label}
              </Divider>
            ) : null}
            <Row gutter={12}>
              {shown.map(({ placed, field }) => (
                <Col key={field.key} {...columnSpans(placed.width)}>
                  <FieldItem field={field} conditionType={field.conditionType} placed={placed} state={state.fields.get(field.key)!} namePrefix={namePrefix} language={language} audience={audience} ticketId={ticketId} disabled={disabled} />
                </Col>
              ))}
            </Row>
          </div>
        );
      })}
    </>
  );
}

function FieldItem({ field, conditionType, placed, state, namePrefix, language, audience, ticketId, disabled }: { field: PresentedField; conditionType: ConditionType | null | undefined; placed: FormField; state: FieldState; namePrefix: string[]; language: string; audience: FormAudience; ticketId?: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const inputType = inputTypeFor(field.type, conditionType, (field.options?.length ?? 0) > 0);
  const Input = fieldInputs[inputType];
  const label = labelIn(field.label, language);
  const help = labelIn(placed.help ?? field.help, language);
  const readOnly = disabled || state.readOnly;
  const checkbox = inputType === 'checkbox';
  return (
    <Form.Item
      name={[...namePrefix, field.key]}
      // A checkbox carries its own label beside the box.
      label={checkbox ? undefined : label}
      extra={help ? <Typography.Text type="secondary">{help}</Typography.Text> : undefined}
      required={state.required}
      rules={state.required && !readOnly ? [{ validator: (_, value: unknown) => (missing(field.type === 'checkbox', value) ? Promise.reject(new Error(t('customFields.required', { label }))) : Promise.resolve()) }] : []}
      data-testid={`custom-field-${field.key}`}
      data-required={state.required ? 'true' : 'false'}
    >
      <Input field={field} disabled={readOnly} allowed={state.options} language={language} ticketId={ticketId} audience={audience.kind} />
    </Form.Item>
  );
}

/** Required means ticked for a built-in checkbox (a consent), a value for everything else — as the server checks. */
function missing(checkbox: boolean, value: unknown): boolean {
  return checkbox ? value !== true : isBlank(value);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The staff form's sections, or the portal form as one untitled section. */
function sectionsFor(prepared: PreparedForm, audience: FormAudience, language: string): Section[] {
  const resolve = (fields: readonly FormField[]) => fields.flatMap((placed) => (prepared.fields.get(placed.key) ? [{ placed, field: prepared.fields.get(placed.key)! }] : []));
  if (audience.kind === 'customer') return [{ key: 'portal', label: '', fields: resolve(prepared.form.portal.fields) }];
  return prepared.form.sections.map((section) => ({ key: section.key, label: labelIn(section.label, language), fields: resolve(section.fields) }));
}

