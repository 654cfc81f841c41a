/** Public evidence check: drop a file or paste its SHA-256; the proof is verified in this browser. */
import { CheckCircleTwoTone, CloseCircleTwoTone, InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Input, List, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api';
import { useAuth } from '../auth';
import { formatDateTime } from '../format';
import { fileSha256, leafHashOf, verifyInclusion, verifyTreeHeadSignature } from '../merkle';
import { useApi } from '../useApi';

interface Proof { leafIndex: number; treeSize: number; leafHash: string; path: string[]; rootHash: string }
interface FoundEntry { index: number; entry: { type: string; at: string; case: string | null; data: Record<string, unknown> }; entryBytes: string; leafHash: string; inclusionProof: Proof }
interface Head { size: number; rootHash: string; timestamp: string; signature: string }
interface Lookup { sha256?: string; entries: FoundEntry[]; treeHead: Head | null }

function Check({ ok, label }: { ok: boolean | null; label: string }) {
  return <Tag icon={ok ? <CheckCircleTwoTone twoToneColor="#389e0d" /> : <CloseCircleTwoTone twoToneColor="#cf1322" />} color={ok ? 'success' : ok === null ? 'default' : 'error'}>{label}</Tag>;
}

/** One entry with checks computed here, not trusted from the server. */
function EntryChecks({ e, head, publicKey }: { e: FoundEntry; head: Head; publicKey: string | null }) {
  const { t, i18n } = useTranslation();
  const [checks, setChecks] = useState<{ leaf: boolean; path: boolean; signed: boolean | null } | null>(null);
  useEffect(() => {
    void (async () => {
      const leaf = (await leafHashOf(e.entryBytes)) === e.inclusionProof.leafHash;
      const path = (await verifyInclusion(e.inclusionProof)) && e.inclusionProof.rootHash === head.rootHash;
      const signed = publicKey ? await verifyTreeHeadSignature(head, publicKey) : null;
      setChecks({ leaf, path, signed });
    })();
  }, [e, head, publicKey]);
  return (
    <List.Item data-testid="evidence-entry">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('evidence.index')}>{e.index}</Descriptions.Item>
          <Descriptions.Item label={t('evidence.loggedAt')}>{formatDateTime(e.entry.at, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('evidence.case')}>{e.entry.case ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('evidence.type')}>{t(`evidence.types.${e.entry.type}`)}</Descriptions.Item>
        </Descriptions>
        {checks && (
          <Space wrap data-testid="browser-checks" data-ok={String(checks.leaf && checks.path && checks.signed !== false)}>
            <Check ok={checks.leaf} label={t('evidence.leafOk')} />
            <Check ok={checks.path} label={t('evidence.pathOk', { size: head.size })} />
            <Check ok={checks.signed} label={checks.signed === null ? t('evidence.signatureUnavailable') : t('evidence.signatureOk')} />
          </Space>
        )}
      </Space>
    </List.Item>
  );
}

function Results({ data, publicKey }: { data: Lookup; publicKey: string | null }) {
  const { t } = useTranslation();
  if (!data.treeHead || data.entries.length === 0) return <Alert type="info" showIcon message={t('evidence.notFound')} data-testid="evidence-not-found" />;
  return (
    <Card title={t('evidence.found', { count: data.entries.length })}>
      <List dataSource={data.entries} renderItem={(e) => <EntryChecks e={e} head={data.treeHead!} publicKey={publicKey} />} />
    </Card>
  );
}

/** Evidence page. */
export function EvidencePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [hash, setHash] = useState<string | null>(null);
  const [result, setResult] = useState<Lookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = useApi<{ publicKeyBase64: string; noteKeyHash: string }>('/api/v1/log/public-key');
  const mine = useApi<Lookup>(auth.account ? '/api/v1/account/evidence' : null);
  const lookup = async (h: string) => {
    setError(null);
    setResult(null);
    const clean = h.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(clean)) { setError(t('evidence.badHash')); return; }
    setHash(clean);
    try { setResult(await getJson<Lookup>(`/api/v1/evidence/${clean}`)); } catch (err) { setError((err as Error).message || t('error.network')); }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('evidence.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('evidence.explain')}</Typography.Paragraph>
      <Upload.Dragger multiple={false} showUploadList={false} beforeUpload={(file) => { void fileSha256(file).then(lookup); return false; }} data-testid="evidence-drop">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>{t('evidence.drop')}</p>
        <p className="ant-upload-hint">{t('evidence.dropHint')}</p>
      </Upload.Dragger>
      <Input.Search placeholder={t('evidence.pasteHash')} aria-label={t('evidence.pasteHash')} enterButton={t('search.button')} onSearch={(v) => void lookup(v)} data-testid="evidence-hash" />
      {hash && <Typography.Text type="secondary">SHA-256: <Typography.Text code data-testid="evidence-sha">{hash}</Typography.Text></Typography.Text>}
      {error && <Alert type="error" showIcon message={error} />}
      {result && <Results data={result} publicKey={key.data?.publicKeyBase64 ?? null} />}
      {key.data && <Typography.Text type="secondary">{t('evidence.keyHash')} <Typography.Text code>{key.data.noteKeyHash}</Typography.Text></Typography.Text>}
      {mine.data && (
        <Card title={t('evidence.aboutMe')}>
          {mine.data.entries.length ? <Results data={mine.data} publicKey={key.data?.publicKeyBase64 ?? null} /> : <Typography.Text type="secondary">{t('evidence.noneAboutMe')}</Typography.Text>}
        </Card>
      )}
    </Space>
  );
}
