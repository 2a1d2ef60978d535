import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionalColumns, type ListPreferences, type OptionalColumn } from './list-preferences.ts';
import { labelIn } from '../forms/field-labels.ts';
import type { RegistryField } from '../forms/queries.ts';

const columnLabel: Record<OptionalColumn, string> = { number: 'list.number', requester: 'list.requester', priority: 'list.priority', sla: 'sla.timer.column', team: 'list.team' };

/** Density (标准 / 紧凑) and the optional columns, remembered per user by the caller. */
export function ListSettings({ value, onChange, customFields = [], customColumns = [], onCustomColumnsChange }: { value: ListPreferences; onChange: (next: ListPreferences) => void; customFields?: readonly RegistryField[]; customColumns?: string[]; onCustomColumnsChange?: (keys: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const content = (
    <Space direction="vertical" data-testid="list-settings">
      <Typography.Text strong>{t('listLayout.density')}</Typography.Text>
      <Segmented
        data-testid="list-density"
        value={value.density}
        onChange={(density) => onChange({ ...value, density: density as ListPreferences['density'] })}
        options={[
          { value: 'comfortable', label: t('listLayout.comfortable') },
          { value: 'compact', label: t('listLayout.compact') },
        ]}
      />
      <Typography.Text strong>{t('listLayout.columns')}</Typography.Text>
      <Checkbox.Group
        style={{ display: 'flex', flexDirection: 'column' }}
        value={optionalColumns.filter((c) => !value.hidden.includes(c))}
        onChange={(shown) => onChange({ ...value, hidden: optionalColumns.filter((c) => !(shown as string[]).includes(c)) })}
        options={optionalColumns.map((c) => ({ value: c, label: t(columnLabel[c]) }))}
      />
      {customFields.length && onCustomColumnsChange ? (
        <>
          {/* Chosen per view: 污染类型 where complaints are worked, 型号 where repairs are. */}
          <Typography.Text strong>{t('customFields.column')}</Typography.Text>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column' }}
            value={customColumns}
            onChange={(keys) => onCustomColumnsChange(customFields.map((field) => field.key).filter((key) => (keys as string[]).includes(key)))}
            options={customFields.map((field) => ({ value: field.key, label: labelIn(field.label, i18n.language) }))}
            data-testid="list-custom-columns"
          />
        </>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 220, display: 'block' }}>{t('listLayout.hint')}</Typography.Text>
    </Space>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content}>
      <Button icon={<SettingOutlined />} aria-label={t('listLayout.title')} title={t('listLayout.title')} data-testid="list-settings-button" />
    </Popover>
  );
}
