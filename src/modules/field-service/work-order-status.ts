/**
 * The work order's lifecycle as one pure table (the server decides the status; the engineer's app
 * and the console only ask it which steps to offer):
 * 待派工 → 已派工 → 已接单 (or 已拒单) → 已出发 → 已到达 → 服务中 → 待客户确认 → 已完成, or 已取消 / 需再次上门.
 */
export const workOrderStatuses = [
  'pending_dispatch', // 待派工
  'dispatched', // 已派工
  'accepted', // 已接单
  'rejected', // 已拒单
  'departed', // 已出发
  'arrived', // 已到达
  'in_service', // 服务中
  'awaiting_confirmation', // 待客户确认
  'completed', // 已完成
  'cancelled', // 已取消
  'revisit_needed', // 需再次上门
] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

export const workOrderStepTypes = ['dispatch', 'accept', 'reject', 'depart', 'arrive', 'start', 'report', 'finish', 'cancel', 'revisit'] as const;
export type WorkOrderStepType = (typeof workOrderStepTypes)[number];

/** Who may take a step: the engineer holding the order, a dispatcher of its team, or either. */
export type StepActor = 'engineer' | 'dispatcher' | 'either';

type StepRule = { from: readonly WorkOrderStatus[]; to: WorkOrderStatus; by: StepActor; located: boolean };

const open: readonly WorkOrderStatus[] = ['pending_dispatch', 'dispatched', 'accepted', 'rejected', 'departed', 'arrived', 'in_service', 'awaiting_confirmation'];

export const workOrderSteps: Readonly<Record<WorkOrderStepType, StepRule>> = {
  // Dispatching again before the engineer leaves is a reassignment; a refused order goes back out.
  dispatch: { from: ['pending_dispatch', 'dispatched', 'accepted', 'rejected'], to: 'dispatched', by: 'dispatcher', located: false },
  accept: { from: ['dispatched'], to: 'accepted', by: 'engineer', located: false },
  reject: { from: ['dispatched'], to: 'rejected', by: 'engineer', located: false },
  depart: { from: ['accepted'], to: 'departed', by: 'engineer', located: true },
  arrive: { from: ['departed'], to: 'arrived', by: 'engineer', located: true },
  start: { from: ['arrived'], to: 'in_service', by: 'engineer', located: false },
  // A report may be corrected until the customer confirms.
  report: { from: ['in_service', 'awaiting_confirmation'], to: 'awaiting_confirmation', by: 'engineer', located: false },
  finish: { from: ['awaiting_confirmation'], to: 'completed', by: 'engineer', located: true },
  cancel: { from: open, to: 'cancelled', by: 'dispatcher', located: false },
  revisit: { from: ['arrived', 'in_service', 'awaiting_confirmation'], to: 'revisit_needed', by: 'either', located: false },
};

export const terminalStatuses: readonly WorkOrderStatus[] = ['completed', 'cancelled', 'revisit_needed'];

/** The status a step leads to from `status`, or null when the table does not allow it. */
export function nextStatus(status: WorkOrderStatus, step: WorkOrderStepType): WorkOrderStatus | null {
  const rule = workOrderSteps[step];
  return rule.from.includes(status) ? rule.to : null;
}

/** The steps the table allows from a status (the app offers these buttons). */
export function stepsFrom(status: WorkOrderStatus): WorkOrderStepType[] {
  return workOrderStepTypes.filter((step) => workOrderSteps[step].from.includes(status));
}
