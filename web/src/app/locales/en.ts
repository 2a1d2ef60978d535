import { workflowEn } from '../../features/workflow/locale.ts';
import { customFieldsEn } from '../../features/forms/locale.ts';
import { macrosEn } from '../../features/macros/locale.ts';
import { automationEn } from '../../features/automation/locale.ts';
import { formsDesignerEn } from '../../features/forms/designer/locale.ts';
import { securityEn } from '../../features/auth/locale.ts';
import { knowledgeEn } from '../../features/knowledge/locale.ts';
import { portalEn } from '../../features/portal/locale.ts';
import { customersEn } from '../../features/customers/locale.ts';
import { emailEn } from '../../features/email/locale.ts';
import { surveysEn } from '../../features/surveys/locale.ts';
import { reportsEn } from '../../features/reports/locale.ts';
import { fieldServiceEn } from '../../features/field-service/locale.ts';
import { dispatchEn } from '../../features/field-service/dispatch/locale.ts';
import { webhooksEn } from '../../features/webhooks/locale.ts';
import { importsEn } from '../../features/imports/locale.ts';
import { exportsEn } from '../../features/exports/locale.ts';
import { assignmentEn } from '../../features/assignment/locale.ts';
import { channelsEn } from '../../features/channels/locale.ts';
import { wechatTemplateEn } from '../../features/channels/wechat-template-locale.ts';
import { wecomEn } from '../../features/channels/wecom-locale.ts';
import { dingtalkEn } from '../../features/channels/dingtalk-locale.ts';
import { smsEn } from '../../features/channels/sms-locale.ts';
import { securitySettingsEn } from '../../features/security-settings/locale.ts';
import { notificationsEn } from '../../features/notifications/locale.ts';
import { slaEn } from '../../features/sla/locale.ts';
import type { Catalogue } from './catalogue.ts';
import type { zhCN } from './zh-CN.ts';

/** Same keys as the Chinese catalogue: a missing or extra key fails the type check. */
export type Messages = Catalogue<typeof zhCN>;

