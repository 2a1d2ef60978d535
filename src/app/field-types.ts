import type { z } from 'zod';

/**
 * One kind of value a ticket field can hold (text, number, money, date, select …): its labels and
 * the zod schema every write path validates a value with. The field registry and custom fields
 * (issue 14 §1, §3) fill this; adding a field type is registering one here.
 */
export type FieldType = {
  key: string;
  label: { 'zh-CN': string; en: string };
  value: z.ZodType;
};

/** The field types of one app, registered at boot. Empty until the field registry arrives. */
export class FieldTypes {
  private readonly types = new Map<string, FieldType>();

  register(type: FieldType): void {
    if (this.types.has(type.key)) throw new Error(`Field type ${type.key} is registered twice`);
    this.types.set(type.key, type);
  }

  get(key: string): FieldType | undefined {
    return this.types.get(key);
  }

  list(): FieldType[] {
    return [...this.types.values()];
  }
}
