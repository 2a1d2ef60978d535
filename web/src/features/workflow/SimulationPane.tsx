import { Alert, Button, Form, Select, Space, Steps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldLookup } from '../../../../src/conditions/types.ts';
import type { ProcessDefinition } from '../../../../src/workflow-model/definition.ts';
import { simulateProcess, type SimulationResult, type SimulationWait } from '../../../../src/workflow-model/simulate.ts';
import { labelIn, type RegistryField } from '../forms/designer/registry-field.ts';
import { ValueInput } from '../forms/designer/ValueInput.tsx';
import { labelText } from './diagram.ts';
import { fieldsNamedBy, highlightOf, type PathHighlight } from './simulation-path.ts';

type Props = {
  /** The definition as validate returned it; null while it has problems. */
  definition: ProcessDefinition | null;
  fields: readonly RegistryField[];
  lookup: FieldLookup;
  onHighlight: (highlight: PathHighlight | null) => void;
};

/**
 * 模拟: sample values typed by the registry (numbers, options, dates …), the path `simulateProcess`
 * returns, shown on the diagram step by step; where the walk waits for a choice, the button to press.
 */
export function SimulationPane({ definition, fields, lookup, onHighlight }: Props) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [shown, setShown] = useState(0);
  const byKey = useMemo(() => new Map(fields.map((field) => [field.key, field])), [fields]);
  const asked = definition ? fieldsNamedBy(definition) : [];
  const nodeName = (id: string) => {
    const node = definition?.nodes.find((n) => n.id === id);
    if (!node) return id;
    // A gateway is often left unnamed: its kind says what it is (排他网关).
    return labelText(node.name, i18n.language) || (node.kind === 'gateway' ? t(`workflow.kind.${node.gateway}`) : id);
  };
  const transitionName = (id: string) => labelText(definition?.transitions.find((tr) => tr.id === id)?.label, i18n.language) || id;
  const fieldName = (key: string) => labelIn(byKey.get(key)?.label, i18n.language) || key;

  const show = (next: SimulationResult, step: number) => {
    setResult(next);
    setShown(step);
    onHighlight(highlightOf(next, step));
  };
  const run = (nextChoices = choices) => {
    if (!definition) return;
    const next = simulateProcess(definition, values, lookup, { choices: nextChoices });
    show(next, next.steps.length);
  };
  const clear = () => {
    setResult(null);
    onHighlight(null);
  };

  if (!definition) return <Alert type="warning" title={t('workflow.simulate.fixFirst')} />;
  const waitText = (wait: SimulationWait) =>
    wait.reason === 'choice' ? t('workflow.simulate.waitChoice', { node: nodeName(wait.node), options: wait.transitions.map(transitionName).join('、') })
    : wait.reason === 'no_open_transition' ? t('workflow.simulate.waitNone', { node: nodeName(wait.node) })
    : t('workflow.simulate.waitMissing', { node: nodeName(wait.node), fields: wait.fields.map(fieldName).join('、') });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="simulation-pane">
      <Typography.Text type="secondary">{t('workflow.simulate.intro')}</Typography.Text>
      <Form layout="vertical" size="small">
        {asked.map((key) => (
          <Form.Item key={key} label={fieldName(key)} style={{ marginBottom: 8 }}>
            <ValueInput field={byKey.get(key)} ariaLabel={fieldName(key)} value={values[key]} onChange={(value) => setValues((current) => ({ ...current, [key]: value }))} />
          </Form.Item>
        ))}
      </Form>
      <Space wrap>
        <Button type="primary" onClick={() => run()} data-testid="simulate-run">{t('workflow.simulate.run')}</Button>
        {result && <Button onClick={clear}>{t('workflow.simulate.clear')}</Button>}
      </Space>
      {result && (
        <>
          <Space wrap>
            <Button size="small" disabled={shown <= 1} onClick={() => show(result, shown - 1)}>{t('workflow.simulate.previous')}</Button>
            <Typography.Text data-testid="simulate-step">{t('workflow.simulate.step', { step: shown, total: result.steps.length })}</Typography.Text>
            <Button size="small" disabled={shown >= result.steps.length} onClick={() => show(result, shown + 1)}>{t('workflow.simulate.next')}</Button>
            <Button size="small" type="link" onClick={() => show(result, result.steps.length)}>{t('workflow.simulate.all')}</Button>
          </Space>
          <Steps
            orientation="vertical"
            size="small"
            current={shown - 1}
            onChange={(index) => show(result, index + 1)}
            data-testid="simulate-steps"
            items={result.steps.map((step) => ({
              title: nodeName(step.node),
              description: [step.via && transitionName(step.via), step.approval && (step.approval.tier === null ? t('workflow.simulate.approvalFixed', { mode: t(`workflow.prop.${step.approval.mode}`) }) : t('workflow.simulate.approvalTier', { tier: step.approval.tier + 1, mode: t(`workflow.prop.${step.approval.mode}`) }))].filter(Boolean).join(' · '),
            }))}
          />
          {result.outcome === 'ended' ? (
            <Alert type="success" title={t('workflow.simulate.ended')} data-testid="simulate-outcome" />
          ) : (
            <Alert
              type="info"
              data-testid="simulate-outcome"
              title={t('workflow.simulate.awaiting')}
              description={result.waiting.map((wait) => (
                <div key={`${wait.node}-${wait.token}`}>
                  {waitText(wait)}
                  {wait.reason === 'choice' && (
                    <Select
                      size="small"
                      style={{ minWidth: 160, marginInlineStart: 8 }}
                      aria-label={t('workflow.simulate.choiceLabel', { node: nodeName(wait.node) })}
                      placeholder={t('workflow.prop.choose')}
                      options={wait.transitions.map((id) => ({ value: id, label: transitionName(id) }))}
                      onChange={(transition: string) => {
                        const next = { ...choices, [wait.node]: transition };
                        setChoices(next);
                        run(next);
                      }}
                    />
                  )}
                </div>
              ))}
            />
          )}
        </>
      )}
    </Space>
  );
}
