import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './messages-en.ts';
import { zh, type MessageKey } from './messages-zh.ts';

export type Lang = 'zh' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'chanbang.lang';
const catalogs: Record<Lang, Record<MessageKey, string>> = { zh, en };

type Vars = Record<string, string | number>;

export type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Translate a key, replacing `{name}` placeholders. */
  t: (key: MessageKey, vars?: Vars) => string;
  /** Pick the zh or en member of a bilingual pair (dictionary labels, API messages). */
  pick: (zhText: string | undefined | null, enText: string | undefined | null) => string;
};

const I18nContext = createContext<I18n | null>(null);

function readInitialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Format a message template with variables. */
export function formatMessage(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readInitialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: keep it in memory */
    }
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => formatMessage(catalogs[lang][key] ?? key, vars),
      pick: (zhText, enText) => (lang === 'en' ? (enText ?? zhText ?? '') : (zhText ?? enText ?? '')),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
