import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MyApprovalsView } from './MyApprovalsView.tsx';
import { MyStagesView } from './MyStagesView.tsx';
import { useApprovalsAvailable, useStageOptions } from './stage-work-api.ts';

export type WorkView = { key: string; label: string; render: () => ReactNode };

const workViewKeys = ['my-stages', 'my-approvals'];
/** Whether a `view` parameter names one of these (the ticket list then asks for nothing, even before they are known to exist). */
export const isWorkViewKey = (view: string) => workViewKeys.includes(view);

/**
 * The process views beside the ticket views (issue 19 §5): 待我处理的环节 once any process is
 * published, 待我审批 where the server answers GET /approvals (a 404 hides it). Their keys sit in
 * the same `view` URL parameter as the ticket views'.
 */
export function useWorkViews(): WorkView[] {
  const { t, i18n } = useTranslation();
  const options = useStageOptions();
  const approvals = useApprovalsAvailable(i18n.language);
  const views: WorkView[] = [];
  if (options.data?.length) views.push({ key: 'my-stages', label: t('workflow.work.myStages'), render: () => <MyStagesView /> });
  if (approvals) views.push({ key: 'my-approvals', label: t('workflow.work.myApprovals'), render: () => <MyApprovalsView /> });
  return views;
}
