/**
 * Voice search: speech recognition in the interface language, where the browser offers it (Chrome, Edge, Safari).
 * Browsers without it get no button rather than one that fails.
 */
import { AudioOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { speechLang } from './ReadAloud';

interface Recognition {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  abort(): void;
}
type RecognitionClass = new () => Recognition;

function recognitionClass(): RecognitionClass | null {
  const w = window as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

/** A microphone button that hands the recognised words to `onResult`, and any failure to `onError`. */
export function VoiceSearchButton({ onResult, onError }: { onResult: (text: string) => void; onError: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [listening, setListening] = useState(false);
  const current = useRef<Recognition | null>(null);
  const Recognition = recognitionClass();
  if (!Recognition) return null;
  const listen = () => {
    if (listening) {
      current.current?.abort();
      return;
    }
    const r = new Recognition();
    r.lang = speechLang(i18n.language);
    r.interimResults = false;
    r.maxAlternatives = 1;
    r.onresult = (e) => {
      const text = e.results[0]?.[0]?.transcript.trim().replace(/[。.]$/u, '');
      if (text) onResult(text);
    };
    r.onerror = (e) => onError(e.error === 'not-allowed' ? t('voice.micDenied') : e.error === 'no-speech' ? t('voice.noSpeech') : t('voice.failed'));
    r.onend = () => setListening(false);
    current.current = r;
    setListening(true);
    r.start();
  };
  const label = listening ? t('voice.listening') : t('voice.search');
  return (
    <Tooltip title={label}>
      <Button size="large" icon={listening ? <LoadingOutlined /> : <AudioOutlined />} onClick={listen} aria-label={label} aria-pressed={listening} data-testid="voice-search" />
    </Tooltip>
  );
}
