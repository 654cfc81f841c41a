/** A small dialog asking for a reason (objections, complaints), sending it, and saying what went wrong if it fails. */
import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Reason dialog; `submit` throws with the server's explanation on failure. */
export function ReasonDialog({ open, title, help, label, onClose, submit }: { open: boolean; title: string; help: string; label: string; onClose: () => void; submit: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    setBusy(true);
    try {
      await submit(reason.trim());
      setReason('');
      setError(null);
      onClose();
    } catch (e) {
      setError((e as Error).message || t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} okText={t('cases.submit')} cancelText={t('cases.cancel')} okButtonProps={{ disabled: !reason.trim(), loading: busy, ...({ 'data-testid': 'reason-submit' } as Record<`data-${string}`, string>) }} onOk={() => void ok()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{help}</Typography.Paragraph>
      <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={label} maxLength={2000} data-testid="reason-text" />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
    </Modal>
  );
}