export const en: Messages = {
  app: { name: 'OpenCSM Agent Console', loading: 'Loading…', retry: 'Retry', save: 'Save', cancel: 'Cancel', delete: 'Delete', edit: 'Edit', create: 'New', confirm: 'OK', close: 'Close', none: 'None', unknown: 'Unknown', loadMore: 'Load more', allLoaded: 'All loaded', comingSoonShort: 'Soon', comingSoon: 'Coming soon', actions: 'Actions', yes: 'Yes', no: 'No', copy: 'Copy', copied: 'Copied' },
  nav: { tickets: 'Tickets', customers: 'Customers', knowledge: 'Knowledge base', reports: 'Reports', settings: 'Settings', newTicket: 'New ticket', users: 'Users', teams: 'Teams', categories: 'Categories', priorities: 'Priorities', profile: 'Profile', tokens: 'API tokens', password: 'Change password', logout: 'Log out', language: 'Language', shortcuts: 'Shortcuts', menu: 'Menu', back: 'Back', calendars: 'Business calendars', customerTiers: 'Customer tiers' },
  login: { title: 'Log in to OpenCSM', email: 'Email', password: 'Password', submit: 'Log in', failed: 'Wrong email or password', emailRequired: 'Enter your email', passwordRequired: 'Enter your password', subtitle: 'Customer service management' },
  errors: { title: 'Something went wrong', network: 'Cannot reach the server. Check your connection and retry.', notFound: 'This page or record does not exist, was deleted, or you may not see it.', forbidden: 'You are not allowed to do this. Ask an administrator.', conflict: 'Someone else changed this ticket first. The latest version is loaded; check it and try again.', generic: 'Failed: {{message}}', sessionExpired: 'Your session expired. Please log in again.' },
  views: { title: 'Views', saveCurrent: 'Save as view', viewName: 'View name', deleteView: 'Delete view', deleteConfirm: 'Delete the view “{{name}}”?', savedOk: 'View saved' },
  search: { foundAll: 'Found {{n}} in all tickets', foundView: 'Found {{n}} in “{{view}}”', currentViewOnly: 'Current view only', emptyAll: 'No ticket in all tickets matches “{{q}}”', emptyView: 'No ticket in “{{view}}” matches “{{q}}”' },
  list: { export: 'Export', exportXlsx: 'Export Excel (.xlsx)', exportCsv: 'Export CSV (UTF-8)', search: 'Search number, subject or text', number: 'Number', subject: 'Subject', requester: 'Customer', status: 'Status', priority: 'Priority', assignee: 'Assignee', team: 'Team', updatedAt: 'Updated', createdAt: 'Created', empty: 'No tickets in this view', emptySearch: 'No tickets match “{{q}}”', emptyHint: 'New tickets appear here as they arrive or are assigned to you.', selected: '{{count}} selected', bulkAssign: 'Assign to', bulkStatus: 'Set status', bulkTag: 'Add tag', bulkDone: '{{ok}} tickets updated', bulkFailed: '{{failed}} tickets failed: {{reason}}', clearSelection: 'Clear selection', separator: '; ' },
  listLayout: { title: 'List settings', density: 'Row density', comfortable: 'Standard', compact: 'Compact', columns: 'Columns shown', hint: 'In a narrow window, priority shares a cell with status and the customer appears under the subject. These settings are yours only.' },
  status: { new: 'New', open: 'Open', pending: 'Pending customer', resolved: 'Resolved', closed: 'Closed' },
  ticket: { subject: 'Subject', description: 'Description', status: 'Status', priority: 'Priority', category: 'Category', team: 'Team', assignee: 'Assignee', tags: 'Tags', addTag: 'Add tag', unassigned: 'Unassigned', noTeam: 'No team', noCategory: 'Uncategorised', saved: 'Saved', channel: 'Channel', createdAt: 'Created {{time}}', timeline: 'Activity', reply: 'Reply', note: 'Internal note', internal: 'Internal note', public: 'Public reply', send: 'Send', sendNote: 'Add note', composerPlaceholder: 'Write a reply… (Ctrl+Enter to send)', notePlaceholder: 'An internal note only your team sees… (Ctrl+Enter to save)', attach: 'Attach files', dropHere: 'Drop or paste files here to upload', uploading: 'Uploading {{name}}…', emptyTimeline: 'No activity yet', noPermissionReply: 'You may not reply', viewers: '{{names}} also viewing this ticket', composing: '{{names}} is typing…', changed: '{{actor}} changed {{field}} from {{from}} to {{to}}', created: '{{actor}} created the ticket', system: 'System', requesterPanel: 'Customer', otherTickets: 'Other tickets from this customer', noOtherTickets: 'No other tickets', phone: 'Phone', email: 'Email', messageSent: 'Reply sent', noteAdded: 'Note added', via: 'via {{channel}}', deliveryQueued: 'Queued', deliverySent: 'Sent', deliveryFailed: 'Failed', deliveryChanged: 'Reply via {{channel}}: {{status}}', deliveryChangedError: 'Reply via {{channel}} failed: {{error}}', showFormatted: 'Show formatting', showPlain: 'Show plain text', customer: 'Customer', openingMessage: 'Opened the ticket', phoneEntered: 'Reported by phone, entered by agent' },
  ticketPage: { showEarlier: 'Show {{n}} earlier entries', loadingCustomer: 'Loading the customer', openingTicket: 'Opening the ticket' },
  replyWay: { goesBy: 'The reply will go by {{channel}}', goesByTo: 'The reply will go by {{channel}} to {{to}}', portal: 'The reply will show in the customer portal, where the customer reads it after signing in', phone: 'Recorded as an answer given by phone; nothing is sent', cannot: 'This ticket came by {{channel}}, but cannot be answered by {{channel}}: {{reason}}', choose: 'Reply by', alternatives: 'Instead:', sendTemplate: 'Send a template message', sendSms: 'Send an SMS', logCall: 'Log a call', template: 'The reply will go as a WeChat template message (ticket number, the reply\'s first words and a portal link); the customer reads the whole reply on the portal', sms: 'The reply will go as an SMS notice to {{to}} (ticket number and portal link); the customer reads the whole reply on the portal', sendAsTemplate: 'Send as template message', sendAsSms: 'Send by SMS' },
  channel: { api: 'API', web: 'Web', phone: 'Phone', email: 'Email', wechat: 'WeChat', wecom: 'WeCom', dingtalk: 'DingTalk', sms: 'SMS', portal: 'Portal', agent: 'Console', wechat_template: 'WeChat template message' },
  field: { status: 'status', priority: 'priority', categoryId: 'category', teamId: 'team', assigneeId: 'assignee', tags: 'tags', subject: 'subject', description: 'description', type: 'ticket type' },
  newTicket: { title: 'New ticket (phone intake)', requester: 'Caller', lookup: 'Find a customer by phone, email or name', createRequester: 'New customer', name: 'Name', phone: 'Phone', email: 'Email', subjectPlaceholder: 'e.g. Air conditioner not cooling', descriptionPlaceholder: 'What the customer describes, address, appointment time…', submit: 'Create ticket', created: 'Ticket {{number}} created', phoneOrEmail: 'Enter a phone number or an email', noMatch: 'No customer found; one will be created from these details', selected: 'Customer: {{name}}', change: 'Change', openTickets: 'This customer has {{count}} unresolved ticket(s)', openTicketsHint: 'Add to an existing ticket instead of creating a duplicate' },
  call: { inbound: 'Inbound call', outbound: 'Outbound call', missed: 'Missed call', duration: '{{minutes}} min {{seconds}} s', recording: 'Recording', section: 'Call record (optional)', direction: 'Direction', durationLabel: 'Duration', durationPlaceholder: 'e.g. 3:20 or 200 (seconds)', durationInvalid: 'Write the duration like 3:20', recordingUrl: 'Recording link (https)', logFailed: 'The ticket was created, but the call record was not saved: {{message}}' },
  shortcuts: { title: 'Keyboard shortcuts', next: 'Next ticket', previous: 'Previous ticket', reply: 'Reply to customer', note: 'Add internal note', help: 'Show this help', escape: 'Close dialog / leave input', send: 'Send reply' },
  fieldJob: { address: 'Address', devices: 'Devices', noDevices: 'No device records', warrantyUntil: 'Warranty until {{date}}', noWarranty: 'No warranty information', inWarranty: 'In warranty', outOfWarranty: 'Out of warranty', emptyHint: 'Jobs assigned to you appear here.' },
  admin: { defaultTeam: 'Default team', defaultTeamHint: 'New tickets of this category (and of sub-categories without their own) go to this team when none is given', users: 'Users', teams: 'Teams', categories: 'Categories', priorities: 'Priorities', newUser: 'New user', newTeam: 'New team', newCategory: 'New category', newPriority: 'New priority', name: 'Name', email: 'Email', role: 'Role', active: 'Active', inactive: 'Deactivated', deactivate: 'Deactivate', activate: 'Activate', password: 'Initial password', userTeams: 'Teams', members: 'Members', description: 'Description', nameZh: 'Chinese name', nameEn: 'English name', parent: 'Parent', position: 'Order', key: 'Key', rank: 'Rank (1 = most urgent)', color: 'Colour', isDefault: 'Default', savedOk: 'Saved', deletedOk: 'Deleted', deleteConfirm: 'Delete “{{name}}”?', emptyUsers: 'No other users yet. Click “New user” to invite a colleague.', emptyTeams: 'No teams yet. Teams route tickets and limit who sees them.', emptyCategories: 'No categories yet. Categories classify issues for reports and routing.', noAccess: 'You have no administration rights' },
  role: { admin: 'Administrator', supervisor: 'Supervisor', agent: 'Agent', field_engineer: 'Field engineer' },
  profile: { title: 'Profile', name: 'Name', language: 'Language', savedOk: 'Saved', currentPassword: 'Current password', newPassword: 'New password (8+ characters)', changePassword: 'Change password', passwordChanged: 'Password changed; your other devices were logged out', tokens: 'API tokens', newToken: 'Create token', tokenName: 'Token name', prefix: 'Prefix', tokenCreated: 'Copy the token now; it is shown only once:', revoke: 'Revoke', revoked: 'Revoked', expiresAt: 'Expires', lastUsedAt: 'Last used', never: 'Never', emptyTokens: 'No API tokens yet. Tokens connect other systems.' },
  customers: customersEn,
  sla: slaEn,
  email: emailEn,
  security: securityEn,
  securitySettings: securitySettingsEn,
  notifications: notificationsEn,
  channels: channelsEn,
  wechatTemplate: wechatTemplateEn,
  wecom: wecomEn,
  dingtalk: dingtalkEn,
  sms: smsEn,
  customFields: customFieldsEn,
  surveys: surveysEn,
  reports: reportsEn,
  macros: macrosEn,
  fieldService: fieldServiceEn,
  dispatch: dispatchEn,
  webhooks: webhooksEn,
  imports: importsEn,
  exports: exportsEn,
  assignment: assignmentEn,
  portal: portalEn,
  formsDesigner: formsDesignerEn,
  automation: automationEn,
  workflow: workflowEn,
  knowledge: knowledgeEn,
  placeholder: { knowledge: 'The knowledge base is coming.', reports: 'Reports and dashboards are coming.' },
};
