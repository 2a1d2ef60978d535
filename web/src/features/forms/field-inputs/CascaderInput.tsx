import { Cascader } from 'antd';
import { useMemo } from 'react';
import type { FieldOption } from '../../../../../src/forms/definition.ts';
import { labelIn } from '../field-labels.ts';
import { useChinaRegions } from '../option-sources.ts';
import { asStrings, type FieldInputProps } from './input-props.ts';

type CascaderOption = { value: string; label: string; children?: CascaderOption[]; disabled?: boolean };

/** Retired options stay in the tree (so an old path still shows its labels) but cannot be picked. */
function toCascader(options: readonly FieldOption[], language: string): CascaderOption[] {
  return options.map((option) => ({
    value: option.value,
    label: labelIn(option.label, language),
    ...(option.deleted ? { disabled: true } : {}),
    ...(option.children?.length ? { children: toCascader(option.children, language) } : {}),
  }));
}

/** 产品线 → 型号, or 省 / 市 / 区 from the maintained tree (fetched once, then cached). */
export function CascaderInput({ field, id, value, onChange, disabled, language, audience }: FieldInputProps) {
  const fromSource = field.settings?.optionSource === 'china-regions';
  const regions = useChinaRegions(fromSource, audience);
  const tree = fromSource ? regions.data : field.options;
  const options = useMemo(() => toCascader(tree ?? [], language), [tree, language]);
  const path = asStrings(value);
  return (
    <Cascader
      id={id}
      style={{ width: '100%' }}
      options={options}
      value={path.length ? path : undefined}
      disabled={disabled}
      loading={fromSource && regions.isPending}
      showSearch
      // Without a fixed depth any level may be the answer (产品线 alone); 省/市/区 needs all three.
      changeOnSelect={!field.settings?.levels}
      onChange={(next) => onChange?.(Array.isArray(next) && next.length ? next.map(String) : null)}
      data-field={field.key}
    />
  );
}
