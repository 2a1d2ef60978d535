import { CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Segmented, Space, Tag, Typography, Upload } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { memo, useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { ComposerArticleSearch } from '../knowledge/ComposerArticleSearch.tsx';
import { MacroPicker } from '../macros/MacroPicker.tsx';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { useMe } from '../../app/session.ts';
import { clearDraft, loadDraft, saveDraft, type DraftMode } from './drafts.ts';
import { uploadAttachment, useAddMessage, useReplyPlan, type ReplyWay } from './queries.ts';
import { ReplyWayHint } from './ReplyWayHint.tsx';
import { isSendChord } from './shortcuts.ts';
import { formatSize } from './Timeline.tsx';

type Pending = { key: string; name: string; size: number; id?: string; error?: string };
type ComposerState = { ticketId: string; mode: DraftMode; body: string; files: Pending[] };

/**
 * Reply to the customer or write an internal note. Text is kept as a draft per ticket and mode;
 * files dropped or pasted upload at once and are attached when the message is sent. Memoised:
 * the page around it renders again on every live update of the ticket.
 */
export const Composer = memo(function Composer({ ticketId, canReply, canNote, focusRequest, onComposingChange }: {
  ticketId: string;
  canReply: boolean;
  canNote: boolean;
  /** Bumped by the `r` / `n` shortcuts to switch mode and focus the editor. */
  focusRequest: { mode: DraftMode; n: number } | null;
  onComposingChange: (composing: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const userId = useMe().id;
  const owner = (id: string) => ({ userId, ticketId: id });
  const defaultMode: DraftMode = canReply ? 'reply' : 'note';
  // Text, mode and files belong to one ticket: switching tickets swaps them all at once (no
  // moment where one ticket's text could be saved as another's draft).
  const [state, setState] = useState<ComposerState>(() => ({ ticketId, mode: defaultMode, body: loadDraft(owner(ticketId), defaultMode), files: [] }));
  if (state.ticketId !== ticketId) setState({ ticketId, mode: defaultMode, body: loadDraft(owner(ticketId), defaultMode), files: [] });
  const { mode, body, files } = state;
  const [dragging, setDragging] = useState(false);
  const editor = useRef<TextAreaRef>(null);
  const send = useAddMessage(ticketId);
  const plan = useReplyPlan(ticketId, canReply);
  // The agent's choice of way for this ticket; until they choose, the planned one.
  const [chosenWay, setChosenWay] = useState<{ ticketId: string; way: ReplyWay } | null>(null);
  const way = chosenWay?.ticketId === ticketId && plan.data?.options.some((o) => o.ready && o.channel === chosenWay.way) ? chosenWay.way : plan.data?.via;

  const setMode = (next: DraftMode) => setState((s) => ({ ...s, mode: next, body: loadDraft(owner(s.ticketId), next) }));
  const setBody = (next: string) => {
    setState((s) => ({ ...s, body: next }));
    typed();
  };
  // "正在输入" for colleagues means typing now, not an old draft: it lapses after 30 s without a key.
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typed = () => {
    onComposingChange(true);
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => onComposingChange(false), 30_000);
  };
  useEffect(() => () => clearTimeout(idleTimer.current), []);
  /** Change the files of one ticket's composer; a late upload result for a ticket left behind is dropped. */
  const setFiles = (owner: string, change: (files: Pending[]) => Pending[]) => setState((s) => (s.ticketId === owner ? { ...s, files: change(s.files) } : s));

  // Saved on every change (a small synchronous write), so leaving the page never loses text.
  useEffect(() => {
    saveDraft({ userId, ticketId: state.ticketId }, state.mode, state.body);
    if (!state.body.trim()) onComposingChange(false);
  }, [userId, state.ticketId, state.mode, state.body, onComposingChange]);
  useEffect(() => {
    if (!focusRequest) return;
    if ((focusRequest.mode === 'reply' && canReply) || (focusRequest.mode === 'note' && canNote)) setMode(focusRequest.mode);
    editor.current?.focus();
  }, [focusRequest, canReply, canNote]);

  if (!canReply && !canNote) return <Typography.Text type="secondary">{t('ticket.noPermissionReply')}</Typography.Text>;

  async function addFiles(list: File[]) {
    const owner = ticketId;
    for (const file of list) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setFiles(owner, (current) => [...current, { key, name: file.name, size: file.size }]);
      try {
        const uploaded = await uploadAttachment(owner, file);
        setFiles(owner, (current) => current.map((f) => (f.key === key ? { ...f, id: uploaded.id } : f)));
      } catch (error) {
        const reason = describeError(error, t).message;
        setFiles(owner, (current) => current.map((f) => (f.key === key ? { ...f, error: reason } : f)));
        message.error(`${file.name}: ${reason}`);
      }
    }
  }

  async function submit() {
    const text = body.trim();
    if (!text || send.isPending || files.some((f) => !f.id && !f.error)) return;
    try {
      await send.mutateAsync({ body: text, internal: mode === 'note', attachmentIds: files.flatMap((f) => (f.id ? [f.id] : [])), ...(mode === 'reply' && way ? { via: way } : {}) });
      clearDraft(owner(ticketId), mode);
      // Only the text that was sent: not a draft of the other mode the agent switched to meanwhile.
      setState((s) => (s.ticketId === ticketId && s.mode === mode ? { ...s, body: '', files: [] } : s));
      message.success(mode === 'note' ? t('ticket.noteAdded') : t('ticket.messageSent'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  const internal = mode === 'note';
  return (
    <Card
      size="small"
      data-testid="composer"
      style={{ background: internal ? '#fffbe6' : undefined, borderColor: dragging ? '#1677ff' : internal ? '#ffe58f' : undefined }}
      onDragOver={(e: DragEvent) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        setDragging(false);
        void addFiles([...e.dataTransfer.files]);
      }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={mode}
          onChange={(value) => setMode(value as DraftMode)}
          options={[
            ...(canReply ? [{ value: 'reply', label: t('ticket.reply') }] : []),
            ...(canNote ? [{ value: 'note', label: t('ticket.note') }] : []),
          ]}
          data-testid="composer-mode"
        />
        {!internal && plan.data && way ? <ReplyWayHint plan={plan.data} via={way} onChange={(next) => setChosenWay({ ticketId, way: next })} /> : null}
        <Input.TextArea
          ref={editor}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 12 }}
          placeholder={internal ? t('ticket.notePlaceholder') : t('ticket.composerPlaceholder')}
          onKeyDown={(e) => {
            if (isSendChord(e)) {
              e.preventDefault();
              void submit();
            }
            if (e.key === 'Escape') (e.target as HTMLElement).blur();
          }}
          onPaste={(e: ClipboardEvent) => {
            const pasted = [...e.clipboardData.files];
            if (pasted.length) {
              e.preventDefault();
              void addFiles(pasted);
            }
          }}
          maxLength={100_000}
          data-testid="composer-body"
        />
        <ComposerArticleSearch ticketId={ticketId} body={body} internal={internal} onInsert={setBody} />
        {/* A macro's text lands here in the mode it was written for (when the agent may use that mode). */}
        <MacroPicker ticketId={ticketId} body={body} onApplied={(next, kind) => setState((s) => ({ ...s, mode: (kind === 'note' ? canNote : canReply) ? kind : s.mode, body: next }))} />
        {files.length ? (
          <Space wrap>
            {files.map((f) => (
              <Tag key={f.key} data-testid="composer-file" color={f.error ? 'red' : f.id ? 'blue' : 'default'} closable closeIcon={<CloseOutlined />} onClose={() => setFiles(ticketId, (current) => current.filter((x) => x.key !== f.key))}>
                <PaperClipOutlined /> {f.id || f.error ? f.name : t('ticket.uploading', { name: f.name })} ({formatSize(f.size)})
              </Tag>
            ))}
          </Space>
        ) : null}
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <Space>
            <Upload multiple showUploadList={false} beforeUpload={(file) => (void addFiles([file]), false)}>
              <Button icon={<PaperClipOutlined />}>{t('ticket.attach')}</Button>
            </Upload>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ticket.dropHere')}
            </Typography.Text>
          </Space>
          <Button type="primary" onClick={submit} loading={send.isPending} disabled={!body.trim()} data-testid="composer-send">
            {internal ? t('ticket.sendNote') : way === 'wechat_template' ? t('replyWay.sendAsTemplate') : way === 'sms' ? t('replyWay.sendAsSms') : t('ticket.send')}
          </Button>
        </div>
      </Space>
    </Card>
  );
});
