import { AdminGate } from '../admin/AdminGate.tsx';
import { MacroList } from './MacroList.tsx';

/** 我的宏 (under the profile): the agent's own macros, which nobody else sees. */
export default function PersonalMacrosPage() {
  return (
    <AdminGate permission="tickets.reply">
      <MacroList scope="personal" />
    </AdminGate>
  );
}
