/** Public records of an enterprise, one table each; empty ones say so instead of vanishing. */
import { Badge, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail, RecordMeta } from '../api';
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

/** Objection state of a record, and the way to object for the record's subject. */
function ObjectionCell({ r, kind, onObject }: { r: RecordMeta; kind: string; onObject?: ((kind: string, id: number) => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      {r.objection && (
        <Tooltip title={r.objection.note ?? undefined}>
          <Tag color={r.objection.status === 'open' ? 'orange' : 'blue'} data-testid="record-objection" data-status={r.objection.status}>{t(`records.objection.${r.objection.status}`)}</Tag>
        </Tooltip>
      )}
      {r.objection?.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.objection.note}</Typography.Text>}
      {onObject && r.objection?.status !== 'open' && <Button size="small" onClick={() => onObject(kind, r.id)} data-testid="object-record">{t('records.object')}</Button>}
    </Space>
  );
}

/** All record tables; `onObject` is given when the reader is the record's subject. */
export function RecordTables({ records, onObject }: { records: Records; onObject?: (kind: string, id: number) => void }) {
  const { t, i18n } = useTranslation();
  const objection = (kind: string) => ({ title: t('records.objectionColumn'), key: 'objection', render: (_: unknown, r: RecordMeta) => <ObjectionCell r={r} kind={kind} onObject={onObject} /> });
  const money = (fen: number) => formatFen(fen, i18n.language);
  const openTag = (status: 'open' | 'closed') => <Tag color={status === 'open' ? 'red' : 'default'}>{t(`records.${status}`)}</Tag>;
  return (
    <>
      <Section testId="records-dishonest" title={t('records.dishonest')} rows={records.dishonest} columns={[
        { title: t('records.caseNumber'), dataIndex: 'caseNumber' }, { title: t('records.court'), dataIndex: 'court' },
        { title: t('records.obligation'), dataIndex: 'obligation' }, { title: t('records.performance'), dataIndex: 'performance', render: (p: string) => t(`records.${p}`) },
        { title: t('records.listedOn'), dataIndex: 'listedOn' }, { title: t('records.removedOn'), dataIndex: 'removedOn', render: (d: string | null) => d ?? <Tag color="red">{t('records.current')}</Tag> },
        objection('dishonest'),
      ]} />
      <Section testId="records-enforcement" title={t('records.enforcement')} rows={records.enforcement} columns={[
        { title: t('records.caseNumber'), dataIndex: 'caseNumber' }, { title: t('records.court'), dataIndex: 'court' },
        { title: t('records.amount'), dataIndex: 'amountFen', render: money, align: 'right' }, { title: t('records.date'), dataIndex: 'filedOn' },
        { title: t('records.caseStatus'), dataIndex: 'status', render: openTag },
        objection('enforcement'),
      ]} />
      <Section testId="records-abnormal" title={t('records.abnormal')} rows={records.abnormal} columns={[
        { title: t('records.reason'), dataIndex: 'reason' }, { title: t('records.listedOn'), dataIndex: 'listedOn' }, { title: t('records.listedBy'), dataIndex: 'listedBy' },
        { title: t('records.removedOn'), dataIndex: 'removedOn', render: (d: string | null) => d ?? <Tag color="red">{t('records.current')}</Tag> },
        objection('abnormal'),
      ]} />
      <Section testId="records-penalties" title={t('records.penalties')} rows={records.penalties} columns={[
        { title: t('records.decisionNumber'), dataIndex: 'decisionNumber' }, { title: t('records.authority'), dataIndex: 'authority' },
        { title: t('records.reason'), dataIndex: 'reason' }, { title: t('records.content'), dataIndex: 'content' },
        { title: t('records.amount'), dataIndex: 'amountFen', render: money, align: 'right' }, { title: t('records.date'), dataIndex: 'decidedOn' },
        objection('penalty'),
      ]} />
      <Section testId="records-revocations" title={t('records.revocations')} rows={records.revocations} columns={[
        { title: t('records.documentNumber'), dataIndex: 'documentNumber' }, { title: t('records.authority'), dataIndex: 'authority' },
        { title: t('records.reason'), dataIndex: 'reason' }, { title: t('records.date'), dataIndex: 'revokedOn' },
        objection('revocation'),
      ]} />
      <Section testId="records-lawsuits" title={t('records.lawsuits')} rows={records.closedLawsuits} columns={[
        { title: t('records.caseNumber'), dataIndex: 'caseNumber' }, { title: t('records.court'), dataIndex: 'court' }, { title: t('records.cause'), dataIndex: 'cause' },
        { title: t('records.lawsuitRole'), dataIndex: 'role', render: (r: string) => t(`records.${r}`) }, { title: t('records.amount'), dataIndex: 'amountFen', render: money, align: 'right' },
        { title: t('records.date'), dataIndex: 'filedOn' },
        objection('lawsuit'),
      ]} />
      {records.openLawsuits ? (
        <Section testId="records-open-lawsuits" title={t('records.openLawsuitsTitle')} rows={records.openLawsuits} columns={[
          { title: t('records.caseNumber'), dataIndex: 'caseNumber' }, { title: t('records.court'), dataIndex: 'court' }, { title: t('records.cause'), dataIndex: 'cause' },
          { title: t('records.lawsuitRole'), dataIndex: 'role', render: (r: string) => t(`records.${r}`) }, { title: t('records.amount'), dataIndex: 'amountFen', render: money, align: 'right' },
          { title: t('records.date'), dataIndex: 'filedOn' },
          objection('lawsuit'),
      ]} />
      ) : records.openLawsuitCount > 0 && <Typography.Paragraph type="secondary">{t('records.openLawsuits', { count: records.openLawsuitCount })}</Typography.Paragraph>}
    </>
  );
}
