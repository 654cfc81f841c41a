/** The app shell: header navigation, language switch, routes, footer. */
import { EyeOutlined, GlobalOutlined, UserOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Dropdown, Layout, Menu, Select, Spin, theme, Tooltip } from 'antd';
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
import { LANGUAGES, type Language } from './i18n';
import { usePreferences } from './preferences';
import { ReadAloud } from './components/ReadAloud';
import { NotFoundPage } from './pages/NotFoundPage';
import { allows, type Permission, type Role } from '../../src/domain/access-policy';
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

/** Navigation entries, each shown to the roles the access policy lets do what its page does. */
const NAV: Array<{ key: string; to: string; label: string; permission: Permission; testId?: string; own?: boolean }> = [
  { key: 'search', to: '/', label: 'nav.search', permission: 'registry:read' },
  { key: 'agencies', to: '/agencies', label: 'nav.agencies', permission: 'registry:read' },
  { key: 'credit-code', to: '/credit-code', label: 'nav.creditCode', permission: 'registry:check-code' },
  { key: 'fees', to: '/fees', label: 'nav.fees', permission: 'fees:quote' },
  { key: 'evidence', to: '/evidence', label: 'nav.evidence', permission: 'log:read' },
  { key: 'dashboard', to: '/dashboard', label: 'nav.dashboard', permission: 'registry:read', testId: 'nav-dashboard' },
  // A signed-in person's own work comes right after search, so it stays visible when the menu overflows.
  { key: 'cases', to: '/cases', label: 'nav.cases', permission: 'cases:act', testId: 'nav-cases', own: true },
  { key: 'mediator', to: '/mediator', label: 'nav.mediator', permission: 'mediation:mediate', testId: 'nav-mediator', own: true },
  { key: 'law-firm', to: '/law-firm', label: 'nav.lawFirm', permission: 'lawfirm:manage', testId: 'nav-law-firm', own: true },
  { key: 'recourse', to: '/recourse', label: 'nav.recourse', permission: 'complaints:file', testId: 'nav-recourse', own: true },
  { key: 'batch-check', to: '/batch-check', label: 'nav.batch', permission: 'batch:check', testId: 'nav-batch', own: true },
  { key: 'watch', to: '/watch', label: 'nav.watch', permission: 'watchlist:manage', testId: 'nav-watch', own: true },
  { key: 'admin', to: '/admin', label: 'nav.admin', permission: 'users:manage', testId: 'nav-admin', own: true },
];

/** Root component. */
export function App() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const auth = useAuth();
  const prefs = usePreferences();
  const role = (auth.account?.role ?? 'public') as Role;
  const allowed = NAV.filter((n) => allows(role, n.permission));
  const nav = [allowed[0]!, ...allowed.filter((n) => n.own), ...allowed.slice(1).filter((n) => !n.own)];
  const selected = nav.find((n) => n.to !== '/' && location.pathname.startsWith(n.to))?.key ?? (location.pathname === '/' ? 'search' : '');
  // Elderly mode: 1.5× type, larger controls, darker text (WCAG AAA contrast on white), no decorative tagline.
  const token = prefs.elderly
    ? { colorPrimary: '#0b3a75', borderRadius: 8, fontSize: 21, fontSizeLG: 24, controlHeight: 48, controlHeightLG: 56, controlHeightSM: 36, colorText: '#000000', colorTextSecondary: '#1f1f1f', colorTextTertiary: '#333333', colorTextDescription: '#262626', lineWidthFocus: 4 }
    : { colorPrimary: '#1f4e8c', borderRadius: 6, colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextDescription: '#595959', colorTextPlaceholder: '#6e6e6e' };
  // Both modes: links and alerts dark enough for WCAG AA on the grey page background (antd's defaults are not).
  const shared = { colorLink: prefs.elderly ? '#0b3a75' : '#1f4e8c', colorError: '#c41d1d', colorSuccess: '#237804', colorWarning: '#ad6800' };
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : i18n.language === 'zh-TW' ? zhTW : zhCN} theme={{ algorithm: theme.defaultAlgorithm, token: { ...token, ...shared } }}>
      <a href="#main" className="skip-link">{t('app.skip')}</a>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header className="xq-header">
          <Link to="/" className="xq-brand" aria-label={t('app.name')}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span className="xq-brand-name">{t('app.name')}</span>
            <span className="xq-brand-tagline">{t('app.tagline')}</span>
          </Link>
          {/* The menu handles the keyboard itself (Tab to it, arrows, Enter), so its links stay out of the tab order:
              Ant Design keeps aria-hidden copies of the items to measure overflow, and those must not be focusable. */}
          <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} className="xq-menu" aria-label={t('nav.main')} onClick={({ key }) => navigate(nav.find((n) => n.key === key)!.to)}
            items={nav.map((n) => ({ key: n.key, label: <Link to={n.to} tabIndex={-1} onClick={(e) => e.preventDefault()} data-testid={n.testId}>{t(n.label)}</Link> }))} />
          <ReadAloud />
          <Tooltip title={t('elderly.help')}>
            <Button type="text" className="xq-header-button" icon={<EyeOutlined />} aria-pressed={prefs.elderly} onClick={() => prefs.setElderly(!prefs.elderly)} data-testid="elderly-toggle">
              <span className="xq-header-button-text">{prefs.elderly ? t('elderly.off') : t('elderly.on')}</span>
            </Button>
          </Tooltip>
          {auth.account ? (
            <Dropdown menu={{ items: [
              { key: 'account', label: <Link to="/account">{t('nav.account')}</Link> },
              { key: 'notifications', label: <Link to="/notifications">{t('nav.notifications')}</Link> },
              { key: 'logout', label: t('nav.signOut'), onClick: () => void auth.signOut().then(() => navigate('/')) },
            ] }}>
              <Button type="text" icon={<UserOutlined />} className="xq-header-button" data-testid="account-menu"><span className="xq-header-button-text">{auth.account.displayName}</span></Button>
            </Dropdown>
          ) : (
            !auth.loading && <Link to="/login" style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="sign-in-link">{t('nav.signIn')}</Link>
          )}
          <Select<Language> aria-label={t('nav.language')} value={i18n.language as Language} onChange={prefs.chooseLanguage} suffixIcon={<GlobalOutlined />} options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} className="xq-lang" data-testid="language-switch" />
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
            <Route path="/search" element={<SearchPage />} />
            <Route path="*" element={<NotFoundPage />} />
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
