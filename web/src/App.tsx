/** The app shell: header navigation, language switch, routes, footer. */
import { GlobalOutlined, UserOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Dropdown, Layout, Menu, Select, Spin, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { AccountPage } from './pages/AccountPage';
import { AdminPage } from './pages/AdminPage';
import { LoginPage } from './pages/LoginPage';
import { RegisterPage } from './pages/RegisterPage';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { AgenciesPage } from './pages/AgenciesPage';
import { CreditCodePage } from './pages/CreditCodePage';
import { EnterprisePage } from './pages/EnterprisePage';
import { EvidencePage } from './pages/EvidencePage';
import { SearchPage } from './pages/SearchPage';
import { lazy, Suspense } from 'react';

// Pages behind sign-in and the chart-heavy calculator load on demand, keeping the public first load small.
const FeeCalculatorPage = lazy(() => import('./pages/FeeCalculatorPage').then((m) => ({ default: m.FeeCalculatorPage })));
const CasesPage = lazy(() => import('./pages/CasesPage').then((m) => ({ default: m.CasesPage })));
const NewCasePage = lazy(() => import('./pages/NewCasePage').then((m) => ({ default: m.NewCasePage })));
const CaseDetailPage = lazy(() => import('./pages/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })));
const BatchCheckPage = lazy(() => import('./pages/BatchCheckPage').then((m) => ({ default: m.BatchCheckPage })));
const WatchPage = lazy(() => import('./pages/WatchPage').then((m) => ({ default: m.WatchPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const MediatorPage = lazy(() => import('./pages/MediatorPage').then((m) => ({ default: m.MediatorPage })));
const LawFirmPage = lazy(() => import('./pages/LawFirmPage').then((m) => ({ default: m.LawFirmPage })));
const RecoursePage = lazy(() => import('./pages/RecoursePage').then((m) => ({ default: m.RecoursePage })));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));

/** Root component. */
export function App() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const auth = useAuth();
  const selected = ['agencies', 'credit-code', 'evidence', 'dashboard', 'fees', 'cases', 'recourse', 'batch-check', 'watch'].find((p) => location.pathname.startsWith(`/${p}`)) ?? 'search';
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : i18n.language === 'zh-TW' ? zhTW : zhCN} theme={{ algorithm: theme.defaultAlgorithm, token: { colorPrimary: '#1f4e8c', borderRadius: 6 } }}>
      <a href="#main" className="skip-link">{t('app.skip')}</a>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header className="xq-header">
          <Link to="/" className="xq-brand" aria-label={t('app.name')}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span className="xq-brand-name">{t('app.name')}</span>
            <span className="xq-brand-tagline">{t('app.tagline')}</span>
          </Link>
          <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} className="xq-menu" items={[
            { key: 'search', label: <Link to="/">{t('nav.search')}</Link> },
            { key: 'agencies', label: <Link to="/agencies">{t('nav.agencies')}</Link> },
            { key: 'credit-code', label: <Link to="/credit-code">{t('nav.creditCode')}</Link> },
            { key: 'fees', label: <Link to="/fees">{t('nav.fees')}</Link> },
            { key: 'evidence', label: <Link to="/evidence">{t('nav.evidence')}</Link> },
            { key: 'dashboard', label: <Link to="/dashboard" data-testid="nav-dashboard">{t('nav.dashboard')}</Link> },
            ...(auth.account ? [{ key: 'cases', label: <Link to="/cases" data-testid="nav-cases">{t('nav.cases')}</Link> }, { key: 'recourse', label: <Link to="/recourse" data-testid="nav-recourse">{t('nav.recourse')}</Link> }, { key: 'batch-check', label: <Link to="/batch-check" data-testid="nav-batch">{t('nav.batch')}</Link> }, { key: 'watch', label: <Link to="/watch" data-testid="nav-watch">{t('nav.watch')}</Link> }] : []),
          ]} />
          {auth.account ? (
            <Dropdown menu={{ items: [
              { key: 'account', label: <Link to="/account">{t('nav.account')}</Link> },
              { key: 'notifications', label: <Link to="/notifications">{t('nav.notifications')}</Link> },
              ...(auth.account.role === 'mediator' ? [{ key: 'mediator', label: <Link to="/mediator">{t('nav.mediator')}</Link> }] : []),
              ...(auth.account.role === 'law_firm' ? [{ key: 'law-firm', label: <Link to="/law-firm">{t('nav.lawFirm')}</Link> }] : []),
              ...(auth.account.role === 'regulator' ? [{ key: 'admin', label: <Link to="/admin">{t('nav.admin')}</Link> }] : []),
              { key: 'logout', label: t('nav.signOut'), onClick: () => void auth.signOut().then(() => navigate('/')) },
            ] }}>
              <Button type="text" icon={<UserOutlined />} style={{ color: '#fff' }} data-testid="account-menu">{auth.account.displayName}</Button>
            </Dropdown>
          ) : (
            !auth.loading && <Link to="/login" style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="sign-in-link">{t('nav.signIn')}</Link>
          )}
          <Select<Language> aria-label={t('nav.language')} value={i18n.language as Language} onChange={(l) => void setLanguage(l)} suffixIcon={<GlobalOutlined />} options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} className="xq-lang" data-testid="language-switch" />
        </Layout.Header>
        <Layout.Content id="main" className="xq-main" tabIndex={-1}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
          <Routes>
            <Route path="/" element={<SearchPage />} />
            <Route path="/agencies" element={<AgenciesPage />} />
            <Route path="/credit-code" element={<CreditCodePage />} />
            <Route path="/enterprises/:id" element={<EnterprisePage />} />
            <Route path="/evidence" element={<EvidencePage />} />
            <Route path="/fees" element={<FeeCalculatorPage />} />
            <Route path="/cases" element={<CasesPage />} />
            <Route path="/cases/new" element={<NewCasePage />} />
            <Route path="/cases/:id" element={<CaseDetailPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/recourse" element={<RecoursePage />} />
            <Route path="/batch-check" element={<BatchCheckPage />} />
            <Route path="/watch" element={<WatchPage />} />
            <Route path="/law-firm" element={<LawFirmPage />} />
            <Route path="/mediator" element={<MediatorPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/admin" element={<AdminPage />} />
            <Route path="*" element={<SearchPage />} />
          </Routes>
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="xq-footer">
          {t('app.footer')} · <a href="/api/docs">{t('app.apiDocs')}</a>
        </Layout.Footer>
      </Layout>
    </ConfigProvider>
  );
}
