/** Who is signed in, and the helpers that send writes with the session's CSRF token. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, getJson } from './api';

/** The signed-in account as the API returns it. */
export interface Account {
  id: number;
  email: string;
  displayName: string;
  role: string;
  enterpriseCreditCode: string | null;
  verificationStatus: string | null;
  verificationReason: string | null;
  totpEnabled: boolean;
  mfaSatisfied: boolean;
  personId: number | null;
  preferences: { language: 'zh-CN' | 'zh-TW' | 'en' | null; elderlyMode: boolean };
}

interface SessionResponse {
  account: Account;
  csrfToken: string;
}

interface AuthState {
  account: Account | null;
  loading: boolean;
  /** Sends a JSON write (POST/DELETE) with the CSRF token; throws ApiError with the server's detail. */
  send: <T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;
  /** Re-reads the session (after sign-in, verification, 2FA set-up). */
  refresh: () => Promise<void>;
  signIn: (response: SessionResponse) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Provides the session to the app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [csrf, setCsrf] = useState<string>('');
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const s = await getJson<SessionResponse>('/api/v1/auth/session');
      setAccount(s.account);
      setCsrf(s.csrfToken);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) console.warn(err);
      setAccount(null);
      setCsrf('');
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const send = useCallback(async <T,>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf, ...headers }, body: body === undefined ? (method === 'POST' ? '{}' : undefined) : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, '');
    }
    if (!res.ok) {
      const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
      throw new ApiError(res.status, problem?.detail ?? res.statusText);
    }
    return (res.status === 204 ? undefined : await res.json()) as T;
  }, [csrf]);

  const value = useMemo<AuthState>(() => ({
    account,
    loading,
    send,
    refresh,
    signIn: (r) => {
      setAccount(r.account);
      setCsrf(r.csrfToken);
    },
    signOut: async () => {
      await send('POST', '/api/v1/auth/logout').catch(() => undefined);
      setAccount(null);
      setCsrf('');
    },
  }), [account, loading, send, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session state. */
export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
