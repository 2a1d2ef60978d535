import type { FormField } from '../../../../src/forms/definition.ts';

/**
 * Column spans on Ant Design's 24-column grid. Under 576 px (xs) every field takes the whole row:
 * a third of a phone is too narrow to type in; a third becomes a half up to 768 px (md).
 */
export function columnSpans(width: FormField['width'] | undefined): { xs: number; sm: number; md: number } {
  switch (width) {
    case 'half':
      return { xs: 24, sm: 12, md: 12 };
    case 'third':
      return { xs: 24, sm: 12, md: 8 };
    default:
      return { xs: 24, sm: 24, md: 24 };
  }
}
