import { BoldOutlined, CodeOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, RedoOutlined, UndoOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { articleExtensions, linkAddress } from './editor-extensions.ts';
import './rich-text-editor.css';

type Props = {
  /** Article HTML; '' when empty (so that a form's "required" rule sees an empty body). */
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  label: string;
  readOnly?: boolean;
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Rich text for an article body (tiptap): a toolbar of exactly what the server keeps, as an antd form control. */
export function RichTextEditor({ value = '', onChange, id, label, readOnly = false }: Props) {
  const { t } = useTranslation();
  // The HTML this editor last reported, so a value coming back from the form is not re-applied
  // (which would move the caret), while a new article or a rollback replaces the content.
  const emitted = useRef(value);
  const changed = useRef(onChange);
  changed.current = onChange;
  const editor = useEditor({
    extensions: articleExtensions,
    content: value,
    editable: !readOnly,
    editorProps: { attributes: { ...(id ? { id } : {}), role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'article-editor-content' } },
    onUpdate: ({ editor: e }) => {
      // Blank (only spaces or empty paragraphs, no image) counts as empty for the form's "required".
      const html = !e.getText().trim() && !e.$node('articleImage') ? '' : e.getHTML();
      emitted.current = html;
      changed.current?.(html);
    },
  });
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [value, editor]);
  useEffect(() => editor.setEditable(!readOnly), [readOnly, editor]);

  return (
    <div className={`article-editor${readOnly ? ' article-editor-readonly' : ''}`}>
      {!readOnly && <Toolbar editor={editor} label={t('knowledge.editor.toolbar.label', { field: label })} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState<string | null>(null);
  const [linkError, setLinkError] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'), italic: e.isActive('italic'), h2: e.isActive('heading', { level: 2 }), h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList'), link: e.isActive('link'), code: e.isActive('code'), codeBlock: e.isActive('codeBlock'),
      undo: e.can().undo(), redo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  function applyLink() {
    const href = linkAddress(linking ?? '');
    if ((linking ?? '').trim() && !href) return setLinkError(true);
    if (href) chain().extendMarkRange('link').setLink({ href }).run();
    else chain().extendMarkRange('link').unsetLink().run();
    setLinking(null);
    setLinkError(false);
  }

  const button = (key: string, icon: ReactNode, active: boolean, run: () => void, shortcut?: string, disabled = false) => {
    const name = t(`knowledge.editor.toolbar.${key}`);
    return (
      <Tooltip key={key} title={shortcut ? `${name} (${shortcut})` : name}>
        <Button size="small" type={active ? 'primary' : 'text'} icon={icon} aria-label={name} aria-pressed={active} disabled={disabled} onClick={run} data-testid={`editor-${key}`} />
      </Tooltip>
    );
  };

  return (
    <div className="article-editor-toolbar">
      <Space size={2} wrap role="toolbar" aria-label={label}>
        {button('bold', <BoldOutlined />, state.bold, () => chain().toggleBold().run(), `${mod}+B`)}
        {button('italic', <ItalicOutlined />, state.italic, () => chain().toggleItalic().run(), `${mod}+I`)}
        {button('heading2', <b>H2</b>, state.h2, () => chain().toggleHeading({ level: 2 }).run(), `${mod}+Alt+2`)}
        {button('heading3', <b>H3</b>, state.h3, () => chain().toggleHeading({ level: 3 }).run(), `${mod}+Alt+3`)}
        {button('bulletList', <UnorderedListOutlined />, state.bullet, () => chain().toggleBulletList().run(), `${mod}+Shift+8`)}
        {button('orderedList', <OrderedListOutlined />, state.ordered, () => chain().toggleOrderedList().run(), `${mod}+Shift+7`)}
        {button('link', <LinkOutlined />, state.link, () => setLinking(editor.getAttributes('link').href ?? ''))}
        {button('code', <CodeOutlined />, state.code, () => chain().toggleCode().run(), `${mod}+E`)}
        {button('codeBlock', <b>{'{ }'}</b>, state.codeBlock, () => chain().toggleCodeBlock().run(), `${mod}+Alt+C`)}
        {button('undo', <UndoOutlined />, false, () => chain().undo().run(), `${mod}+Z`, !state.undo)}
        {button('redo', <RedoOutlined />, false, () => chain().redo().run(), `${mod}+Shift+Z`, !state.redo)}
      </Space>
      {linking !== null && (
        <Space wrap size={4} style={{ marginTop: 6, display: 'flex' }}>
          <Input
            size="small"
            autoFocus
            style={{ width: 280 }}
            value={linking}
            status={linkError ? 'error' : undefined}
            placeholder="https://"
            aria-label={t('knowledge.editor.toolbar.linkAddress')}
            data-testid="editor-link-address"
            onChange={(e) => { setLinking(e.target.value); setLinkError(false); }}
            onPressEnter={(e) => { e.preventDefault(); applyLink(); }}
            onKeyDown={(e) => { if (e.key === 'Escape') { setLinking(null); editor.commands.focus(); } }}
          />
          <Button size="small" type="primary" onClick={applyLink}>{t('knowledge.editor.toolbar.linkApply')}</Button>
          {state.link && <Button size="small" onClick={() => { chain().extendMarkRange('link').unsetLink().run(); setLinking(null); }}>{t('knowledge.editor.toolbar.linkRemove')}</Button>}
          {linkError && <Typography.Text type="danger">{t('knowledge.editor.toolbar.linkUnsafe')}</Typography.Text>}
        </Space>
      )}
    </div>
  );
}
