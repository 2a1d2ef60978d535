import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConditionIssue } from '../../../../../src/conditions/types.ts';
import type { FormRule, RuleEffect } from '../../../../../src/forms/definition.ts';
import { descriptorOf, labelIn, liveOptions, type RegistryField } from './registry-field.ts';
import { draftOfRule, effectKinds, nextRuleId, resetLeaf, ruleOfDraft, type RuleDraft } from './rule-draft.ts';
import { ConditionLeaves } from './ConditionLeaves.tsx';
import { ValueInput } from './ValueInput.tsx';

type Props = {
  rules: FormRule[];
  onChange: (rules: FormRule[]) => void;
  /** Fields a condition may test: the form's fields and the ticket's built-in ones. */
  conditionFields: readonly RegistryField[];
  /** Fields on the form, which effects may act on. */
  formFields: readonly RegistryField[];
  issues: readonly ConditionIssue[];
  describeIssue: (issue: ConditionIssue) => string;
};

/** 表单联动: "当 [field] [operator] [value] … 则 [effect] [field]" rows, written as src/forms rules. */
export function RuleBuilder({ rules, onChange, conditionFields, formFields, issues, describeIssue }: Props) {
  const { t } = useTranslation();
  const set = (index: number, rule: FormRule) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  const firstCondition = conditionFields.find((field) => descriptorOf(field) && !field.builtIn) ?? conditionFields.find((field) => descriptorOf(field));
  const firstTarget = formFields[0];
  const add = () => {
    const leaf = firstCondition ? resetLeaf(firstCondition.key, descriptorOf(firstCondition)!.type) : undefined;
    onChange([...rules, ruleOfDraft({ id: nextRuleId(rules), match: 'all', conditions: leaf ? [leaf] : [], effects: firstTarget ? [{ effect: 'show', field: firstTarget.key }] : [] })]);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('formsDesigner.rules.intro')}</Typography.Text>
      {rules.length === 0 && <Empty description={t('formsDesigner.rules.empty')} />}
      {rules.map((rule, index) => {
        const own = issues.filter((issue) => issue.path === `rules.${index}` || issue.path.startsWith(`rules.${index}.`));
        const draft = draftOfRule(rule);
        return (
          <Card key={rule.id} size="small" data-rule={rule.id} title={rule.label || `#${index + 1}`} extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('formsDesigner.rules.removeRule')} onClick={() => onChange(rules.filter((_, i) => i !== index))} />}>
            {draft ? (
              <RuleRows draft={draft} onChange={(next) => set(index, ruleOfDraft(next))} conditionFields={conditionFields} formFields={formFields} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">{t('formsDesigner.rules.readOnlyRule')}</Typography.Text>
                <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(rule, null, 2)}</Typography.Paragraph>
              </Space>
            )}
            {own.length > 0 && <Alert type="error" style={{ marginTop: 8 }} title={own.map((issue) => <div key={issue.path + issue.code}>{describeIssue(issue)}</div>)} />}
          </Card>
        );
      })}
      <Button type="dashed" icon={<PlusOutlined />} onClick={add} disabled={!firstTarget}>{t('formsDesigner.rules.add')}</Button>
    </Space>
  );
}

function RuleRows({ draft, onChange, conditionFields, formFields }: { draft: RuleDraft; onChange: (draft: RuleDraft) => void; conditionFields: readonly RegistryField[]; formFields: readonly RegistryField[] }) {
  const { t, i18n } = useTranslation();
  const setEffect = (index: number, effect: RuleEffect) => onChange({ ...draft, effects: draft.effects.map((e, i) => (i === index ? effect : e)) });
  const targetOptions = formFields.map((field) => ({ value: field.key, label: labelIn(field.label, i18n.language) || field.key }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input size="small" style={{ width: 240 }} placeholder={t('formsDesigner.rules.label')} aria-label={t('formsDesigner.rules.label')} value={draft.label ?? ''} onChange={(event) => onChange({ ...draft, label: event.target.value || undefined })} />
      </Space>
      <ConditionLeaves match={draft.match} conditions={draft.conditions} fields={conditionFields} onChange={({ match, conditions }) => onChange({ ...draft, match, conditions })} />
      <Typography.Text strong>{t('formsDesigner.rules.then')}</Typography.Text>
      {draft.effects.map((effect, index) => (
        <EffectRow key={index} effect={effect} targets={targetOptions} formFields={formFields} onChange={(next) => setEffect(index, next)} onRemove={() => onChange({ ...draft, effects: draft.effects.filter((_, i) => i !== index) })} />
      ))}
      <Button size="small" type="link" icon={<PlusOutlined />} style={{ paddingInlineStart: 16 }} disabled={!formFields.length} onClick={() => onChange({ ...draft, effects: [...draft.effects, { effect: 'show', field: formFields[0]!.key }] })}>
        {t('formsDesigner.rules.addEffect')}
      </Button>
    </Space>
  );
}

function EffectRow({ effect, targets, formFields, onChange, onRemove }: { effect: RuleEffect; targets: { value: string; label: string }[]; formFields: readonly RegistryField[]; onChange: (effect: RuleEffect) => void; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const target = formFields.find((field) => field.key === effect.field);
  const withKind = (kind: RuleEffect['effect']): RuleEffect => {
    const field = effect.field;
    switch (kind) {
      case 'options':
        return { effect: kind, field, values: [] };
      case 'default':
      case 'set':
        return { effect: kind, field, value: undefined };
      case 'compute':
        return { effect: kind, field, formula: 'sum', of: [] };
      default:
        return { effect: kind, field };
    }
  };
  return (
    <Space wrap style={{ paddingInlineStart: 16 }} data-effect={effect.effect}>
      <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 140 }} aria-label={t('formsDesigner.rules.then')} value={effect.effect} onChange={(kind) => onChange(withKind(kind))} options={effectKinds.map((kind) => ({ value: kind, label: t(`formsDesigner.rules.effects.${kind}`) }))} />
      <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} aria-label={t('formsDesigner.rules.target')} value={effect.field} options={targets} onChange={(field: string) => onChange({ ...withKind(effect.effect), field })} />
      {effect.effect === 'options' && (
        <Select mode="multiple" style={{ minWidth: 200 }} aria-label={t('formsDesigner.rules.value')} value={effect.values} onChange={(values: string[]) => onChange({ ...effect, values })} options={liveOptions(target?.options).map((option) => ({ value: option.value, label: labelIn(option.label, i18n.language) || option.value }))} />
      )}
      {(effect.effect === 'default' || effect.effect === 'set') && <ValueInput field={target} value={effect.value} ariaLabel={t('formsDesigner.rules.value')} onChange={(value) => onChange({ ...effect, value })} />}
      {effect.effect === 'compute' && (
        <>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 120 }} aria-label={t('formsDesigner.rules.formula')} value={effect.formula} onChange={(formula) => onChange({ ...effect, formula })} options={(['sum', 'product', 'difference', 'days_between'] as const).map((formula) => ({ value: formula, label: t(`formsDesigner.rules.formulas.${formula}`) }))} />
          <Select mode="multiple" style={{ minWidth: 200 }} aria-label={t('formsDesigner.rules.of')} value={effect.of} onChange={(of: string[]) => onChange({ ...effect, of })} options={targets.filter((option) => option.value !== effect.field)} />
        </>
      )}
      <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('formsDesigner.rules.removeEffect')} onClick={onRemove} />
    </Space>
  );
}
