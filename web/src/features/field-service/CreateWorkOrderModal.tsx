import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Cascader, Checkbox, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldOption } from '../../../../src/forms/definition.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ExpiryCell } from '../customers/ExpiryCell.tsx';
import { useContact360 } from '../customers/queries.ts';
import { useChinaRegions } from '../forms/option-sources.ts';
import { ticketKeys } from '../tickets/keys.ts';
import { parseSitePoint } from './site-point.ts';
import { workOrderKeys } from './work-order-api.ts';

type Values = { serviceType?: string; region?: string[]; street?: string; point?: string; deviceIds?: string[] };
type CascaderOption = { value: string; label: string; children?: CascaderOption[] };

const cascaderOptions = (options: readonly FieldOption[]): CascaderOption[] =>
  options.map((o) => ({ value: o.value, label: o.label['zh-CN'], ...(o.children?.length && { children: cascaderOptions(o.children) }) }));

/**
 * 创建派工单 from the ticket page: the service type (the first active one preselected), the site
 * (省/市/区, street, and the point pasted from a map's picker, so the engineer's check-in has a
 * distance) and the devices concerned, from the customer's records with their warranty. What is
 * left out comes from the ticket and the service type on the server, as before: OK at once still
 * creates a work order in one more click.
 */
export function CreateWorkOrderModal({ ticketId, requesterId, canReadCustomers, onClose }: { ticketId: string; requesterId: string | null; canReadCustomers: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const types = useQuery({ queryKey: ['field-service', 'service-types'], queryFn: () => unwrap(api.GET('/api/v1/service-types')).then((r) => r.items.filter((type) => type.active)) });
  const regions = useChinaRegions(true);
  const customer = useContact360(requesterId ?? '', canReadCustomers && Boolean(requesterId));
  const devices = (customer.data?.records ?? []).filter((record) => record.type === 'device');
  const create = useMutation({
    mutationFn: (values: Values) => {
      const point = parseSitePoint(values.point ?? '');
      const site = values.region?.length ? { region: values.region, street: values.street?.trim() ?? '', ...(point && point !== 'invalid' && point) } : undefined;
      return unwrap(api.POST('/api/v1/work-orders', { body: { ticketId, serviceType: values.serviceType, ...(site && { site }), deviceIds: values.deviceIds ?? [] } }));
    },
    onSuccess: (order) => {
      void message.success(t('fieldService.panel.created', { number: order.number }));
      onClose();
    },
    onError: (error) => void message.error(describeError(error, t).message),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: workOrderKeys.ofTicket(ticketId) });
      await queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) });
    },
  });
  const ready = types.data && regions.data;
  return (
    <Modal open title={t('fieldService.create.title')} okText={t('fieldService.create.ok')} cancelText={t('fieldService.create.cancel')} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={create.isPending} okButtonProps={{ disabled: !ready }}>
      {ready ? (
        <Form<Values> form={form} layout="vertical" onFinish={(values) => create.mutate(values)} initialValues={{ serviceType: types.data[0]?.key, deviceIds: [] }}>
          <Form.Item name="serviceType" label={t('fieldService.create.serviceType')}>
            <Select aria-label={t('fieldService.create.serviceType')} options={types.data.map((type) => ({ value: type.key, label: type.name[lang] || type.name['zh-CN'] }))} />
          </Form.Item>
          <Form.Item name="region" label={t('fieldService.create.region')}>
            <Cascader showSearch options={cascaderOptions(regions.data)} aria-label={t('fieldService.create.region')} placeholder={t('fieldService.create.regionPlaceholder')} />
          </Form.Item>
          <Form.Item name="street" label={t('fieldService.create.street')} dependencies={['region']}
            rules={[({ getFieldValue }) => ({ validator: (_, value?: string) => (value?.trim() && !getFieldValue('region')?.length ? Promise.reject(new Error(t('fieldService.create.streetWithoutRegion'))) : Promise.resolve()) })]}>
            <Input maxLength={300} aria-label={t('fieldService.create.street')} />
          </Form.Item>
          <Form.Item name="point" label={t('fieldService.create.point')} extra={t('fieldService.create.pointHint')}
            rules={[{ validator: (_, value?: string) => (parseSitePoint(value ?? '') === 'invalid' ? Promise.reject(new Error(t('fieldService.create.pointInvalid'))) : Promise.resolve()) }]}>
            <Input aria-label={t('fieldService.create.point')} placeholder="101.778,36.6178" />
          </Form.Item>
          <Form.Item name="deviceIds" label={t('fieldService.create.devices')}>
            {devices.length ? (
              <Checkbox.Group style={{ width: '100%' }}>
                <Space direction="vertical" size={2}>
                  {devices.map((device) => (
                    <Checkbox key={device.id} value={device.id}>
                      <span data-testid="create-work-order-device">{device.title} <Typography.Text type="secondary">· {t('fieldService.create.warranty')} <ExpiryCell record={device} /></Typography.Text></span>
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            ) : (
              <Typography.Text type="secondary">{t('fieldService.create.noDevices')}</Typography.Text>
            )}
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
