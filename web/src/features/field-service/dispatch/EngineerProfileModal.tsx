import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Cascader, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldOption } from '../../../../../src/forms/definition.ts';
import { api, unwrap } from '../../../shared/api/client.ts';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { useChinaRegions } from '../../forms/option-sources.ts';
import { dispatchKeys } from './dispatch-api.ts';

type Values = { skills: string[]; zones: string[][]; dailyCapacity: number; homeRegion?: string[]; homeStreet?: string; homeLat?: number | null; homeLng?: number | null };
type CascaderOption = { value: string; label: string; children?: CascaderOption[] };

const cascaderOptions = (options: readonly FieldOption[]): CascaderOption[] =>
  options.map((o) => ({ value: o.value, label: o.label['zh-CN'], ...(o.children?.length && { children: cascaderOptions(o.children) }) }));

/** The code path of a zone code in the tree (a 6-digit district under its city and province). */
function pathOf(options: readonly FieldOption[], code: string): string[] {
  for (const option of options) {
    if (option.value === code) return [code];
    const below = option.children ? pathOf(option.children, code) : [];
    if (below.length) return [option.value, ...below];
  }
  return [code];
}

/** The home base as the API takes it: none without a region; the point only as a pair. */
function homeOf(values: Values) {
  if (!values.homeRegion?.length) return null;
  const point = values.homeLat != null && values.homeLng != null ? { lat: values.homeLat, lng: values.homeLng } : {};
  return { region: values.homeRegion, street: values.homeStreet ?? '', ...point };
}

/**
 * 工程师档案: skills, service zones (省/市/区, a higher level covers what is under it), the daily
 * capacity and the home base (region, street, GCJ-02 point), saved with the profile's version. Used
 * on the board and on 设置 › 现场服务.
 */
export function EngineerProfileModal({ engineerId, onClose }: { engineerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const engineers = useQuery({ queryKey: [...dispatchKeys.all, 'engineers'], queryFn: () => unwrap(api.GET('/api/v1/engineers')).then((r) => r.items) });
  const regions = useChinaRegions(true);
  const engineer = engineers.data?.find((e) => e.id === engineerId);
  const save = useMutation({
    mutationFn: (values: Values) => unwrap(api.PUT('/api/v1/engineers/{id}/profile', {
      params: { path: { id: engineerId }, header: { 'if-match': String(engineer!.version) } },
      body: { skills: values.skills, zones: values.zones.map((path) => path.at(-1)!), dailyCapacity: values.dailyCapacity, home: homeOf(values) },
    })),
    onSuccess: async () => {
      message.success(t('dispatch.profile.saved'));
      await queryClient.invalidateQueries({ queryKey: dispatchKeys.all });
      onClose();
    },
    onError: (error) => message.error(describeError(error, t).message),
  });
  const ready = engineer && regions.data;
  return (
    <Modal open title={t('dispatch.profile.title', { name: engineer?.name ?? '' })} okText={t('dispatch.profile.save')} cancelText={t('dispatch.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ disabled: !ready }}>
      {ready ? (
        <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}
          initialValues={{
            skills: engineer.skills, zones: engineer.zones.map((code) => pathOf(regions.data, code)), dailyCapacity: engineer.dailyCapacity,
            homeRegion: engineer.home?.region, homeStreet: engineer.home?.street, homeLat: engineer.home?.lat, homeLng: engineer.home?.lng,
          }}>
          <Form.Item name="skills" label={t('dispatch.profile.skills')}>
            <Select mode="tags" aria-label={t('dispatch.profile.skills')} tokenSeparators={[',', '，']} />
          </Form.Item>
          <Form.Item name="zones" label={t('dispatch.profile.zones')} extra={t('dispatch.profile.zonesHint')}>
            <Cascader multiple changeOnSelect showCheckedStrategy={Cascader.SHOW_PARENT} options={cascaderOptions(regions.data)} aria-label={t('dispatch.profile.zones')} />
          </Form.Item>
          <Form.Item name="dailyCapacity" label={t('dispatch.profile.dailyCapacity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item label={t('dispatch.profile.home')} extra={t('dispatch.profile.homeHint')} style={{ marginBottom: 0 }}>
            <Form.Item name="homeRegion">
              <Cascader changeOnSelect options={cascaderOptions(regions.data)} aria-label={t('dispatch.profile.homeRegion')} placeholder={t('dispatch.profile.homeRegion')} />
            </Form.Item>
            <Form.Item name="homeStreet">
              <Input aria-label={t('dispatch.profile.homeStreet')} placeholder={t('dispatch.profile.homeStreet')} maxLength={300} />
            </Form.Item>
            <Space>
              <Form.Item name="homeLat"><InputNumber aria-label={t('dispatch.profile.homeLat')} placeholder={t('dispatch.profile.homeLat')} min={-90} max={90} step={0.0001} style={{ width: 180 }} /></Form.Item>
              <Form.Item name="homeLng"><InputNumber aria-label={t('dispatch.profile.homeLng')} placeholder={t('dispatch.profile.homeLng')} min={-180} max={180} step={0.0001} style={{ width: 180 }} /></Form.Item>
            </Space>
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
