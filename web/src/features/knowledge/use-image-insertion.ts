import type { Editor } from '@tiptap/react';
import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleImageTypes, uploadErrorText } from './upload-error.ts';

/** Where the editor sends image files (the article's file upload), or why it cannot yet: an article not saved yet has no id to upload to. */
export type ImageUploads = { upload: (file: File) => Promise<{ src: string }> } | { unavailable: string };

/** "photo of the panel.png" → "photo of the panel": the file's name is the image's first alt text. */
const altOf = (name: string) => name.replace(/\.[a-z0-9]+$/i, '').slice(0, 200);

/**
 * Image files from the toolbar's picker, a paste or a drop: each is uploaded, then inserted at the
 * caret (or where it was dropped) once the server has it. A refused file (its type, its size) gets
 * the server's reason. `take` answers at once whether it took the event's files, since the editor
 * asks synchronously; it is stable (the editor keeps the handlers it was created with), so it reads
 * the latest props through refs.
 */
export function useImageInsertion(images: ImageUploads | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const editor = useRef<Editor | null>(null);
  const latest = useRef({ images, t, message });
  latest.current = { images, t, message };

  const insert = useCallback(async (files: File[], at: number | undefined) => {
    const { images: target, t: tr, message: say } = latest.current;
    if (!target) return;
    if ('unavailable' in target) return void say.info(target.unavailable);
    for (const file of files) {
      if (!articleImageTypes.includes(file.type)) {
        say.error(tr('knowledge.editor.image.wrongType', { name: file.name }));
        continue;
      }
      setUploading((n) => n + 1);
      try {
        const { src } = await target.upload(file);
        const current = editor.current;
        if (!current || current.isDestroyed) return;
        const node = { type: 'articleImage', attrs: { src, alt: altOf(file.name) } };
        if (at === undefined) current.chain().focus().insertContent(node).run();
        // Text typed meanwhile may have shortened the document: never insert past its end.
        else current.chain().focus().insertContentAt(Math.min(at, current.state.doc.content.size), node).run();
      } catch (error) {
        say.error(tr('knowledge.editor.image.failed', { name: file.name, reason: uploadErrorText(error, tr) }));
      } finally {
        setUploading((n) => n - 1);
      }
    }
  }, []);

  const take = useCallback((list: FileList | null | undefined, at?: number): boolean => {
    const files = [...(list ?? [])].filter((file) => file.type.startsWith('image/'));
    if (files.length === 0 || !latest.current.images) return false;
    void insert(files, at);
    return true;
  }, [insert]);

  /** The toolbar's picker: every chosen file, so one of the wrong type is refused aloud rather than ignored. */
  const pick = useCallback((list: FileList | null) => void insert([...(list ?? [])], undefined), [insert]);

  return { editor, uploading, take, pick };
}
