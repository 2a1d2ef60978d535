import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useRuleActions, useRules, type Rule } from './queries.ts';
import { movedOrder, triggerKey } from './rule-order.ts';
import { Firings } from './RuleHistory.tsx';

export default function RulesPage() {
  return (
    <AdminGate permission="automation.manage">
      <Rules />
    </AdminGate>
  );
}

/** 设置 › 自动化: the rules in the order they are tried; drag to reorder (pointer or keyboard), switch to enable. */
function Rules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rules = useRules();
  const actions = useRuleActions();
  const [busy, setBusy] = useState(false);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  if (rules.isPending) return <Loading />;
  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => rules.refetch()} />;

  async function act(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  }

  const list = rules.data;
  const ids = list.map((rule) => rule.id);
  function onDragEnd(event: DragEndEvent) {
    const next = movedOrder(ids, String(event.active.id), event.over ? String(event.over.id) : null);
    if (next.some((id, index) => id !== ids[index])) void act(() => actions.reorder(next), t('automation.moved'));
  }
  const newButton = <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/settings/automation/new')}>{t('automation.new')}</Button>;
  const names = new Map(list.map((rule) => [rule.id, rule.name]));
  const nameOf = (id: string | number) => names.get(String(id)) ?? String(id);
  const rulesTab =
    list.length === 0 ? (
      <EmptyState title={t('automation.empty')} hint={t('automation.emptyHint')} action={newButton} />
    ) : (
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        // What a screen reader hears while a rule moves, in the console's language (dnd-kit's own is English, by id).
        accessibility={{
          announcements: {
            onDragStart: ({ active }) => t('automation.dragPicked', { name: nameOf(active.id) }),
            onDragOver: ({ active, over }) => (over ? t('automation.dragOver', { name: nameOf(active.id), over: nameOf(over.id) }) : undefined),
            onDragEnd: ({ active }) => t('automation.dragDropped', { name: nameOf(active.id) }),
            onDragCancel: ({ active }) => t('automation.dragCancelled', { name: nameOf(active.id) }),
          },
        }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="rule-list">
            {list.map((rule, index) => (
              <RuleRow key={rule.id} rule={rule} index={index} busy={busy} onOpen={() => navigate(`/settings/automation/${rule.id}`)} onEnabled={(enabled) => act(() => actions.setEnabled(rule, enabled), t('automation.saved'))} />
            ))}
          </Space>
        </SortableContext>
      </DndContext>
    );
  return (
    <Card title={t('automation.title')} extra={newButton}>
      <Typography.Paragraph type="secondary">{t('automation.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'rules', label: t('automation.title'), children: rulesTab },
          { key: 'firings', label: t('automation.history.firings'), children: <Firings ruleId={null} ruleName={(id) => names.get(id)} /> },
        ]}
      />
    </Card>
  );
}

function RuleRow({ rule, index, busy, onOpen, onEnabled }: { rule: Rule; index: number; busy: boolean; onOpen: () => void; onEnabled: (enabled: boolean) => void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: rule.id, disabled: busy });
  return (
    <div ref={setNodeRef} data-rule={rule.id} style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.4 : 1, border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px', background: '#fff' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={8}>
          <Button ref={setActivatorNodeRef} type="text" size="small" icon={<HolderOutlined />} style={{ cursor: 'grab' }} aria-label={t('automation.dragHandle', { name: rule.name })} {...attributes} {...listeners} />
          <Typography.Text type="secondary">{index + 1}</Typography.Text>
          <Button type="link" style={{ padding: 0 }} onClick={onOpen} data-testid="rule-name">{rule.name}</Button>
          {/* A time rule says so; an event rule's kind is its trigger tags (the events it listens to). */}
          {rule.kind === 'time' && <Tag color="purple" data-testid="rule-kind">{t('automation.time.kindTime')}</Tag>}
          {rule.kind === 'time' && rule.timeTrigger && (
            <Tag>{t('automation.time.summary', { anchor: t(`automation.time.anchors.${rule.timeTrigger.anchor}`), amount: rule.timeTrigger.amount, unit: t(`automation.time.units.${rule.timeTrigger.unit}`) })}</Tag>
          )}
          {rule.triggers.map((trigger) => <Tag key={trigger}>{t(triggerKey(trigger))}</Tag>)}
          {rule.stopAfter && <Tag color="orange">{t('automation.stopAfter')}</Tag>}
        </Space>
        <Switch checked={rule.enabled} disabled={busy} aria-label={`${t('automation.enabled')} ${rule.name}`} onChange={onEnabled} />
      </Space>
    </div>
  );
}
