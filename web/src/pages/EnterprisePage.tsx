/** One enterprise: registration data, agency filing and verification, public records and where they came from. */
import { ArrowLeftOutlined, StarFilled } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { EnterpriseDetail } from '../api';
import { ErrorState } from '../components/ErrorState';
import { Freshness } from '../components/Freshness';
import { RecordTables } from '../components/RecordTables';
import { VerificationPanel } from '../components/VerificationPanel';
import { AgencyCaseRecord } from '../components/AgencyCaseRecord';
import { formatFen, regionLabel } from '../format';
import { useApi } from '../useApi';
import { useAuth } from '../auth';
import { useState } from 'react';
import { ReasonDialog } from '../components/ReasonDialog';
import { AgencyReputation } from '../components/AgencyReputation';
import { RiskPanel } from '../components/RiskPanel';
import { DebtorProfile } from '../components/DebtorProfile';

/** The enterprise/agency page. */
export function EnterprisePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const auth = useAuth();
  const [params] = useSearchParams();
  const purpose = params.get('purpose');
  const { data: e, error, loading, reload } = useApi<EnterpriseDetail>(/^\d+$/.test(id ?? '') ? `/api/v1/enterprises/${id}${purpose ? `?purpose=${encodeURIComponent(purpose)}` : ''}` : null);
  const [objecting, setObjecting] = useState<{ kind: string; id: number } | null>(null);
  if (!/^\d+$/.test(id ?? '')) return <ErrorState error={new Error(t('enterprise.notFound'))} />;
  if (loading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!e) return null;
  // Localised explanation of what this reader sees and whether the view is logged.
  const accessNote = e.access.purpose && e.access.tier !== 'self' ? t('access.logged', { purpose: e.access.purpose }) : e.access.note ? t(auth.account?.role === 'regulator' ? 'access.purposeHint' : 'access.declareHint') : null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {/* Back to the result list the user came from; a direct visit goes to the search page. */}
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, alignSelf: 'flex-start' }} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}>{t('enterprise.back')}</Button>
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 'calc(var(--xq-scale) * 26px)' }} data-testid="enterprise-name">{e.name}</Typography.Title>
        <Space wrap>
          <Tag color={e.status === 'active' ? 'green' : 'red'}>{t(`status.${e.status}`)}</Tag>
          <Typography.Text code copyable>{e.creditCode}</Typography.Text>
          {e.agency?.recommended && <Tag icon={<StarFilled />} color="gold">{t('search.recommended')}</Tag>}
        </Space>
        <div style={{ marginTop: 8 }}><Freshness sources={e.freshness.sources} newest={e.freshness.newestFetchedAt} oldest={e.freshness.oldestFetchedAt} /></div>
      </div>

      {e.agency && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}><VerificationPanel agencyId={e.agency.id} /></Col>
          <Col xs={24} lg={9}>
            <Card title={t('agency.title')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('agency.filingNumber')}>{e.agency.filingNumber}</Descriptions.Item>
                <Descriptions.Item label={t('agency.filingCity')}>{regionLabel(e.agency.filingCity, i18n.language)}</Descriptions.Item>
                <Descriptions.Item label={t('agency.services')}>{e.agency.services.map((s) => <Tag key={s.code}>{localText({ 'zh-CN': s.labelZh, en: s.labelEn }, i18n.language)}</Tag>)}</Descriptions.Item>
                <Descriptions.Item label={t('agency.certification')}>{e.agency.certificationLevel ?? t('agency.none')}</Descriptions.Item>
                <Descriptions.Item label={t('agency.filedOn')}>{e.agency.filedOn}</Descriptions.Item>
              </Descriptions>
              <AgencyCaseRecord agencyId={e.agency.id} />
              <AgencyReputation agencyId={e.agency.id} />
            </Card>
          </Col>
        </Row>
      )}

      <Card>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t('enterprise.legalRepresentative')}>{e.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.registeredCapital')}>{formatFen(e.registeredCapitalFen, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.establishedOn')}>{e.establishedOn}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.type')}>{e.enterpriseType}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.division')}>{regionLabel(e.division, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.address')}>{e.address}</Descriptions.Item>
          {e.formerNames.length > 0 && <Descriptions.Item label={t('enterprise.formerNames')} span={2}>{e.formerNames.map((f) => f.name).join('；')}</Descriptions.Item>}
          <Descriptions.Item label={t('enterprise.businessScope')} span={2}>{e.businessScope}</Descriptions.Item>
        </Descriptions>
      </Card>

      <RiskPanel enterpriseId={e.id} />
      <DebtorProfile enterpriseId={e.id} />
      {accessNote && <Alert type={e.access.tier === 'public' ? 'info' : 'warning'} showIcon message={accessNote} data-testid="access-note" />}
      <RecordTables records={e.records} onObject={e.access.tier === 'self' ? (kind, recordId) => setObjecting({ kind, id: recordId }) : undefined} />
      {e.access.tier === 'self' && <Alert type="info" showIcon message={t('records.objectHint')} />}
      <ReasonDialog open={objecting !== null} title={t('records.objectTitle')} help={t('records.objectHelp')} label={t('records.objectReason')} onClose={() => setObjecting(null)}
        submit={async (reason) => { await auth.send('POST', `/api/v1/records/${objecting!.kind}/${objecting!.id}/objections`, { reason }); reload(); }} />

      <Row gutter={[16, 16]}>
        <Col xs={24} md={14}>
          <Card size="small" title={t('enterprise.shareholders')}>
            <Table size="small" pagination={false} rowKey={(_r, i) => String(i)} dataSource={e.shareholders} scroll={{ x: true }} columns={[
              { title: t('enterprise.shareholders'), dataIndex: 'name' },
              { title: '', dataIndex: 'kind', render: (k: string) => t(k === 'person' ? 'enterprise.personShareholder' : 'enterprise.enterpriseShareholder') },
              { title: t('enterprise.share'), dataIndex: 'shareBasisPoints', align: 'right', render: (bp: number) => `${(bp / 100).toFixed(2)}%` },
              { title: t('enterprise.subscribed'), dataIndex: 'subscribedCapitalFen', align: 'right', render: (f: number) => formatFen(f, i18n.language) },
            ]} />
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title={t('enterprise.keyPersonnel')}>
            <Table size="small" pagination={false} rowKey={(_r, i) => String(i)} dataSource={e.keyPersonnel} columns={[{ title: t('enterprise.keyPersonnel'), dataIndex: 'name' }, { title: t('enterprise.role'), dataIndex: 'role' }]} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
