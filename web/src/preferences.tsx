/**
 * Elderly mode and language, remembered in this browser and — once signed in — with the account, so the person
 * gets the same interface on another device. Turning elderly mode on anywhere wins over an account that has it
 * off (an accessibility choice should never be undone silently); a language stored with the account wins.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import { setLanguage, type Language } from './i18n';

const ELDERLY_KEY = 'xinqiao.elderly';

interface Preferences {
  elderly: boolean;
  setElderly: (on: boolean) => void;
  language: Language;
  chooseLanguage: (lang: Language) => void;
}

const PreferencesContext = createContext<Preferences | null>(null);

/** Provides the preferences and applies elderly mode to the document (CSS reads html[data-elderly]). */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const { i18n } = useTranslation();
  const [elderly, setElderlyState] = useState(() => localStorage.getItem(ELDERLY_KEY) === '1');
  const save = useCallback((change: { elderlyMode?: boolean; language?: Language }) => {
    if (auth.account) void auth.send('PUT', '/api/v1/account/preferences', change).catch(() => undefined);
  }, [auth]);

  useEffect(() => {
    document.documentElement.toggleAttribute('data-elderly', elderly);
    localStorage.setItem(ELDERLY_KEY, elderly ? '1' : '0');
  }, [elderly]);

  // On sign-in, reconcile this browser with the account.
  const accountId = auth.account?.id;
  useEffect(() => {
    const stored = auth.account?.preferences;
    if (!stored) return;
    if (stored.elderlyMode && !elderly) setElderlyState(true);
    else if (elderly && !stored.elderlyMode) save({ elderlyMode: true });
    if (stored.language && stored.language !== i18n.language) void setLanguage(stored.language);
    else if (!stored.language) save({ language: i18n.language as Language });
    // Only when the signed-in account changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [accountId]);

  const value = useMemo<Preferences>(() => ({
    elderly,
    setElderly: (on) => {
      setElderlyState(on);
      save({ elderlyMode: on });
    },
    language: i18n.language as Language,
    chooseLanguage: (lang) => {
      void setLanguage(lang);
      save({ language: lang });
    },
  }), [elderly, i18n.language, save]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

/** The preferences. */
export function usePreferences(): Preferences {
  const ctx = useContext(PreferencesContext);
  if (!ctx) throw new Error('usePreferences outside PreferencesProvider');
  return ctx;
}
