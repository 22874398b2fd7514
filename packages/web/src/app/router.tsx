import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/auth/pages/LoginPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireAdmin, RequireAuth } from './RequireAuth.tsx';

// Pages load on demand so the login page does not pull in echarts.
const DashboardPage = lazy(() => import('../features/dashboard/pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const HouseholdListPage = lazy(() => import('../features/households/pages/HouseholdListPage.tsx').then((m) => ({ default: m.HouseholdListPage })));
const HouseholdDetailPage = lazy(() => import('../features/households/pages/HouseholdDetailPage.tsx').then((m) => ({ default: m.HouseholdDetailPage })));
const HouseholdFormPage = lazy(() => import('../features/households/pages/HouseholdFormPage.tsx').then((m) => ({ default: m.HouseholdFormPage })));
const ImportWizardPage = lazy(() => import('../features/imports/pages/ImportWizardPage.tsx').then((m) => ({ default: m.ImportWizardPage })));
const RegionsPage = lazy(() => import('../features/regions/pages/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })));
const UsersPage = lazy(() => import('../features/admin/pages/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const DictionariesPage = lazy(() => import('../features/admin/pages/DictionariesPage.tsx').then((m) => ({ default: m.DictionariesPage })));
const PolicyPackPage = lazy(() => import('../features/admin/pages/PolicyPackPage.tsx').then((m) => ({ default: m.PolicyPackPage })));
const TodoPage = lazy(() => import('../features/todo/pages/TodoPage.tsx').then((m) => ({ default: m.TodoPage })));
const MonitoringLinesPage = lazy(() => import('../features/monitoring/pages/MonitoringLinesPage.tsx').then((m) => ({ default: m.MonitoringLinesPage })));
const AuditLogPage = lazy(() => import('../features/admin/pages/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })));
const EntityListPage = lazy(() => import('../features/entities/pages/EntityListPage.tsx').then((m) => ({ default: m.EntityListPage })));
const EntityDetailPage = lazy(() => import('../features/entities/pages/EntityDetailPage.tsx').then((m) => ({ default: m.EntityDetailPage })));
const BackbonesPage = lazy(() => import('../features/entities/pages/BackbonesPage.tsx').then((m) => ({ default: m.BackbonesPage })));
const IndustrySpectrumPage = lazy(() => import('../features/industries/pages/IndustrySpectrumPage.tsx').then((m) => ({ default: m.IndustrySpectrumPage })));
const ChainMapPage = lazy(() => import('../features/industries/pages/ChainMapPage.tsx').then((m) => ({ default: m.ChainMapPage })));
const ProjectListPage = lazy(() => import('../features/projects/pages/ProjectListPage.tsx').then((m) => ({ default: m.ProjectListPage })));
const ProjectDetailPage = lazy(() => import('../features/projects/pages/ProjectDetailPage.tsx').then((m) => ({ default: m.ProjectDetailPage })));
const AssetListPage = lazy(() => import('../features/assets/pages/AssetListPage.tsx').then((m) => ({ default: m.AssetListPage })));
const AssetDetailPage = lazy(() => import('../features/assets/pages/AssetDetailPage.tsx').then((m) => ({ default: m.AssetDetailPage })));
const PostListPage = lazy(() => import('../features/posts/pages/PostListPage.tsx').then((m) => ({ default: m.PostListPage })));
const PostDetailPage = lazy(() => import('../features/posts/pages/PostDetailPage.tsx').then((m) => ({ default: m.PostDetailPage })));
const TrainingListPage = lazy(() => import('../features/trainings/pages/TrainingListPage.tsx').then((m) => ({ default: m.TrainingListPage })));
const TrainingDetailPage = lazy(() => import('../features/trainings/pages/TrainingDetailPage.tsx').then((m) => ({ default: m.TrainingDetailPage })));
const JobSubsidiesPage = lazy(() => import('../features/job-subsidies/pages/JobSubsidiesPage.tsx').then((m) => ({ default: m.JobSubsidiesPage })));
const DistributionListPage = lazy(() => import('../features/distributions/pages/DistributionListPage.tsx').then((m) => ({ default: m.DistributionListPage })));
const DistributionDetailPage = lazy(() => import('../features/distributions/pages/DistributionDetailPage.tsx').then((m) => ({ default: m.DistributionDetailPage })));
const FundsPage = lazy(() => import('../features/funds/pages/FundsPage.tsx').then((m) => ({ default: m.FundsPage })));
const CalculatorsPage = lazy(() => import('../features/calculators/pages/CalculatorsPage.tsx').then((m) => ({ default: m.CalculatorsPage })));
const RulesPage = lazy(() => import('../features/rules/pages/RulesPage.tsx').then((m) => ({ default: m.RulesPage })));
const CoveragePage = lazy(() => import('../features/income-coverage/pages/CoveragePage.tsx').then((m) => ({ default: m.CoveragePage })));
const RuleDetailPage = lazy(() => import('../features/rules/pages/RuleDetailPage.tsx').then((m) => ({ default: m.RuleDetailPage })));

function page(node: ReactNode) {
  return <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{node}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      { path: '/dashboard', element: page(<DashboardPage />) },
      { path: '/households', element: page(<HouseholdListPage />) },
      { path: '/households/new', element: page(<HouseholdFormPage />) },
      { path: '/households/:id', element: page(<HouseholdDetailPage />) },
      { path: '/households/:id/edit', element: page(<HouseholdFormPage />) },
      { path: '/import', element: page(<ImportWizardPage />) },
      { path: '/todo', element: page(<TodoPage />) },
      { path: '/regions', element: page(<RegionsPage />) },
      { path: '/industry/entities', element: page(<EntityListPage />) },
      { path: '/industry/entities/:id', element: page(<EntityDetailPage />) },
      { path: '/industry/backbones', element: page(<BackbonesPage />) },
      { path: '/industry/spectrum', element: page(<IndustrySpectrumPage />) },
      { path: '/industry/chains/:id', element: page(<ChainMapPage />) },
      { path: '/industry/projects', element: page(<ProjectListPage />) },
      { path: '/industry/projects/:id', element: page(<ProjectDetailPage />) },
      { path: '/industry/assets', element: page(<AssetListPage />) },
      { path: '/industry/assets/:id', element: page(<AssetDetailPage />) },
      { path: '/industry/posts', element: page(<PostListPage />) },
      { path: '/industry/posts/:id', element: page(<PostDetailPage />) },
      { path: '/trainings', element: page(<TrainingListPage />) },
      { path: '/trainings/:id', element: page(<TrainingDetailPage />) },
      { path: '/job-subsidies', element: page(<JobSubsidiesPage />) },
      { path: '/industry/distributions', element: page(<DistributionListPage />) },
      { path: '/industry/distributions/:id', element: page(<DistributionDetailPage />) },
      { path: '/industry/funds', element: page(<FundsPage />) },
      { path: '/industry/calculators', element: page(<CalculatorsPage />) },
      { path: '/rules', element: page(<RulesPage />) },
      { path: '/coverage', element: page(<CoveragePage />) },
      { path: '/rules/:ruleId', element: page(<RuleDetailPage />) },
      {
        path: '/admin',
        element: <RequireAdmin />,
        children: [
          { index: true, element: <Navigate to="/admin/users" replace /> },
          { path: 'users', element: page(<UsersPage />) },
          { path: 'dictionaries', element: page(<DictionariesPage />) },
          { path: 'policy', element: page(<PolicyPackPage />) },
          { path: 'audit', element: page(<AuditLogPage />) },
          { path: 'monitoring-lines', element: page(<MonitoringLinesPage />) },
        ],
      },
      { path: '*', element: <Navigate to="/dashboard" replace /> },
    ],
  },
]);
