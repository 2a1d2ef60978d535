import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthenticated } from '../shared/api/client.ts';
import { ErrorState, Loading } from '../shared/ui/states.tsx';
import { sessionKey, useCan, useSession } from './session.ts';
import { settingsLanding } from './settings-pages.ts';
import { Shell } from './Shell.tsx';

// Each screen is its own chunk: the first screen after login loads only the shell and the list.
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const TicketsPage = lazy(() => import('../features/tickets/TicketsPage.tsx'));
const TicketPage = lazy(() => import('../features/tickets/TicketPage.tsx'));
const NewTicketPage = lazy(() => import('../features/tickets/NewTicketPage.tsx'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage.tsx'));
const NotificationPreferencesPage = lazy(() => import('../features/notifications/NotificationPreferencesPage.tsx'));
const FeishuRobotsPage = lazy(() => import('../features/notifications/FeishuRobotsPage.tsx'));
const UsersPage = lazy(() => import('../features/admin/UsersPage.tsx'));
const TeamsPage = lazy(() => import('../features/admin/TeamsPage.tsx'));
const CategoriesPage = lazy(() => import('../features/admin/CategoriesPage.tsx'));
const PrioritiesPage = lazy(() => import('../features/admin/PrioritiesPage.tsx'));
const TicketFormsPage = lazy(() => import('../features/forms/designer/TicketFormsPage.tsx'));
const TypeDesignerPage = lazy(() => import('../features/forms/designer/TypeDesignerPage.tsx'));
const CustomerFieldsPage = lazy(() => import('../features/forms/designer/CustomerFieldsPage.tsx'));
const CustomersPage = lazy(() => import('../features/customers/CustomersPage.tsx'));
const ContactPage = lazy(() => import('../features/customers/ContactPage.tsx'));
const OrganizationPage = lazy(() => import('../features/customers/OrganizationPage.tsx'));
const CustomerTiersPage = lazy(() => import('../features/customers/CustomerTiersPage.tsx'));
const CalendarsPage = lazy(() => import('../features/sla/CalendarsPage.tsx'));
const PoliciesPage = lazy(() => import('../features/sla/PoliciesPage.tsx'));
const MailboxesPage = lazy(() => import('../features/email/MailboxesPage.tsx'));
const WechatChannelPage = lazy(() => import('../features/channels/WechatChannelPage.tsx'));
const WecomChannelPage = lazy(() => import('../features/channels/WecomChannelPage.tsx'));
const DingtalkChannelPage = lazy(() => import('../features/channels/DingtalkChannelPage.tsx'));
const SmsChannelPage = lazy(() => import('../features/channels/SmsChannelPage.tsx'));
const SignInSecurityPage = lazy(() => import('../features/auth/SignInSecurityPage.tsx'));
const QuarantinePage = lazy(() => import('../features/email/QuarantinePage.tsx'));
const ProcessesPage = lazy(() => import('../features/workflow/ProcessesPage.tsx'));
const ProcessDesignerPage = lazy(() => import('../features/workflow/ProcessDesignerPage.tsx'));
const SecuritySettingsPage = lazy(() => import('../features/security-settings/SecuritySettingsPage.tsx'));
const WebhooksPage = lazy(() => import('../features/webhooks/WebhooksPage.tsx'));
const ImportsPage = lazy(() => import('../features/imports/ImportsPage.tsx'));
const ImportWizardPage = lazy(() => import('../features/imports/ImportWizardPage.tsx'));
const ExportsPage = lazy(() => import('../features/exports/ExportsPage.tsx'));
const RulesPage = lazy(() => import('../features/automation/RulesPage.tsx'));
const RuleEditorPage = lazy(() => import('../features/automation/RuleEditorPage.tsx'));
const SurveySettingsPage = lazy(() => import('../features/surveys/SurveySettingsPage.tsx'));
const SharedMacrosPage = lazy(() => import('../features/macros/SharedMacrosPage.tsx'));
const PersonalMacrosPage = lazy(() => import('../features/macros/PersonalMacrosPage.tsx'));
const AssignmentSettingsPage = lazy(() => import('../features/assignment/AssignmentSettingsPage.tsx'));
const AssignmentBoardPage = lazy(() => import('../features/assignment/AssignmentBoardPage.tsx'));
const DispatchBoardPage = lazy(() => import('../features/field-service/dispatch/DispatchBoard.tsx'));
const FieldServiceSettingsPage = lazy(() => import('../features/field-service/settings/FieldServiceSettingsPage.tsx'));
// The customer's rating page behind an emailed survey link: public, like the web form.
const SurveyPage = lazy(() => import('../features/surveys/SurveyPage.tsx'));
const ApprovalLinkPage = lazy(() => import('../features/workflow/ApprovalLinkPage.tsx'));
const ComingSoon = lazy(() => import('../shared/ui/ComingSoon.tsx'));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.tsx'));
const ReportBuilderPage = lazy(() => import('../features/reports/ReportBuilderPage.tsx'));
const KnowledgePage = lazy(() => import('../features/knowledge/KnowledgePage.tsx'));
const ArticleEditorPage = lazy(() => import('../features/knowledge/ArticleEditorPage.tsx'));
// The customer portal: its own minimal frame, no agent session or menus.
const PortalFormPage = lazy(() => import('../features/portal/PortalFormPage.tsx'));
const PortalLoginPage = lazy(() => import('../features/portal/PortalLoginPage.tsx'));
const PortalShell = lazy(() => import('../features/portal/PortalShell.tsx'));
const PortalTicketsPage = lazy(() => import('../features/portal/PortalTicketsPage.tsx'));
const PortalTicketPage = lazy(() => import('../features/portal/PortalTicketPage.tsx'));
const PortalSettingsPage = lazy(() => import('../features/portal/PortalSettingsPage.tsx'));

function page(element: ReactNode) {
  return <Suspense fallback={<Loading />}>{element}</Suspense>;
}

/** /settings opens the first settings page the role may use (a supervisor has no user administration). */
function SettingsLanding() {
  const can = useCan();
  const landing = settingsLanding(can);
  if (!landing) return <Navigate to="/tickets" replace />;
  return <Navigate to={landing} replace />;
}

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  // The session ended (expired, logged out elsewhere): nothing of it may show to whoever logs in next.
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (!queryClient.getQueryData(sessionKey)) return; // not signed in yet: nothing expired
        queryClient.clear();
        queryClient.setQueryData(sessionKey, null);
        sessionStorage.setItem('opencsm.sessionExpired', '1');
      }),
    [queryClient],
  );
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={page(<LoginPage />)} />
      <Route path="/portal/form" element={page(<PortalFormPage />)} />
      <Route path="/survey/:token" element={page(<SurveyPage />)} />
      <Route path="/approve/:token" element={page(<ApprovalLinkPage />)} />
      <Route path="/portal/login" element={page(<PortalLoginPage />)} />
      <Route path="/portal" element={page(<PortalShell />)}>
        <Route index element={page(<PortalTicketsPage />)} />
        <Route path="tickets/:id" element={page(<PortalTicketPage />)} />
      </Route>
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/tickets" replace />} />
        <Route path="/tickets" element={page(<TicketsPage />)} />
        <Route path="/tickets/new" element={page(<NewTicketPage />)} />
        <Route path="/tickets/:id" element={page(<TicketPage />)} />
        <Route path="/email-quarantine" element={page(<QuarantinePage />)} />
        <Route path="/customers" element={page(<CustomersPage />)} />
        <Route path="/customers/contacts/:id" element={page(<ContactPage />)} />
        <Route path="/customers/organizations/:id" element={page(<OrganizationPage />)} />
        <Route path="/knowledge" element={page(<KnowledgePage />)} />
        <Route path="/knowledge/new" element={page(<ArticleEditorPage />)} />
        <Route path="/knowledge/:id" element={page(<ArticleEditorPage />)} />
        <Route path="/reports" element={page(<ReportsPage />)} />
        <Route path="/reports/custom/:id" element={page(<ReportBuilderPage />)} />
        <Route path="/settings" element={<SettingsLanding />} />
        <Route path="/settings/users" element={page(<UsersPage />)} />
        <Route path="/settings/teams" element={page(<TeamsPage />)} />
        <Route path="/settings/categories" element={page(<CategoriesPage />)} />
        <Route path="/settings/priorities" element={page(<PrioritiesPage />)} />
        <Route path="/settings/ticket-types" element={page(<TicketFormsPage />)} />
        <Route path="/settings/ticket-types/:key" element={page(<TypeDesignerPage />)} />
        <Route path="/settings/customer-fields" element={page(<CustomerFieldsPage />)} />
        <Route path="/settings/customer-tiers" element={page(<CustomerTiersPage />)} />
        <Route path="/settings/calendars" element={page(<CalendarsPage />)} />
        <Route path="/settings/sla-policies" element={page(<PoliciesPage />)} />
        <Route path="/settings/automation" element={page(<RulesPage />)} />
        <Route path="/settings/automation/:id" element={page(<RuleEditorPage />)} />
        <Route path="/settings/processes" element={page(<ProcessesPage />)} />
        <Route path="/settings/processes/:id" element={page(<ProcessDesignerPage />)} />
        <Route path="/settings/mailboxes" element={page(<MailboxesPage />)} />
        <Route path="/settings/channels/wechat" element={page(<WechatChannelPage />)} />
        <Route path="/settings/channels/wecom" element={page(<WecomChannelPage />)} />
        <Route path="/settings/channels/dingtalk" element={page(<DingtalkChannelPage />)} />
        <Route path="/settings/channels/sms" element={page(<SmsChannelPage />)} />
        <Route path="/settings/feishu-robots" element={page(<FeishuRobotsPage />)} />
        <Route path="/settings/portal" element={page(<PortalSettingsPage />)} />
        <Route path="/settings/sign-in-security" element={page(<SignInSecurityPage />)} />
        <Route path="/settings/security" element={page(<SecuritySettingsPage />)} />
        <Route path="/settings/macros" element={page(<SharedMacrosPage />)} />
        <Route path="/settings/webhooks" element={page(<WebhooksPage />)} />
        <Route path="/settings/imports" element={page(<ImportsPage />)} />
        <Route path="/settings/imports/:id" element={page(<ImportWizardPage />)} />
        <Route path="/settings/exports" element={page(<ExportsPage />)} />
        <Route path="/settings/surveys" element={page(<SurveySettingsPage />)} />
        <Route path="/settings/assignment" element={page(<AssignmentSettingsPage />)} />
        <Route path="/settings/field-service" element={page(<FieldServiceSettingsPage />)} />
        <Route path="/assignment" element={page(<AssignmentBoardPage />)} />
        <Route path="/dispatch" element={page(<DispatchBoardPage />)} />
        <Route path="/profile" element={page(<ProfilePage />)} />
        <Route path="/profile/macros" element={page(<PersonalMacrosPage />)} />
        <Route path="/profile/notifications" element={page(<NotificationPreferencesPage />)} />
        <Route path="*" element={<ErrorState notFound />} />
      </Route>
    </Routes>
  );
}
