import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { policyPlaceOf } from './policy-draft.ts';
import type { PolicyReferences } from './policy-references.ts';

/** The server's field errors, each saying in words where it is (条件 1 的第 2 个取值) rather than `conditions.all.0.values.1`. */
export function PolicyErrorList({ errors, references }: { errors: { path: string; message: string }[]; references: PolicyReferences }) {
  const { t, i18n } = useTranslation();
  // A full-width colon in Chinese text; kept out of the catalogue, where sentences must contain Han characters.
  const separator = i18n.language.startsWith('zh') ? '：' : ': ';
  const describe = (path: string): string => {
    const place = policyPlaceOf(path);
    switch (place.kind) {
      case 'condition':
        return place.value === null ? t('sla.policies.place.condition', { n: place.condition + 1 }) : t('sla.policies.place.conditionValue', { n: place.condition + 1, m: place.value + 1 });
      case 'target': {
        const priority = references.priorities.find((p) => p.value === place.priority)?.label ?? place.priority;
        return t('sla.policies.place.target', { priority }) + (place.target ? ` ${t(`sla.policies.targets.${place.target}`, { defaultValue: '' })}` : '');
      }
      case 'step':
        return place.action === null ? t('sla.policies.place.step', { n: place.step + 1 }) : t('sla.policies.place.stepAction', { n: place.step + 1, m: place.action + 1 });
      case 'field':
        return t(`sla.policies.place.${place.field}`, { defaultValue: '' }) || t(`sla.place.${place.field}`, { defaultValue: path });
    }
  };
  return (
    <Alert
      type="error"
      showIcon
      title={t('sla.invalidTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {errors.map((error, index) => (
            <li key={`${error.path}-${index}`}>
              {describe(error.path)}
              {separator}
              {error.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
