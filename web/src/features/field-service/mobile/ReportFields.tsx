import { useText } from './text-context.ts';
import type { MobileReportField as ReportField } from './mobile-api.ts';

/**
 * The service type's report fields, rendered lightly (no antd on the phone): text, long text,
 * numbers, dates, choices, checkbox and rating; any other type as text. The server judges the
 * values with the form engine when the report syncs (a refusal lands in the kept list).
 */
export function ReportFields({ fields, values, change }: { fields: readonly ReportField[]; values: Record<string, unknown>; change: (key: string, value: unknown) => void }) {
  const { t, locale } = useText();
  const active = fields.filter((field) => !field.archived);
  if (!active.length) return null;
  return (
    <fieldset className="m-fieldset" data-testid="m-report-fields">
      <legend>{t('reportFields')}</legend>
      {active.map((field) => {
        const label = field.label[locale] || field.label['zh-CN'];
        const value = values[field.key];
        const id = `m-field-${field.key}`;
        let input;
        if (field.type === 'textarea') input = <textarea id={id} value={String(value ?? '')} onChange={(e) => change(field.key, e.target.value)} />;
        else if (field.type === 'number' || field.type === 'money' || field.type === 'rating') input = <input id={id} type="number" inputMode="decimal" value={value === undefined || value === null ? '' : String(value)} onChange={(e) => change(field.key, e.target.value === '' ? null : Number(e.target.value))} />;
        else if (field.type === 'checkbox') input = <input id={id} type="checkbox" checked={value === true} onChange={(e) => change(field.key, e.target.checked)} />;
        else if (field.type === 'date') input = <input id={id} type="date" value={String(value ?? '')} onChange={(e) => change(field.key, e.target.value || null)} />;
        else if (field.type === 'select' && field.options) {
          input = (
            <select id={id} value={String(value ?? '')} onChange={(e) => change(field.key, e.target.value || null)}>
              <option value="">—</option>
              {field.options.filter((o) => !o.deleted).map((o) => <option key={o.value} value={o.value}>{o.label[locale] || o.label['zh-CN']}</option>)}
            </select>
          );
        } else input = <input id={id} value={String(value ?? '')} onChange={(e) => change(field.key, e.target.value)} />;
        return <label key={field.key} htmlFor={id} className="m-field">{label}{input}</label>;
      })}
    </fieldset>
  );
}
