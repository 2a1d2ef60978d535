import type { Catalogue } from '../../app/locales/catalogue.ts';

/** SLA badges, countdowns and timeline lines on tickets (zh-CN first; en typed against it). */
export const slaTimerZhCN = {
  column: 'SLA',
  target: { first_response: '首次响应', next_response: '下次响应', resolution: '解决' },
  remaining: '剩余 {{time}} · {{target}}',
  overdue: '已超时 {{time}} · {{target}}',
  paused: '已暂停 · 剩余 {{time}} · {{target}}',
  met: '已达成 · {{target}}',
  hoursMinutes: '{{h}}小时{{m}}分',
  hours: '{{h}}小时',
  minutes: '{{m}}分',
  due: '到期 {{time}}',
  businessTime: '按工作时间计算（节假日、午休和非工作时间不计）',
  state: { running: '计时中', warning: '即将超时', breached: '已超时', paused: '已暂停', met: '已达成' },
  timeline: {
    warning: 'SLA 预警：{{target}}将于 {{due}} 到期',
    breached: 'SLA 超时：{{target}}应于 {{due}} 前完成',
    escalated: 'SLA 升级（{{target}}，超时后第 {{step}} 步）：{{actions}}',
    held: '（非工作时间，通知顺延到上班时发出）',
  },
  action: {
    notify: '通知{{to}}',
    reassign: '转派给{{to}}',
    set_priority: '优先级改为 {{priority}}',
  },
  to: { assignee: '处理人', team_lead: '组长', supervisors: '主管', user: '指定用户' },
};

export const slaTimerEn: Catalogue<typeof slaTimerZhCN> = {
  column: 'SLA',
  target: { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' },
  remaining: '{{time}} left · {{target}}',
  overdue: 'Overdue {{time}} · {{target}}',
  paused: 'Paused · {{time}} left · {{target}}',
  met: 'Met · {{target}}',
  hoursMinutes: '{{h}} h {{m}} min',
  hours: '{{h}} h',
  minutes: '{{m}} min',
  due: 'Due {{time}}',
  businessTime: 'Counted in business hours (holidays, lunch breaks and closed hours do not count)',
  state: { running: 'Running', warning: 'Due soon', breached: 'Overdue', paused: 'Paused', met: 'Met' },
  timeline: {
    warning: 'SLA warning: {{target}} is due at {{due}}',
    breached: 'SLA breached: {{target}} was due at {{due}}',
    escalated: 'SLA escalation ({{target}}, step {{step}} after the breach): {{actions}}',
    held: ' (outside business hours: the notice waited for opening time)',
  },
  action: {
    notify: 'notify {{to}}',
    reassign: 'reassign to {{to}}',
    set_priority: 'set priority to {{priority}}',
  },
  to: { assignee: 'the assignee', team_lead: 'the team lead', supervisors: 'supervisors', user: 'a named user' },
};
