/** Administrators edit the mediation script library (JSON); every gap is named and nothing is saved until it is whole. */
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi';

/** Script-library editor. */
export function ScriptLibraryAdmin() {
  const { t } = useTranslation();
  const { data, reload } = useApi<{ source: string; size: number; library: unknown }>('/api/v1/admin/mediation/scripts');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string; details?: string[] } | null>(null);
  useEffect(() => {
    if (data) setText(JSON.stringify(data.library, null, 2));
  }, [data]);
  const save = async () => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      setMessage({ ok: false, text: t('scripts.badJson', { error: (e as Error).message }) });
      return;
    }
    const res = await fetch('/api/v1/admin/mediation/scripts', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': await csrf() }, body: JSON.stringify(body) });
    const json = (await res.json()) as { detail?: string; errors?: Array<{ detail: string }>; size?: number };
    if (res.ok) {
      setMessage({ ok: true, text: t('scripts.saved', { size: json.size }) });
      reload();
    } else setMessage({ ok: false, text: json.detail ?? res.statusText, details: json.errors?.map((e) => e.detail) });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {data && <Typography.Paragraph type="secondary">{t('scripts.intro', { size: data.size, source: t(`scripts.source.${data.source}`) })}</Typography.Paragraph>}
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 30 }} style={{ fontFamily: 'monospace', fontSize: 12 }} aria-label={t('scripts.title')} />
      {message && <Alert type={message.ok ? 'success' : 'error'} showIcon message={message.text} description={message.details?.length ? <ul>{message.details.map((d) => <li key={d}>{d}</li>)}</ul> : undefined} />}
      <Button type="primary" onClick={() => void save()}>{t('scripts.save')}</Button>
    </Space>
  );
}

async function csrf(): Promise<string> {
  return ((await (await fetch('/api/v1/auth/session')).json()) as { csrfToken?: string }).csrfToken ?? '';
}
