import { AdminGate } from '../../admin/AdminGate.tsx';
import { CustomerFieldsCard } from './FieldsList.tsx';

/** 设置 › 客户字段: custom fields of contacts and organisations (客户行业, 客户来源 …). */
export default function CustomerFieldsPage() {
  return (
    <AdminGate permission="forms.manage">
      <CustomerFieldsCard />
    </AdminGate>
  );
}
