import { BoldOutlined, CodeOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined, RedoOutlined, UndoOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { articleExtensions, linkAddress } from './editor-extensions.ts';
import { useImageInsertion, type ImageUploads } from './use-image-insertion.ts';
import { articleImageTypes } from './upload-error.ts';
import './rich-text-editor.css';

type Props = {
  /** Article HTML; '' when empty (so that a form's "required" rule sees an empty body). */
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  label: string;
  readOnly?: boolean;
  /** Where "insert image", paste and drop send image files; or why they cannot yet (an unsaved article). */
  images?: ImageUploads;
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Rich text for an article body (tiptap): a toolbar of exactly what the server keeps, as an antd form control. */
export function RichTextEditor({ value = '', onChange, id, label, readOnly = false, images }: Props) {
  const { t } = useTranslation();
  // The HTML this editor last reported, so a value coming back from the form is not re-applied
  // (which would move the caret), while a new article or a rollback replaces the content.
  const emitted = useRef(value);
  const changed = useRef(onChange);
  changed.current = onChange;
  const imageInsertion = useImageInsertion(images);
  const editor = useEditor({
    extensions: articleExtensions,
    content: value,
    editable: !readOnly,
    editorProps: {
      attributes: { ...(id ? { id } : {}), role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'article-editor-content' },
      // Image files pasted or dropped are uploaded and inserted where they land; anything else is tiptap's.
      handlePaste: (_view, event) => imageInsertion.take(event.clipboardData?.files),
      handleDrop: (view, event, _slice, moved) => !moved && imageInsertion.take(event.dataTransfer?.files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos),
    },
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
  imageInsertion.editor.current = editor;

  return (
    <div className={`article-editor${readOnly ? ' article-editor-readonly' : ''}`}>
      {!readOnly && <Toolbar editor={editor} label={t('knowledge.editor.toolbar.label', { field: label })} images={images} uploading={imageInsertion.uploading} onImageFiles={imageInsertion.pick} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, label, images, uploading, onImageFiles }: { editor: Editor; label: string; images?: ImageUploads; uploading: number; onImageFiles: (files: FileList | null) => void }) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const imageHint = images && 'unavailable' in images ? images.unavailable : undefined;
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

  const button = (key: string, icon: ReactNode, active: boolean, run: () => void, shortcut?: string, disabled = false, hint?: string, loading = false) => {
    const name = t(`knowledge.editor.toolbar.${key}`);
    return (
      <Tooltip key={key} title={hint ? `${name}: ${hint}` : shortcut ? `${name} (${shortcut})` : name}>
        <Button size="small" type={active ? 'primary' : 'text'} icon={icon} aria-label={name} aria-pressed={active} aria-description={hint} disabled={disabled} loading={loading} onClick={run} data-testid={`editor-${key}`} />
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
        {images && button('image', <PictureOutlined />, false, () => fileInput.current?.click(), undefined, Boolean(imageHint), imageHint, uploading > 0)}
        {uploading > 0 && <Typography.Text type="secondary" role="status" data-testid="editor-image-uploading">{t('knowledge.editor.image.uploading')}</Typography.Text>}
      </Space>
      <input
        ref={fileInput}
        type="file"
        // Out of the layout (the `hidden` attribute alone still showed the browser's own button in a screenshot): the toolbar button opens it.
        style={{ display: 'none' }}
        multiple
        accept={articleImageTypes.join(',')}
        data-testid="editor-image-input"
        onChange={(e) => { onImageFiles(e.target.files); e.target.value = ''; }}
      />
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
