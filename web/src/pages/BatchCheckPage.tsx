/** One-click batch check: drop a CSV or XLSX of suppliers, see each one's match, records and risk band, download the result. */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth';

interface Row {
  line: number; input: string; status: 'matched' | 'probable' | 'ambiguous' | 'not_found' | 'invalid'; confidence: number | null; reason: string | null;
  enterprise: { id: number; creditCode: string; name: string; status: string } | null;
  alternatives: Array<{ creditCode: string; name: string; similarity: number }>;
  openLawsuits: number | null; enforcementOpen: number | null; dishonestCurrent: number | null; penalties3y: number | null; abnormalCurrent: number | null; riskBand: string | null;
}
interface Result { rows: Row[]; summary: Record<Row['status'], number>; total: number }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS_COLOUR = { matched: 'success', probable: 'warning', ambiguous: 'orange', not_found: 'default', invalid: 'error' } as const;
const BAND_COLOUR: Record<string, string> = { low: 'green', medium: 'gold', high: 'orange', very_high: 'red' };

/** Sends the file with upload progress; resolves with the response body. */
function send(file: File, format: 'json' | 'csv' | 'xlsx', csrf: string, onProgress: (p: number) => void): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/batch-checks?format=${format}`);
    xhr.setRequestHeader('content-type', /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.responseType = 'blob';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 90));
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr.response as Blob);
      const text = await (xhr.response as Blob).text();
      reject(new Error(((() => { try { return (JSON.parse(text) as { detail?: string }).detail; } catch { return null; } })()) ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new Error(''));
    xhr.send(file);
  });
}

async function csrfToken(): Promise<string> {
  return ((await (await fetch('/api/v1/auth/session')).json()) as { csrfToken?: string }).csrfToken ?? '';
}

/** Batch-check page. */
export function BatchCheckPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!auth.loading && !auth.account) return <Alert type="info" showIcon message={t('batch.signIn')} action={<Link to="/login">{t('nav.signIn')}</Link>} />;
  const check = async (f: File) => {
    setFile(f);
    setResult(null);
    setError(null);
    setProgress(1);
    try {
      const blob = await send(f, 'json', await csrfToken(), setProgress);
      setResult(JSON.parse(await blob.text()) as Result);
    } catch (e) {
      setError((e as Error).message || t('error.network'));
    } finally {
      setProgress(null);
    }
  };
  const download = async (format: 'csv' | 'xlsx') => {
    if (!file) return;
    const blob = await send(file, format, await csrfToken(), () => undefined);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `batch-check.${format}`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('batch.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('batch.intro')}</Typography.Paragraph>
      </div>
      <Upload.Dragger accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void check(f); return false; }} data-testid="batch-upload">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>{t('batch.drop')}</p>
        <p className="ant-upload-hint">{t('batch.hint')}</p>
      </Upload.Dragger>
      {progress !== null && <Progress percent={progress} status="active" format={(p) => (p !== undefined && p >= 90 ? t('batch.checking') : `${p}%`)} />}
      {error && <Alert type="error" showIcon message={error} data-testid="batch-error" />}
      {result && (
        <Card title={t('batch.result', { total: result.total })} extra={<Space><Button onClick={() => void download('xlsx')} data-testid="download-xlsx">{t('batch.downloadXlsx')}</Button><Button onClick={() => void download('csv')}>{t('batch.downloadCsv')}</Button></Space>}>
          <Space wrap style={{ marginBottom: 12 }} data-testid="batch-summary">
            {(Object.keys(result.summary) as Array<Row['status']>).map((s) => <Tag key={s} color={STATUS_COLOUR[s]}>{t(`batch.status.${s}`)} {result.summary[s]}</Tag>)}
          </Space>
          <Table size="small" rowKey="line" dataSource={result.rows} scroll={{ x: true }} pagination={{ pageSize: 50, showSizeChanger: false }} columns={[
            { title: t('batch.line'), dataIndex: 'line', width: 60 },
            { title: t('batch.input'), dataIndex: 'input' },
            { title: t('batch.match'), dataIndex: 'status', render: (s: Row['status'], r) => <Space direction="vertical" size={0}><Tag color={STATUS_COLOUR[s]}>{t(`batch.status.${s}`)}{r.confidence !== null && r.confidence < 1 ? ` ${(r.confidence * 100).toFixed(0)}%` : ''}</Tag>{r.reason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.reason}</Typography.Text>}</Space> },
            { title: t('batch.enterprise'), key: 'e', render: (_: unknown, r) => r.enterprise ? <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link> : r.alternatives.length ? <Space direction="vertical" size={0}>{r.alternatives.map((a) => <Typography.Text key={a.creditCode} type="secondary" style={{ fontSize: 12 }}>{a.name}（{a.creditCode}）</Typography.Text>)}</Space> : '—' },
            { title: t('batch.band'), dataIndex: 'riskBand', render: (b: string | null) => (b ? <Tag color={BAND_COLOUR[b]}>{t(`risk.bands.${b}`)}</Tag> : '—') },
            { title: t('batch.records'), key: 'r', render: (_: unknown, r) => (r.enterprise ? t('batch.recordsValue', { l: r.openLawsuits, x: r.enforcementOpen, d: r.dishonestCurrent, p: r.penalties3y, a: r.abnormalCurrent }) : '') },
          ]} />
        </Card>
      )}
    </Space>
  );
}
