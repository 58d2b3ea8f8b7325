// The one i18n layer: every visible string goes through t(). German is the default.
import type { Language } from "./bindings/Language";
import { de, type MessageKey } from "./i18n/de";
import { en } from "./i18n/en";

const dictionaries: Record<Language, Record<MessageKey, string>> = { de, en };
const current = $state<{ language: Language }>({ language: "de" });

export function setLanguage(language: Language) {
  current.language = language;
  document.documentElement.lang = language;
}

export function language(): Language {
  return current.language;
}

/** The BCP 47 locale used for dates and numbers. */
export function locale(): string {
  return current.language === "de" ? "de-DE" : "en-GB";
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = dictionaries[current.language][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type { MessageKey };
