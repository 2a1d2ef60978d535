import type { ComponentType } from 'react';
import type { CustomFieldType } from '../../../../../src/forms/definition.ts';
import { AttachmentsInput } from './AttachmentsInput.tsx';
import { CascaderInput } from './CascaderInput.tsx';
import { CheckboxInput } from './CheckboxInput.tsx';
import { ContactPicker } from './ContactPicker.tsx';
import { DateInput } from './DateInput.tsx';
import { DateTimeInput } from './DateTimeInput.tsx';
import { EmailInput } from './EmailInput.tsx';
import type { FieldInputProps } from './input-props.ts';
import { MoneyInput } from './MoneyInput.tsx';
import { MultiSelectInput } from './MultiSelectInput.tsx';
import { NumberInput } from './NumberInput.tsx';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import { PhoneInput } from './PhoneInput.tsx';
import { RatingInput } from './RatingInput.tsx';
import { RecordInput } from './RecordInput.tsx';
import { SelectInput } from './SelectInput.tsx';
import { TeamPicker } from './TeamPicker.tsx';
import { TextareaInput } from './TextareaInput.tsx';
import { TextInput } from './TextInput.tsx';
import { UrlInput } from './UrlInput.tsx';
import { UserPicker } from './UserPicker.tsx';

export type { FieldInputProps } from './input-props.ts';

/** One input per custom field type: a new type fails the type check here until it has one. */
export const fieldInputs: Record<CustomFieldType, ComponentType<FieldInputProps>> = {
  text: TextInput,
  textarea: TextareaInput,
  number: NumberInput,
  money: MoneyInput,
  date: DateInput,
  datetime: DateTimeInput,
  select: SelectInput,
  multiselect: MultiSelectInput,
  cascader: CascaderInput,
  checkbox: CheckboxInput,
  user: UserPicker,
  team: TeamPicker,
  contact: ContactPicker,
  organisation: OrganisationPicker,
  record: RecordInput,
  phone: PhoneInput,
  email: EmailInput,
  url: UrlInput,
  attachments: AttachmentsInput,
  rating: RatingInput,
};
