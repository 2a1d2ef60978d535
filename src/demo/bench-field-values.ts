import type { FieldOption } from '../forms/definition.js';
import type { FieldValue } from '../forms/field-values.js';
import type { CustomField } from '../modules/forms/index.js';
import type { Prng } from './prng.js';

/**
 * Values of the installation's custom ticket fields for `opencsm bench-data`, in each type's
 * stored form (src/forms/field-values.ts), so filters and indexes meet what real writes store.
 * Selects are skewed like real categories (the first option most common: option i has weight
 * 1 / (i + 1)), so a filter meets both common and rare values. Fields that hold a reference
 * (user, team, contact, organisation, record, attachments) stay empty: the bench data has none.
 */
export function benchFieldValues(fields: readonly CustomField[], random: Prng, trees: Readonly<Record<string, readonly FieldOption[]>>, createdAt: Date): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    if (field.archived || random.chance(0.1)) continue; // one value in ten left empty, as forms leave optional fields
    const value = benchValue(field, random, trees, createdAt);
    if (value !== null) values[field.key] = value;
  }
  return values;
}

function skewed(random: Prng, options: readonly FieldOption[]): string {
  const live = options.filter((option) => !option.deleted);
  return random.weighted(live.map((option, i) => [option.value, 1 / (i + 1)] as const));
}

function benchValue(field: CustomField, random: Prng, trees: Readonly<Record<string, readonly FieldOption[]>>, createdAt: Date): FieldValue | null {
  switch (field.type) {
    case 'select':
      return field.options?.length ? skewed(random, field.options) : null;
    case 'multiselect': {
      if (!field.options?.length) return null;
      const picked = new Set([skewed(random, field.options), skewed(random, field.options)]);
      return field.options.map((o) => o.value).filter((v) => picked.has(v));
    }
    case 'cascader': {
      let level: readonly FieldOption[] | undefined = field.settings.optionSource ? trees[field.settings.optionSource] : field.options;
      const path: string[] = [];
      while (level?.length && path.length < (field.settings.levels ?? 3)) {
        const option = random.pick(level.filter((o) => !o.deleted));
        path.push(option.value);
        level = option.children;
      }
      return path.length ? path : null;
    }
    case 'text':
      return random.pick(['已电话联系客户', '客户不在家，改约', '等待配件', '现场勘察完成', '需二次上门', `SN${random.int(100000, 999999)}`]);
    case 'textarea':
      return random.pick(['客户反映设备间歇性故障，已记录错误代码。', '现场检查发现电源线老化，建议更换。', '已按流程处理，客户确认满意。']);
    case 'number':
      return random.int(0, 500);
    case 'rating':
      return random.int(1, field.settings.scale ?? 5);
    case 'money':
      return `${random.int(0, 20000)}.${String(random.int(0, 99)).padStart(2, '0')}`;
    case 'date':
      return new Date(createdAt.getTime() + random.int(0, 14) * 86_400_000).toISOString().slice(0, 10);
    case 'datetime':
      return new Date(createdAt.getTime() + random.int(1, 14 * 24) * 3_600_000).toISOString();
    case 'checkbox':
      return random.chance(0.3);
    case 'phone':
      return `+86139${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    case 'email':
      return `user${random.int(1, 99_999)}@example.cn`;
    case 'url':
      return `https://example.cn/orders/${random.int(1, 999_999)}`;
    default:
      return null;
  }
}
