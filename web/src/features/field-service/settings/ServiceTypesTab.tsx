import { App, Button, Form, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState } from '../../../shared/ui/states.tsx';
import { useServiceTypes, useUpdateServiceType, type ServiceType, type ServiceTypeChanges } from './settings-api.ts';

const picks = ['best', 'nearest', 'least_loaded'] as const;

/** Auto-dispatch per service type (on/off, which suggestion wins, how far ahead) and its check-in radius. */
export function ServiceTypesTab({ manage }: { manage: boolean }) {
  const { t, i18n } = useTranslation();
  const types = useServiceTypes();
  const [editing, setEditing] = useState<ServiceType | null>(null);
  if (types.isError) return <ErrorState error={types.error} onRetry={() => types.refetch()} />;
  const name = (type: ServiceType) => (i18n.language === 'en' && type.name.en) || type.name['zh-CN'];
  return (
    <>
      <Table<ServiceType>
        rowKey="id"
        loading={types.isLoading}
        dataSource={types.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState title={t('dispatch.settings.types.empty')} /> }}
        columns={[
          { title: t('dispatch.settings.types.name'), render: (_, type) => name(type) },
          { title: t('dispatch.settings.types.autoDispatch'), render: (_, type) => <Tag color={type.autoDispatch ? 'green' : undefined} data-testid={`auto-dispatch-${type.key}`}>{t(type.autoDispatch ? 'dispatch.settings.types.on' : 'dispatch.settings.types.off')}</Tag> },
          {
            title: t('dispatch.settings.types.rule'),
            render: (_, type) => `${t(`dispatch.settings.types.pickOptions.${type.autoDispatchPick}`)} · ${type.autoDispatchWithinHours === null ? t('dispatch.settings.types.anyTime') : t('dispatch.settings.types.withinHoursValue', { hours: type.autoDispatchWithinHours })}`,
          },
          { title: t('dispatch.settings.types.radius'), render: (_, type) => t('dispatch.settings.types.radiusValue', { meters: type.checkInRadiusMeters }) },
          ...(manage ? [{ key: 'edit', render: (_: unknown, type: ServiceType) => <Button size="small" onClick={() => setEditing(type)}>{t('dispatch.settings.types.edit', { name: name(type) })}</Button> }] : []),
        ]}
      />
      {editing ? <ServiceTypeModal type={editing} name={name(editing)} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

type Values = { autoDispatch: boolean; autoDispatchPick: ServiceType['autoDispatchPick']; autoDispatchWithinHours: number | null; checkInRadiusMeters: number };

function ServiceTypeModal({ type, name, onClose }: { type: ServiceType; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateServiceType();
  const save = (values: Values) => {
    const changes: ServiceTypeChanges = { ...values, autoDispatchWithinHours: values.autoDispatchWithinHours ?? null };
    update.mutate({ type, changes }, {
      onSuccess: () => {
        message.success(t('dispatch.settings.types.saved', { name }));
        onClose();
      },
      onError: (error) => message.error(describeError(error, t).message),
    });
  };
  return (
    <Modal open title={t('dispatch.settings.types.title', { name })} okText={t('dispatch.profile.save')} cancelText={t('dispatch.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending}>
      <Form<Values> form={form} layout="vertical" onFinish={save}
        initialValues={{ autoDispatch: type.autoDispatch, autoDispatchPick: type.autoDispatchPick, autoDispatchWithinHours: type.autoDispatchWithinHours, checkInRadiusMeters: type.checkInRadiusMeters }}>
        <Form.Item name="autoDispatch" label={t('dispatch.settings.types.autoDispatch')} valuePropName="checked">
          <Switch aria-label={t('dispatch.settings.types.autoDispatch')} />
        </Form.Item>
        <Form.Item name="autoDispatchPick" label={t('dispatch.settings.types.pick')}>
          <Select aria-label={t('dispatch.settings.types.pick')} options={picks.map((pick) => ({ value: pick, label: t(`dispatch.settings.types.pickOptions.${pick}`) }))} />
        </Form.Item>
        <Form.Item name="autoDispatchWithinHours" label={t('dispatch.settings.types.withinHours')} extra={t('dispatch.settings.types.withinHoursHint')}>
          <InputNumber aria-label={t('dispatch.settings.types.withinHours')} min={1} max={720} />
        </Form.Item>
        <Form.Item name="checkInRadiusMeters" label={t('dispatch.settings.types.radiusLabel')} rules={[{ required: true }]}>
          <InputNumber aria-label={t('dispatch.settings.types.radiusLabel')} min={50} max={50_000} step={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
