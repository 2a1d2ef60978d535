/** The assignment module's messages, merged into the server catalogue (src/app/i18n). */
export const assignmentMessages = {
  zhCN: {
    'assignment.agent_not_found': '坐席不存在或已停用',
    'assignment.exception_not_found': '请假或加班记录不存在',
    'assignment.exception_ends_before_start': '结束时间应晚于开始时间',
    'assignment.skill_field_unknown': '没有工单字段 {field}',
    'assignment.skill_field_not_choice': '字段 {field} 不是选项字段，不能作为技能',
    'assignment.calendar_not_found': '工作日历不存在',
    'assignment.settings_version_mismatch': '分配设置已被他人修改（当前版本 {current}），请刷新后重试',
    'assignment.agent_version_mismatch': '坐席资料已被他人修改（当前版本 {current}），请刷新后重试',
  },
  en: {
    'assignment.agent_not_found': 'No such agent, or the agent is deactivated',
    'assignment.exception_not_found': 'No such leave or extra shift',
    'assignment.exception_ends_before_start': 'The end must be after the start',
    'assignment.skill_field_unknown': 'There is no ticket field {field}',
    'assignment.skill_field_not_choice': 'Field {field} has no options and cannot be a skill',
    'assignment.calendar_not_found': 'No such business calendar',
    'assignment.settings_version_mismatch': 'The assignment settings were changed by someone else (now version {current}); reload and try again',
    'assignment.agent_version_mismatch': "The agent's profile was changed by someone else (now version {current}); reload and try again",
  },
};
