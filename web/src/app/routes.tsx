import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Guard, NotFound } from './Guard';
import { Shell } from './shell/Shell';

// Every page is its own chunk: the initial download is the shell only.
const HomePage = lazy(() => import('@/features/home/components/HomePage'));
const UsersPage = lazy(() => import('@/features/users/components/UsersPage'));
const PolicyPage = lazy(() => import('@/features/policy/components/PolicyPage'));
const QueuesPage = lazy(() => import('@/features/queues/components/QueuesPage'));
const QueueEditorPage = lazy(() => import('@/features/queues/components/QueueEditorPage'));
const SkillsPage = lazy(() => import('@/features/skills/components/SkillsPage'));
const BreakReasonsPage = lazy(() => import('@/features/break-reasons/components/BreakReasonsPage'));
const MyStatusPage = lazy(() => import('@/features/presence/components/MyStatusPage'));
const MyCallsPage = lazy(() => import('@/features/my-calls/components/MyCallsPage'));
const AgentStatusPage = lazy(() => import('@/features/presence/components/AgentStatusPage'));
const CallbacksPage = lazy(() => import('@/features/callbacks/components/CallbacksPage'));
const CalendarsPage = lazy(() => import('@/features/calendars/components/CalendarsPage'));
const SettingsPage = lazy(() => import('@/features/settings/components/SettingsPage'));
const AuditPage = lazy(() => import('@/features/audit/components/AuditPage'));
const TenantsPage = lazy(() => import('@/features/tenants/components/TenantsPage'));
const PeoplePage = lazy(() => import('@/features/people/components/PeoplePage'));
const PersonPage = lazy(() => import('@/features/people/components/PersonPage'));
const NumbersPage = lazy(() => import('@/features/numbers/components/NumbersPage'));
const AgentsPage = lazy(() => import('@/features/agents/components/AgentsPage'));
const InteractionsPage = lazy(() => import('@/features/interactions/components/InteractionsPage'));
const CarriersPage = lazy(() => import('@/features/carriers/components/CarriersPage'));
const InventoryPage = lazy(() => import('@/features/inventory/components/InventoryPage'));
const ClientsPage = lazy(() => import('@/features/clients/components/ClientsPage'));
const ClientPage = lazy(() => import('@/features/clients/components/ClientPage'));
const ClientFieldsPage = lazy(() => import('@/features/client-fields/components/ClientFieldsPage'));
const ProfilePage = lazy(() => import('@/features/profile/components/ProfilePage'));
// help desk and knowledge base (HD-01, HD-02, HD-03, RPT-07)
const TicketsPage = lazy(() => import('@/features/tickets/components/TicketsPage'));
const TicketDetailPage = lazy(() => import('@/features/tickets/components/TicketDetailPage'));
const TicketSettingsPage = lazy(() => import('@/features/tickets/components/TicketSettingsPage'));
const KbPage = lazy(() => import('@/features/kb/components/KbPage'));
const ArticlePage = lazy(() => import('@/features/kb/components/ArticlePage'));
const ArticleEditorPage = lazy(() => import('@/features/kb/components/ArticleEditorPage'));
// CRM admin and agent pages (CRM-02, CRM-05, CRM-06, AGT-05)
const ClientImportPage = lazy(() => import('@/features/client-import/components/ClientImportPage'));
const FormsPage = lazy(() => import('@/features/forms/components/FormsPage'));
const CategoriesPage = lazy(() => import('@/features/categories/components/CategoriesPage'));
const ApiCredentialsPage = lazy(() => import('@/features/api-credentials/components/ApiCredentialsPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<HomePage />} />
        <Route
          path="numbers"
          element={
            <Guard item="numbers">
              <NumbersPage />
            </Guard>
          }
        />
        <Route
          path="agents"
          element={
            <Guard item="agents">
              <AgentsPage />
            </Guard>
          }
        />
        <Route
          path="interactions"
          element={
            <Guard item="interactions">
              <InteractionsPage />
            </Guard>
          }
        />
        <Route
          path="clients"
          element={
            <Guard item="clients">
              <ClientsPage />
            </Guard>
          }
        />
        <Route
          path="clients/:id"
          element={
            <Guard item="clients">
              <ClientPage />
            </Guard>
          }
        />
        <Route
          path="client-fields"
          element={
            <Guard item="client-fields">
              <ClientFieldsPage />
            </Guard>
          }
        />
        <Route
          path="users"
          element={
            <Guard item="users">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="security-policy"
          element={
            <Guard item="policy">
              <PolicyPage />
            </Guard>
          }
        />
        <Route
          path="queues"
          element={
            <Guard item="queues">
              <QueuesPage />
            </Guard>
          }
        />
        <Route
          path="queues/:id"
          element={
            <Guard item="queues">
              <QueueEditorPage />
            </Guard>
          }
        />
        <Route
          path="skills"
          element={
            <Guard item="skills">
              <SkillsPage />
            </Guard>
          }
        />
        <Route
          path="break-reasons"
          element={
            <Guard item="break-reasons">
              <BreakReasonsPage />
            </Guard>
          }
        />
        <Route
          path="presence"
          element={
            <Guard item="presence">
              <MyStatusPage />
            </Guard>
          }
        />
        <Route
          path="my-calls"
          element={
            <Guard item="my-calls">
              <MyCallsPage />
            </Guard>
          }
        />
        <Route
          path="presence/agents"
          element={
            <Guard item="presence-agents">
              <AgentStatusPage />
            </Guard>
          }
        />
        <Route
          path="callbacks"
          element={
            <Guard item="callbacks">
              <CallbacksPage />
            </Guard>
          }
        />
        <Route
          path="working-hours"
          element={
            <Guard item="calendars">
              <CalendarsPage />
            </Guard>
          }
        />
        <Route
          path="settings"
          element={
            <Guard item="settings">
              <SettingsPage />
            </Guard>
          }
        />
        <Route
          path="audit"
          element={
            <Guard item="audit">
              <AuditPage />
            </Guard>
          }
        />
        <Route
          path="platform/tenants"
          element={
            <Guard item="tenants">
              <TenantsPage />
            </Guard>
          }
        />
        <Route
          path="platform/people"
          element={
            <Guard item="people">
              <PeoplePage />
            </Guard>
          }
        />
        <Route
          path="platform/people/:id"
          element={
            <Guard item="people">
              <PersonPage />
            </Guard>
          }
        />
        <Route
          path="platform/carriers"
          element={
            <Guard item="carriers">
              <CarriersPage />
            </Guard>
          }
        />
        <Route
          path="platform/numbers"
          element={
            <Guard item="inventory">
              <InventoryPage />
            </Guard>
          }
        />
        {/* CRM admin and agent pages; the import page asks for clients.manage itself */}
        <Route
          path="clients/import"
          element={
            <Guard item="clients">
              <ClientImportPage />
            </Guard>
          }
        />
        <Route
          path="forms"
          element={
            <Guard item="forms">
              <FormsPage />
            </Guard>
          }
        />
        <Route
          path="categories"
          element={
            <Guard item="categories">
              <CategoriesPage />
            </Guard>
          }
        />
        <Route
          path="api-credentials"
          element={
            <Guard item="api-credentials">
              <ApiCredentialsPage />
            </Guard>
          }
        />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="auth/callback" element={<HomePage />} />
        {/* help desk and knowledge base (HD-01, HD-02, HD-03, RPT-07) */}
        <Route
          path="tickets"
          element={
            <Guard item="tickets">
              <TicketsPage />
            </Guard>
          }
        />
        <Route
          path="tickets/:id"
          element={
            <Guard item="tickets">
              <TicketDetailPage />
            </Guard>
          }
        />
        <Route
          path="ticket-settings"
          element={
            <Guard item="ticket-settings">
              <TicketSettingsPage />
            </Guard>
          }
        />
        <Route
          path="kb"
          element={
            <Guard item="kb">
              <KbPage />
            </Guard>
          }
        />
        <Route
          path="kb/articles/new"
          element={
            <Guard item="kb">
              <ArticleEditorPage />
            </Guard>
          }
        />
        <Route
          path="kb/articles/:id"
          element={
            <Guard item="kb">
              <ArticlePage />
            </Guard>
          }
        />
        <Route
          path="kb/articles/:id/edit"
          element={
            <Guard item="kb">
              <ArticleEditorPage />
            </Guard>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
