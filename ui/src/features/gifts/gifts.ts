// The gifts register in the UI: amounts in the UI language, the value check as it is typed,
// and the gift form's field messages.
import type { CurrencyTotal } from "../../lib/bindings/CurrencyTotal";
import { fieldDetails, fieldMessage } from "../../lib/errors";
import { locale, t, type MessageKey } from "../../lib/i18n.svelte";

/** "1.234,50 €" in German, "€1,234.50" in English; the value is in hundredths. */
export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat(locale(), { style: "currency", currency }).format(minor / 100);
}

/** Hundredths as the value field shows them: "1234,50" in German, "1234.50" in English. */
export function typedValue(minor: number | null): string {
  if (minor === null) return "";
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, useGrouping: false }).format(minor / 100);
}

/** "1.234,50 € · 4.000,00 CN¥" */
export function totals(list: CurrencyTotal[]): string {
  return list.map((total) => money(total.value_minor, total.currency)).join(" · ");
}

// The amounts the Rust side reads: "150", "150,00", "12.5", "1.234,50", "1,234.50", "1.234".
const AMOUNT = /^(\d+([.,]\d{1,2})?|\d{1,3}(\.\d{3})+(,\d{1,2})?|\d{1,3}(,\d{3})+(\.\d{1,2})?)$/;

/** What is wrong with a typed value, or "" when nothing is (empty means not estimated). */
export function valueProblem(text: string): string {
  const compact = text.replace(/[\s']/g, "");
  if (!compact) return "";
  const amount = compact.replace(/^[-−]/, "");
  if (!AMOUNT.test(amount)) return t("gift.error.not_a_number");
  return amount === compact ? "" : t("gift.error.negative");
}

export function currencyValid(text: string): boolean {
  return /^[A-Za-z]{3}$/.test(text.trim());
}

/** Field name → message for a failed save, in the words of the gift form where it has its own. */
export function giftFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    fieldDetails(error).map((field) => {
      const key = `gift.error.${field.code}` as MessageKey;
      const text = t(key);
      return [field.field, text === key ? fieldMessage(field) : text];
    }),
  );
}
