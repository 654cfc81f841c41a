/** Editing a fee schedule: mode and brackets (amounts in yuan, rates in percent; stored as fen and bps). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schedule } from '../cases-api';

/** Schedule editor. */
export function ScheduleEditor({ value, onChange }: { value: Schedule; onChange: (s: Schedule) => void }) {
  const { t } = useTranslation();
  const setBracket = (i: number, patch: Partial<Schedule['brackets'][number]>) => onChange({ ...value, brackets: value.brackets.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const last = value.brackets.at(-1);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Radio.Group value={value.mode} onChange={(e) => onChange({ ...value, mode: e.target.value })} options={[{ value: 'progressive', label: t('fees.progressive') }, { value: 'flat', label: t('fees.flat') }]} />
      <Typography.Text type="secondary">{value.mode === 'progressive' ? t('fees.progressiveHelp') : t('fees.flatHelp')}</Typography.Text>
      {value.brackets.map((b, i) => (
        <div key={i} className="xq-row">
          <span style={{ flex: '0 0 auto', alignSelf: 'center' }}>{t('fees.bracket', { n: i + 1 })}</span>
          <InputNumber aria-label={t('fees.upTo', { n: i + 1 })} placeholder={t('fees.noLimit')} min={0} precision={2} value={b.upToFen === null ? null : b.upToFen / 100} onChange={(v) => setBracket(i, { upToFen: v === null ? null : Math.round(Number(v) * 100) })} addonBefore={t('fees.upToShort')} addonAfter={t('fees.yuan')} style={{ flex: '1 1 200px', maxWidth: 280 }} />
          <InputNumber aria-label={t('fees.rate', { n: i + 1 })} min={0} max={100} precision={2} value={b.rateBps / 100} onChange={(v) => setBracket(i, { rateBps: Math.round(Number(v ?? 0) * 100) })} addonAfter="%" style={{ flex: '0 1 130px' }} />
          <Button aria-label={t('fees.removeBracket', { n: i + 1 })} icon={<DeleteOutlined />} disabled={value.brackets.length < 2} onClick={() => onChange({ ...value, brackets: value.brackets.filter((_, j) => j !== i) })} />
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => onChange({ ...value, brackets: [...value.brackets.slice(0, -1), { upToFen: (value.brackets.at(-2)?.upToFen ?? 0) + 1_000_000, rateBps: last?.rateBps ?? 2000 }, ...(last ? [last] : [])] })}>{t('fees.addBracket')}</Button>
      <div className="xq-row">
        <InputNumber aria-label={t('fees.minFee')} placeholder={t('fees.none')} min={0} precision={2} value={value.minFeeFen === undefined ? null : value.minFeeFen / 100} onChange={(v) => onChange(withOptional(value, 'minFeeFen', v))} addonBefore={t('fees.minFee')} addonAfter={t('fees.yuan')} style={{ flex: '1 1 220px', maxWidth: 300 }} />
        <InputNumber aria-label={t('fees.cap')} placeholder={t('fees.none')} min={0} precision={2} value={value.capFen === undefined ? null : value.capFen / 100} onChange={(v) => onChange(withOptional(value, 'capFen', v))} addonBefore={t('fees.cap')} addonAfter={t('fees.yuan')} style={{ flex: '1 1 220px', maxWidth: 300 }} />
      </div>
    </Space>
  );
}

function withOptional(s: Schedule, key: 'minFeeFen' | 'capFen', yuan: number | string | null): Schedule {
  const next = { ...s };
  if (yuan === null || yuan === '') delete next[key];
  else next[key] = Math.round(Number(yuan) * 100);
  return next;
}
