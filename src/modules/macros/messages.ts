/** The macros module's messages, merged into the server catalogue (src/app/i18n). */
export const macrosMessages = {
  zhCN: {
    'macro.not_found': '宏不存在或无权使用',
    'macro.manage_required': '只有拥有“管理宏”权限的主管或管理员才能管理共享宏',
    'macro.teams_only_shared': '只有共享宏可以指定团队',
    'macro.version_mismatch': '宏已被他人修改（当前版本 {current}），请刷新后重试',
    'macro.if_match_required': '修改宏需要 If-Match 请求头（宏的版本号）',
    'macro.if_match_invalid': 'If-Match 请求头格式不正确，应为 "版本号"',
    'macro.cursor_invalid': '分页游标无效，请从第一页重新开始',
    'macro.unknown_field': '没有可用的工单字段 {field}',
  },
  en: {
    'macro.not_found': 'Macro not found, or you may not use it',
    'macro.manage_required': 'Only supervisors and admins who manage macros can manage shared macros',
    'macro.teams_only_shared': 'Only shared macros can be limited to teams',
    'macro.version_mismatch': 'The macro was changed by someone else (now version {current}); reload and try again',
    'macro.if_match_required': 'Changing a macro needs an If-Match header (the macro\'s version)',
    'macro.if_match_invalid': 'The If-Match header must be "<version>"',
    'macro.cursor_invalid': 'The page cursor is not valid; start again from the first page',
    'macro.unknown_field': 'There is no usable ticket field {field}',
  },
} as const;
