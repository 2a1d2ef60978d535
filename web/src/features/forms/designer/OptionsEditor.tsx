import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, ImportOutlined, PlusOutlined, SnippetsOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Modal, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldOption } from '../../../../../src/forms/definition.ts';
import { importKindOf, mergeOptions, moveOption, optionsOfRows, rowsOfCsv, rowsOfPastedText, rowsOfXlsx, treeOfRows, type OptionRows } from './option-import.ts';

type Props = {
  value?: FieldOption[];
  onChange?: (options: FieldOption[]) => void;
  /** A cascader's options nest; a select's do not. */
  nested: boolean;
  /** Values already stored on the server: they never change and are only soft-deleted. */
  storedValues: ReadonlySet<string>;
};

/**
 * A field's options: rename, reorder, add, soft-delete (a stored option is marked deleted, never
 * removed, so old tickets keep its label), paste a list or import an Excel / CSV file.
 */
export function OptionsEditor({ value = [], onChange = () => undefined, nested, storedValues }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pasting, setPasting] = useState<string | null>(null);

  const addRows = (rows: OptionRows) => {
    const imported = nested ? treeOfRows(rows) : optionsOfRows(rows);
    onChange(mergeOptions(value, imported));
    message.success(t('formsDesigner.options.imported', { count: countOptions(imported) }));
  };

  async function importFile(file: File) {
    const kind = importKindOf(file.name);
    if (!kind) return message.error(t('formsDesigner.options.unsupportedFile'));
    try {
      const bytes = await file.arrayBuffer();
      addRows(kind === 'xlsx' ? await rowsOfXlsx(bytes) : rowsOfCsv(new Uint8Array(bytes)));
    } catch (error) {
      message.error(t('formsDesigner.options.importFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
    return undefined;
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...value, newOption(value)])}>
          {t('formsDesigner.options.add')}
        </Button>
        <Button size="small" icon={<SnippetsOutlined />} onClick={() => setPasting('')}>
          {t('formsDesigner.options.paste')}
        </Button>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(file) => { void importFile(file); return false; }}>
          <Button size="small" icon={<ImportOutlined />}>{t('formsDesigner.options.importFile')}</Button>
        </Upload>
      </Space>
      {value.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('formsDesigner.options.empty')} /> : <OptionList options={value} onChange={onChange} nested={nested} storedValues={storedValues} depth={0} />}
      <Modal open={pasting !== null} title={t('formsDesigner.options.paste')} onCancel={() => setPasting(null)} onOk={() => { addRows(rowsOfPastedText(pasting ?? '')); setPasting(null); }} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('formsDesigner.options.pasteHint')}</Typography.Paragraph>
        <Input.TextArea aria-label={t('formsDesigner.options.paste')} autoSize={{ minRows: 6, maxRows: 16 }} value={pasting ?? ''} onChange={(event) => setPasting(event.target.value)} />
      </Modal>
    </Space>
  );
}

function countOptions(options: readonly FieldOption[]): number {
  return options.reduce((sum, option) => sum + 1 + countOptions(option.children ?? []), 0);
}

function newOption(siblings: readonly FieldOption[]): FieldOption {
  let n = siblings.length + 1;
  while (siblings.some((option) => option.value === `option_${n}`)) n += 1;
  return { value: `option_${n}`, label: { 'zh-CN': '', en: '' } };
}

function OptionList({ options, onChange, nested, storedValues, depth }: { options: FieldOption[]; onChange: (next: FieldOption[]) => void; nested: boolean; storedValues: ReadonlySet<string>; depth: number }) {
  const { t } = useTranslation();
  const set = (index: number, next: FieldOption) => onChange(options.map((option, i) => (i === index ? next : option)));
  const remove = (index: number) => {
    const option = options[index]!;
    // A stored value may be on tickets: keep it, marked deleted. A new one was never saved: drop it.
    if (storedValues.has(option.value)) set(index, { ...option, deleted: true });
    else onChange(options.filter((_, i) => i !== index));
  };
  return (
    <div style={{ paddingInlineStart: depth ? 24 : 0 }}>
      {options.map((option, index) => (
        <div key={`${index}:${option.value}`} style={{ marginBottom: 6 }}>
          <Space wrap size={4}>
            <Input size="small" style={{ width: 140 }} aria-label={t('formsDesigner.fields.labelZh')} placeholder={t('formsDesigner.fields.labelZh')} value={option.label['zh-CN']} disabled={option.deleted} onChange={(event) => set(index, { ...option, label: { ...option.label, 'zh-CN': event.target.value } })} />
            <Input size="small" style={{ width: 140 }} aria-label={t('formsDesigner.fields.labelEn')} placeholder={t('formsDesigner.fields.labelEn')} value={option.label.en} disabled={option.deleted} onChange={(event) => set(index, { ...option, label: { ...option.label, en: event.target.value } })} />
            <Tooltip title={t('formsDesigner.options.valueHint')}>
              <Input size="small" style={{ width: 120 }} aria-label={t('formsDesigner.options.value')} addonBefore={t('formsDesigner.options.value')} value={option.value} disabled={storedValues.has(option.value)} onChange={(event) => set(index, { ...option, value: event.target.value })} />
            </Tooltip>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('formsDesigner.options.moveUp')} disabled={index === 0} onClick={() => onChange(moveOption(options, index, -1))} />
            <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('formsDesigner.options.moveDown')} disabled={index === options.length - 1} onClick={() => onChange(moveOption(options, index, 1))} />
            {option.deleted ? (
              <>
                <Tooltip title={t('formsDesigner.options.deletedHint')}><Tag>{t('formsDesigner.options.deletedTag')}</Tag></Tooltip>
                <Button size="small" type="text" icon={<UndoOutlined />} onClick={() => { const { deleted: _deleted, ...restored } = option; set(index, restored); }}>{t('formsDesigner.options.restore')}</Button>
              </>
            ) : (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('formsDesigner.options.remove')} onClick={() => remove(index)} />
            )}
            {nested && !option.deleted && depth < 5 && (
              <Button size="small" type="link" onClick={() => set(index, { ...option, children: [...(option.children ?? []), newOption(option.children ?? [])] })}>
                {t('formsDesigner.options.addChild')}
              </Button>
            )}
          </Space>
          {nested && option.children?.length ? <OptionList options={option.children} onChange={(children) => set(index, { ...option, children })} nested storedValues={storedValues} depth={depth + 1} /> : null}
        </div>
      ))}
    </div>
  );
}
