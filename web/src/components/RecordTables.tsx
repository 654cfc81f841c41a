/** Public records of an enterprise, one table each; empty ones say so instead of vanishing. */
import { Badge, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail } from '../api';
import { formatFen } from '../format';

type Records = EnterpriseDetail['records'];

function Section<T extends object>({ title, rows, columns, testId }: { title: string; rows: T[]; columns: ColumnsType<T>; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<span>{title} <Badge count={rows.length} showZero color={rows.length ? '#cf1322' : '#8c8c8c'} /></span>} data-testid={testId} style={{ marginBottom: 16 }}>
      {rows.length === 0 ? <Typography.Text type="secondary">{t('records.none')}</Typography.Text> : <Table<T> size="small" rowKey={(_r, i) => String(i)} pagination={false} scroll={{ x: true }} dataSource={rows} columns={columns} />}
    </Card>
  );
}

/** All record tables. */
export function RecordTables({ records }: { records: Records }) {
  const { t, i18n } = useTranslation();
  const money = (fen: number) => formatFen(fen, i18n.language);
  const openTag = (status: 'open' | 'closed') => <Tag color={status === 'open' ? 'red' : 'default'}>{t(`records.${status}`)}</Tag>;
  return (
    <>
      <Section testId="records-dishonest" title={t('records.dishonest')} rows={records.dishonest} columns={[
        { title: t('records.caseNumber'), dataIndex: 'caseNumber' }, { title: t('records.court'), dataIndex: 'court' },
        { title: t('records.obligation'), dataIndex: 'obligation' }, { title: t('records.performance'), dataIndex: 'performance', render: (p: string) => t(`records.${p}`) },
        { title: t('records.listedOn'), dataIndex: 'listedOn' }, { title: t('records.removedOn'), dataIndex: 'removedOn', render: (d: string | null) => d ?? <Tag color="red">{t('records.current')}</Tag> },
      ]} />
      <Section testId="records-enforcement" title={t('records.enforcement')} rows={records.enforcement} columns={[
        { title: t('records.caseNumber'), dataIndex: 'caseNumber' }, { title: t('records.court'), dataIndex: 'court' },
        { title: t('records.amount'), dataIndex: 'amountFen', render: money, align: 'right' }, { title: t('records.date'), dataIndex: 'filedOn' },
        { title: t('records.caseStatus'), dataIndex: 'status', render: openTag },
      ]} />
      <Section testId="records-abnormal" title={t('records.abnormal')} rows={records.abnormal} columns={[
        { title: t('records.reason'), dataIndex: 'reason' }, { title: t('records.listedOn'), dataIndex: 'listedOn' }, { title: t('records.listedBy'), dataIndex: 'listedBy' },
        { title: t('records.removedOn'), dataIndex: 'removedOn', render: (d: string | null) => d ?? <Tag color="red">{t('records.current')}</Tag> },
      ]} />
      <Section testId="records-penalties" title={t('records.penalties')} rows={records.penalties} columns={[
        { title: t('records.decisionNumber'), dataIndex: 'decisionNumber' }, { title: t('records.authority'), dataIndex: 'authority' },
        { title: t('records.reason'), dataIndex: 'reason' }, { title: t('records.content'), dataIndex: 'content' },
        { title: t('records.amount'), dataIndex: 'amountFen', render: money, align: 'right' }, { title: t('records.date'), dataIndex: 'decidedOn' },
      ]} />
      <Section testId="records-revocations" title={t('records.revocations')} rows={records.revocations} columns={[
        { title: t('records.documentNumber'), dataIndex: 'documentNumber' }, { title: t('records.authority'), dataIndex: 'authority' },
        { title: t('records.reason'), dataIndex: 'reason' }, { title: t('records.date'), dataIndex: 'revokedOn' },
      ]} />
      <Section testId="records-lawsuits" title={t('records.lawsuits')} rows={records.closedLawsuits} columns={[
        { title: t('records.caseNumber'), dataIndex: 'caseNumber' }, { title: t('records.court'), dataIndex: 'court' }, { title: t('records.cause'), dataIndex: 'cause' },
        { title: t('records.lawsuitRole'), dataIndex: 'role', render: (r: string) => t(`records.${r}`) }, { title: t('records.amount'), dataIndex: 'amountFen', render: money, align: 'right' },
        { title: t('records.date'), dataIndex: 'filedOn' },
      ]} />
      {records.openLawsuits ? (
        <Section testId="records-open-lawsuits" title={t('records.openLawsuitsTitle')} rows={records.openLawsuits} columns={[
          { title: t('records.caseNumber'), dataIndex: 'caseNumber' }, { title: t('records.court'), dataIndex: 'court' }, { title: t('records.cause'), dataIndex: 'cause' },
          { title: t('records.lawsuitRole'), dataIndex: 'role', render: (r: string) => t(`records.${r}`) }, { title: t('records.amount'), dataIndex: 'amountFen', render: money, align: 'right' },
          { title: t('records.date'), dataIndex: 'filedOn' },
        ]} />
      ) : records.openLawsuitCount > 0 && <Typography.Paragraph type="secondary">{t('records.openLawsuits', { count: records.openLawsuitCount })}</Typography.Paragraph>}
    </>
  );
}
