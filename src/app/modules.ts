import { jobsAdminModule } from '../jobs/admin-routes.js';
import { authModule } from '../modules/auth/index.js';
import { channelsModule } from '../modules/channels/index.js';
import { wechatChannelModule } from '../modules/wechat-channel/index.js';
import { wecomChannelModule } from '../modules/wecom-channel/index.js';
import { dingtalkChannelModule } from '../modules/dingtalk-channel/index.js';
import { smsChannelModule } from '../modules/sms-channel/index.js';
import { customer360Module } from '../modules/customer-360/index.js';
import { customersModule } from '../modules/customers/index.js';
import { emailChannelModule } from '../modules/email-channel/index.js';
import { formsModule } from '../modules/forms/index.js';
import { ticketsModule } from '../modules/tickets/index.js';
import { realtimeModule } from '../realtime/stream-routes.js';
import { slaModule } from '../modules/sla/index.js';
import { portalModule } from '../modules/portal/index.js';
import { phoneModule } from '../modules/phone/index.js';
import { securitySettingsModule } from '../modules/security-settings/index.js';
import { surveysModule } from '../modules/surveys/index.js';
import { knowledgeModule } from '../modules/knowledge/index.js';
import { macrosModule } from '../modules/macros/index.js';
import { notificationsModule } from '../modules/notifications/index.js';
import { fieldServiceModule } from '../modules/field-service/index.js';
import { webhooksModule } from '../modules/webhooks/index.js';
import { automationModule } from '../modules/automation/index.js';
import { assignmentModule } from '../modules/assignment/index.js';
import { reportsModule } from '../modules/reports/index.js';
import { importsModule } from '../modules/imports/index.js';
import { workflowModule } from '../modules/workflow/index.js';
import { exportsModule } from '../modules/exports/index.js';
import type { AppModule } from './context.js';

/**
 * Every module of the application, in one explicit list. A new module is added here. The order is
 * the order of the channels our modules register (phone, email, portal: the ticket channel list and
 * the create API's `channel` enum follow it) and of the API's paths in the OpenAPI document.
 */
export const modules: readonly AppModule[] = [authModule, customersModule, formsModule, ticketsModule, customer360Module, slaModule, phoneModule, emailChannelModule, channelsModule, wechatChannelModule, wecomChannelModule, dingtalkChannelModule, smsChannelModule, portalModule, knowledgeModule, macrosModule, securitySettingsModule, surveysModule, notificationsModule, fieldServiceModule, webhooksModule, automationModule, assignmentModule, reportsModule, importsModule, workflowModule, exportsModule, jobsAdminModule, realtimeModule];
