import { AdminGate } from '../admin/AdminGate.tsx';
import { MacroList } from './MacroList.tsx';

/** 设置 › 宏: shared macros, for those who manage them (`macros.manage`). */
export default function SharedMacrosPage() {
  return (
    <AdminGate permission="macros.manage">
      <MacroList scope="shared" />
    </AdminGate>
  );
}
