import { ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { describeChange } from '../tickets/describe-change.ts';
import { ticketKeys } from '../tickets/keys.ts';
import { insertMacroText, macroQuery } from './macro-trigger.ts';
import { macrosApi, useMacros, useRefreshMacros, type Macro, type MacroOutcome } from './queries.ts';
import { useChangeLookups } from './use-change-lookups.ts';

type Previewing = { macro: Macro; outcome: MacroOutcome };

/**
 * The composer's macro picker: opened by `/` at the start of a line or by its button; search,
 * arrows, Enter to preview and Enter again to apply, Esc to go back or close. Applying changes the
 * ticket on the server and hands the rendered text to the composer (`onApplied`), which the agent
 * edits and sends; the `/words` typed to find it are replaced.
 */
export function MacroPicker({ ticketId, body, onApplied }: { ticketId: string; body: string; onApplied: (nextBody: string, kind: 'reply' | 'note') => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refreshMacros = useRefreshMacros();
  const me = useMe();
  const lookups = useChangeLookups();
  const typed = macroQuery(body);
  const [manual, setManual] = useState<{ q: string } | null>(null);
  // Esc on a typed trigger hides the picker until the text changes.
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const open = manual !== null || (typed !== null && dismissedAt !== body);
  const q = manual ? manual.q : (typed ?? '');
  const macros = useMacros('usable', q.trim(), open);
  const items = macros.data?.items ?? [];
  const [selected, setSelected] = useState(0);
  const [previewing, setPreviewing] = useState<Previewing | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setSelected(0), [q]);
  useEffect(() => {
    if (!open) setPreviewing(null);
  }, [open]);

  function close() {
    setManual(null);
    setPreviewing(null);
    if (typed !== null) setDismissedAt(body);
  }

  async function preview(macro: Macro) {
    setBusy(true);
    try {
      setPreviewing({ macro, outcome: await macrosApi.preview(ticketId, macro.id) });
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  }

  async function apply({ macro, outcome }: Previewing) {
    setBusy(true);
    try {
      const applied = await macrosApi.apply(ticketId, macro.id, outcome.ticketVersion);
      onApplied(insertMacroText(body, applied.body), applied.bodyKind);
      message.success(t('macros.picker.applied', { name: macro.name }));
      setManual(null);
      setPreviewing(null);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) });
      void refreshMacros();
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  }

  // Keys go to the picker while it is open, wherever the focus is (the editor or the search box).
  const latest = useRef({ items, selected, previewing, busy });
  latest.current = { items, selected, previewing, busy };
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      const { items, selected, previewing, busy } = latest.current;
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const handled = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      if (event.key === 'Escape') {
        handled();
        if (previewing) setPreviewing(null);
        else close();
      } else if (busy) {
        if (event.key === 'Enter') handled();
      } else if (previewing) {
        if (event.key === 'Enter') {
          handled();
          void apply(previewing);
        }
      } else if (items.length && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        handled();
        setSelected((selected + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
      } else if (items.length && event.key === 'Enter') {
        handled();
        void preview(items[Math.min(selected, items.length - 1)]!);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  const button = (
    <Button size="small" icon={<ThunderboltOutlined />} title={t('macros.picker.openHint')} onClick={() => (open ? close() : setManual({ q: '' }))} data-testid="macro-picker-button">
      {t('macros.picker.open')}
    </Button>
  );
  if (!open) return button;
  return (
    <div data-testid="macro-picker" style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 8 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        {button}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('macros.picker.keys')}</Typography.Text>
      </Space>
      {previewing ? (
        <MacroPreview previewing={previewing} busy={busy} onApply={() => apply(previewing)} onBack={() => setPreviewing(null)} describe={(c) => describeChange({ field: c.field, oldValue: c.from, newValue: c.to, actor: { name: me.name } }, lookups, t)} />
      ) : (
        <>
          {manual ? <Input autoFocus allowClear size="small" style={{ marginTop: 8 }} placeholder={t('macros.picker.search')} value={manual.q} onChange={(e) => setManual({ q: e.target.value })} data-testid="macro-search" /> : null}
          <List
            size="small"
            loading={macros.isPending}
            dataSource={items}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q.trim() ? t('macros.picker.noMatch', { q: q.trim() }) : <>{t('macros.picker.empty')}<br />{t('macros.picker.emptyHint')}</>} /> }}
            renderItem={(macro, index) => (
              <List.Item
                data-testid="macro-option"
                aria-selected={index === selected}
                onMouseEnter={() => setSelected(index)}
                onClick={() => void preview(macro)}
                style={{ cursor: 'pointer', background: index === selected ? '#e6f4ff' : undefined, paddingInline: 8 }}
              >
                <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                  <Space size={4} wrap>
                    <span>{macro.name}</span>
                    {macro.shortcut ? <Tag>/{macro.shortcut}</Tag> : null}
                    {macro.scope === 'personal' ? <Tag color="blue">{t('macros.page.personalTitle')}</Tag> : null}
                  </Space>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 520 }}>{macro.body}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('macros.picker.used', { count: macro.usageCount })}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
      {busy && !previewing ? <Spin size="small" /> : null}
    </div>
  );
}

function MacroPreview({ previewing, busy, onApply, onBack, describe }: { previewing: Previewing; busy: boolean; onApply: () => void; onBack: () => void; describe: (change: MacroOutcome['changes'][number]) => string }) {
  const { t } = useTranslation();
  const { macro, outcome } = previewing;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="macro-preview">
      <Typography.Text strong>{macro.name}</Typography.Text>
      <Typography.Text type="secondary">{t('macros.picker.textTo', { kind: outcome.bodyKind === 'note' ? t('macros.page.kindNote') : t('macros.page.kindReply') })}</Typography.Text>
      {outcome.body ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, marginBottom: 0 }} data-testid="macro-preview-body">{outcome.body}</Typography.Paragraph> : null}
      <Typography.Text type="secondary">{t('macros.picker.changes')}</Typography.Text>
      {outcome.changes.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="macro-preview-changes">
          {outcome.changes.map((change) => <li key={change.field}>{describe(change)}</li>)}
        </ul>
      ) : (
        <Typography.Text>{t('macros.picker.noChanges')}</Typography.Text>
      )}
      <Space>
        <Button type="primary" size="small" loading={busy} onClick={onApply} data-testid="macro-apply">{t('macros.picker.apply')}</Button>
        <Button size="small" onClick={onBack}>{t('macros.picker.back')}</Button>
      </Space>
    </Space>
  );
}
