/**
 * The settings pages and the permission each needs, in menu order. The menu and the /settings
 * landing read the same list, so a role never lands on a page its menu does not offer.
 */
export const settingsPages = [
  { path: '/settings/users', permission: 'admin.users', labelKey: 'nav.users' },
  { path: '/settings/teams', permission: 'admin.teams', labelKey: 'nav.teams' },
  { path: '/settings/categories', permission: 'admin.categories', labelKey: 'nav.categories' },
  { path: '/settings/priorities', permission: 'admin.priorities', labelKey: 'nav.priorities' },
  { path: '/settings/ticket-types', permission: 'forms.manage', labelKey: 'formsDesigner.nav.types' },
  { path: '/settings/customer-fields', permission: 'forms.manage', labelKey: 'formsDesigner.nav.customerFields' },
  { path: '/settings/customer-tiers', permission: 'admin.customer_tiers', labelKey: 'nav.customerTiers' },
  { path: '/settings/calendars', permission: 'admin.sla', labelKey: 'nav.calendars' },
  { path: '/settings/sla-policies', permission: 'admin.sla', labelKey: 'sla.policies.nav' },
  { path: '/settings/automation', permission: 'automation.manage', labelKey: 'automation.nav' },
  { path: '/settings/processes', permission: 'processes.read', labelKey: 'workflow.nav' },
  { path: '/settings/mailboxes', permission: 'admin.mailboxes', labelKey: 'email.nav' },
  { path: '/settings/channels/wechat', permission: 'channels.manage', labelKey: 'channels.nav' },
  { path: '/settings/channels/wecom', permission: 'channels.manage', labelKey: 'wecom.nav' },
  { path: '/settings/channels/dingtalk', permission: 'channels.manage', labelKey: 'dingtalk.nav' },
  { path: '/settings/channels/sms', permission: 'channels.manage', labelKey: 'sms.nav' },
  { path: '/settings/feishu-robots', permission: 'channels.manage', labelKey: 'notifications.feishu.nav' },
  { path: '/settings/portal', permission: 'admin.users', labelKey: 'portal.settings.nav' },
  { path: '/settings/sign-in-security', permission: 'admin.security', labelKey: 'security.nav' },
  { path: '/settings/security', permission: 'admin.security', labelKey: 'securitySettings.nav' },
  { path: '/settings/surveys', permission: 'surveys.manage', labelKey: 'surveys.settings.nav' },
  { path: '/settings/macros', permission: 'macros.manage', labelKey: 'macros.page.nav' },
  { path: '/settings/webhooks', permission: 'webhooks.manage', labelKey: 'webhooks.nav' },
  { path: '/settings/imports', permission: 'imports.manage', labelKey: 'imports.nav' },
  { path: '/settings/exports', permission: 'exports.manage', labelKey: 'exports.nav' },
  { path: '/settings/assignment', permission: 'assignment.manage', labelKey: 'assignment.nav.settings' },
  { path: '/settings/field-service', permission: 'field_service.dispatch', labelKey: 'dispatch.settings.nav' },
] as const;

export type SettingsPage = (typeof settingsPages)[number];

export function allowedSettingsPages(can: (permission: string) => boolean): SettingsPage[] {
  return settingsPages.filter((page) => can(page.permission));
}

/** Where /settings goes: the first page the role may use, or null when it may use none. */
export function settingsLanding(can: (permission: string) => boolean): string | null {
  return allowedSettingsPages(can)[0]?.path ?? null;
}
