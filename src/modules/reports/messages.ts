/** The reports module's messages, merged into the server catalogue (src/app/i18n). */
export const reportsMessages = {
  zhCN: {
    'report.range_empty': '结束时间必须晚于开始时间',
    'report.range_too_long': '时间范围最长 {days} 天',
    'report.group_by_unknown': '不能按此维度分组（可选：团队、客服、渠道、类型、分类、优先级或 field:<单选字段标识>）',
    'report.cell_needs_both': '热力图单元格需要同时给出星期和小时',
    'report.group_needs_group_by': '指定分组值时需要同时给出分组维度',
    'report.time_zone_unknown': '未知的时区（应为 IANA 时区，例如 Asia/Shanghai）',
  },
  en: {
    'report.range_empty': 'The end must be after the start',
    'report.range_too_long': 'A range is at most {days} days',
    'report.group_by_unknown': 'Cannot group by this (team, agent, channel, type, category, priority or field:<select field key>)',
    'report.cell_needs_both': 'A heatmap cell needs both the weekday and the hour',
    'report.group_needs_group_by': 'A group value needs the dimension it belongs to (groupBy)',
    'report.time_zone_unknown': 'Unknown time zone (an IANA name such as Asia/Shanghai)',
  },
};
