import { useTranslation } from 'react-i18next';
import { ApprovalPanel } from './ApprovalPanel.tsx';
import type { TicketProcess } from './ticket-process-api.ts';

/**
 * The approval panel's place on the ticket's process card (issue 19 §2, §5): who has approved and
 * who is pending, the decisions for a pending approver, earlier requests folded. The transition's
 * label comes from the run (an approval is asked from a stage the ticket waits at).
 */
export function ApprovalSlot({ ticketId, run }: { ticketId: string; run: TicketProcess }) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const labelOf = (transition: string) => {
    const option = run.stages.flatMap((stage) => stage.transitions).find((candidate) => candidate.id === transition);
    return option ? option.label[language] || option.label['zh-CN'] : undefined;
  };
  return <ApprovalPanel ticketId={ticketId} labelOf={labelOf} separated />;
}
