import { DeleteOutlined } from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinitionInput } from '../../../../src/workflow-model/definition.ts';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import { elementOf, removeElement, updateNode, updateTransition } from './definition-edits.ts';
import { labelText } from './diagram.ts';
import { GatewayPanel } from './GatewayPanel.tsx';
import { Property } from './panel-parts.tsx';
import { StagePanel, type Named } from './StagePanel.tsx';
import { TransitionPanel } from './TransitionPanel.tsx';

type Props = {
  definition: ProcessDefinitionInput;
  selected: string | null;
  onChange: (next: ProcessDefinitionInput) => void;
  onSelect: (id: string | null) => void;
  fields: readonly RegistryField[];
  sections: readonly Named[];
  teams: readonly Named[];
  users: readonly Named[];
};

/** The side panel: the selected node's or transition's properties, each explained in one line, and its deletion behind a confirmation. */
export function PropertiesPanel({ definition, selected, onChange, onSelect, fields, sections, teams, users }: Props) {
  const { t, i18n } = useTranslation();
  const element = elementOf(definition, selected);
  if (!element) return <Typography.Text type="secondary">{t('workflow.designer.noSelection')}</Typography.Text>;
  const stages = definition.nodes.filter((node) => node.kind === 'stage').map((node) => ({ value: node.id, label: labelText(node.name, i18n.language) || node.id }));
  const remove = () => {
    onChange(removeElement(definition, element.kind === 'node' ? element.node.id : element.transition.id));
    onSelect(null);
  };
  const isNode = element.kind === 'node';
  const id = isNode ? element.node.id : element.transition.id;
  const name = isNode ? ('name' in element.node ? labelText(element.node.name, i18n.language) : '') || id : labelText(element.transition.label, i18n.language) || id;
  const kindLabel = isNode ? t(`workflow.kind.${element.node.kind === 'gateway' ? element.node.gateway : element.node.kind}`) : t('workflow.kind.transition');

  return (
    <Form layout="vertical" size="small" data-testid="process-properties">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Tag color="geekblue">{kindLabel}</Tag>
        <Popconfirm title={t(isNode ? 'workflow.designer.deleteNodeConfirm' : 'workflow.designer.deleteTransitionConfirm', { name })} onConfirm={remove}>
          <Button size="small" danger icon={<DeleteOutlined />}>{t(isNode ? 'workflow.designer.deleteNode' : 'workflow.designer.deleteTransition')}</Button>
        </Popconfirm>
      </Space>
      <Property name={t('workflow.prop.id')} hint={t('workflow.prop.idHint')}>
        <Typography.Text code>{id}</Typography.Text>
      </Property>
      {element.kind === 'transition' && (
        <TransitionPanel transition={element.transition} onChange={(next) => onChange(updateTransition(definition, id, next))} fields={fields} teams={teams} users={users} stages={stages} />
      )}
      {element.kind === 'node' && element.node.kind === 'stage' && (
        <StagePanel stage={element.node} isStart={definition.start === id} onMakeStart={() => onChange({ ...definition, start: id })} onChange={(next) => onChange(updateNode(definition, id, next))} fields={fields} sections={sections} teams={teams} />
      )}
      {element.kind === 'node' && element.node.kind === 'gateway' && (
        <GatewayPanel
          gateway={element.node}
          onChange={(next) => onChange(updateNode(definition, id, next))}
          outgoing={definition.transitions.filter((transition) => transition.from === id)}
          splits={definition.nodes.flatMap((node) => (node.kind === 'gateway' && node.gateway === 'parallel' ? [node] : []))}
        />
      )}
      {element.kind === 'node' && element.node.kind === 'end' && (
        <EndName node={element.node} onChange={(next) => onChange(updateNode(definition, id, next))} />
      )}
    </Form>
  );
}

function EndName({ node, onChange }: { node: Extract<ProcessDefinitionInput['nodes'][number], { kind: 'end' }>; onChange: (next: typeof node) => void }) {
  const { t } = useTranslation();
  return (
    <Property name={t('workflow.prop.nameZh')} hint={t('workflow.prop.endHint')}>
      <Input aria-label={t('workflow.prop.nameZh')} value={node.name['zh-CN']} onChange={(e) => onChange({ ...node, name: { ...node.name, 'zh-CN': e.target.value } })} />
    </Property>
  );
}
