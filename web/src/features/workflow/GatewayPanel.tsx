import { Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelText, type NodeInput, type TransitionInput } from './diagram.ts';
import { Property } from './panel-parts.tsx';

type GatewayInput = Extract<NodeInput, { kind: 'gateway' }>;
type Props = { gateway: GatewayInput; onChange: (next: GatewayInput) => void; outgoing: readonly TransitionInput[]; splits: readonly GatewayInput[] };

/** Another kind of gateway at the same place, keeping its id and name. */
function asKind(gateway: GatewayInput, kind: GatewayInput['gateway']): GatewayInput {
  const { id, name, position } = gateway;
  const base = { kind: 'gateway' as const, id, position, ...(name && { name }) };
  return kind === 'join' ? { ...base, gateway: 'join', join: 'all' } : kind === 'exclusive' ? { ...base, gateway: 'exclusive' } : { ...base, gateway: 'parallel' };
}

/** 网关: its kind, an exclusive one's default branch, a join's split and rule. */
export function GatewayPanel({ gateway, onChange, outgoing, splits }: Props) {
  const { t, i18n } = useTranslation();
  const name = gateway.name ?? { 'zh-CN': '', en: '' };
  return (
    <>
      <Property name={t('workflow.prop.nameZh')} hint={t('workflow.prop.nameZhHint')}>
        <Input aria-label={t('workflow.prop.nameZh')} value={name['zh-CN']} onChange={(e) => onChange({ ...gateway, name: { ...name, 'zh-CN': e.target.value } })} />
      </Property>
      <Property name={t('workflow.prop.gatewayKind')} hint={t('workflow.prop.gatewayKindHint')}>
        <Radio.Group
          optionType="button"
          size="small"
          value={gateway.gateway}
          onChange={(e) => onChange(asKind(gateway, e.target.value))}
          options={(['exclusive', 'parallel', 'join'] as const).map((kind) => ({ value: kind, label: t(`workflow.kind.${kind}`) }))}
        />
      </Property>
      {gateway.gateway === 'exclusive' && (
        <Property name={t('workflow.prop.defaultTransition')} hint={t('workflow.prop.defaultTransitionHint')}>
          <Select
            aria-label={t('workflow.prop.defaultTransition')}
            placeholder={t('workflow.prop.choose')}
            value={gateway.defaultTransition}
            onChange={(defaultTransition: string) => onChange({ ...gateway, defaultTransition })}
            options={outgoing.map((transition) => ({ value: transition.id, label: labelText(transition.label, i18n.language) || transition.id }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
          />
        </Property>
      )}
      {gateway.gateway === 'join' && (
        <>
          <Property name={t('workflow.prop.split')} hint={t('workflow.prop.splitHint')}>
            <Select aria-label={t('workflow.prop.split')} placeholder={t('workflow.prop.choose')} value={gateway.split} onChange={(split: string) => onChange({ ...gateway, split })} options={splits.map((split) => ({ value: split.id, label: labelText(split.name, i18n.language) || split.id }))} style={{ width: '100%' }} />
          </Property>
          <Property name={t('workflow.prop.joinRule')} hint={t('workflow.prop.joinRuleHint')}>
            <Radio.Group value={gateway.join ?? 'all'} onChange={(e) => onChange({ ...gateway, join: e.target.value })} options={[{ value: 'all', label: t('workflow.prop.joinAll') }, { value: 'any', label: t('workflow.prop.joinAny') }, { value: 'n', label: t('workflow.prop.joinN') }]} />
          </Property>
          {gateway.join === 'n' && (
            <Property name={t('workflow.prop.joinN_n')} hint={t('workflow.prop.joinN_nHint')}>
              <InputNumber aria-label={t('workflow.prop.joinN_n')} min={1} max={50} precision={0} value={gateway.n ?? null} onChange={(n) => onChange({ ...gateway, n: n ?? undefined })} />
            </Property>
          )}
        </>
      )}
      {gateway.gateway === 'parallel' && <Typography.Text type="secondary">{t('workflow.prop.gatewayKindHint')}</Typography.Text>}
    </>
  );
}
