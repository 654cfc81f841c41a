/**
 * "Read aloud": speaks the page's main content (search results included) with the browser's speech synthesis in
 * the interface language, sentence by sentence (long utterances stall some engines). Stops on navigation and on a change of language. Where the
 * browser has no speech synthesis the button says so instead of failing silently.
 */
import { PauseCircleOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** BCP 47 tag for the speech engine. */
export function speechLang(lang: string): string {
  return lang === 'en' ? 'en-US' : lang;
}

/** Splits text into sentences of at most `max` characters, dropping blank lines. */
export function sentences(text: string, max = 160): string[] {
  const parts = text.replace(/\s*\n+\s*/g, '\n').split(/(?<=[。！？!?；;\n])|(?<=\.)\s+/u).map((s) => s.trim()).filter(Boolean);
  return parts.flatMap((p) => (p.length <= max ? [p] : p.match(new RegExp(`.{1,${max}}`, 'gsu')) ?? []));
}

/** The text a listener needs: the main region, without elements marked as not for reading. */
function mainText(): string {
  const main = document.getElementById('main');
  if (!main) return '';
  const skip = Array.from(main.querySelectorAll<HTMLElement>('[data-no-read], [aria-hidden="true"]'));
  skip.forEach((el) => el.setAttribute('data-reading-hidden', el.style.display));
  skip.forEach((el) => (el.style.display = 'none'));
  const text = main.innerText;
  skip.forEach((el) => {
    el.style.display = el.getAttribute('data-reading-hidden') ?? '';
    el.removeAttribute('data-reading-hidden');
  });
  return text;
}

/** The read-aloud control. */
export function ReadAloud() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const [speaking, setSpeaking] = useState(false);
  const supported = typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';

  useEffect(() => {
    if (supported) window.speechSynthesis.cancel();
    setSpeaking(false);
  }, [location.pathname, location.search, i18n.language, supported]);
  useEffect(() => () => { if (supported) window.speechSynthesis.cancel(); }, [supported]);

  const start = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    const lang = speechLang(i18n.language);
    const voice = synth.getVoices().find((v) => v.lang === lang) ?? synth.getVoices().find((v) => v.lang.startsWith(lang.slice(0, 2)));
    const chunks = sentences(mainText());
    if (chunks.length === 0) return;
    chunks.forEach((chunk, i) => {
      const u = new SpeechSynthesisUtterance(chunk);
      u.lang = lang;
      if (voice) u.voice = voice;
      u.rate = 0.9;
      if (i === chunks.length - 1) u.onend = () => setSpeaking(false);
      u.onerror = () => setSpeaking(false);
      synth.speak(u);
    });
    setSpeaking(true);
  };
  const stop = () => {
    window.speechSynthesis.cancel();
    setSpeaking(false);
  };
  const label = !supported ? t('voice.unsupported') : speaking ? t('voice.stop') : t('voice.read');
  return (
    <Tooltip title={label}>
      <Button type="text" className="xq-header-button" icon={speaking ? <PauseCircleOutlined /> : <SoundOutlined />} onClick={speaking ? stop : start} disabled={!supported} aria-label={label} aria-pressed={speaking} data-testid="read-aloud">
        <span className="xq-header-button-text">{speaking ? t('voice.stopShort') : t('voice.readShort')}</span>
      </Button>
    </Tooltip>
  );
}
