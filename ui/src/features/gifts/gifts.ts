// The gifts register in the UI: amounts in the UI language, the value check as it is typed,
// and the gift form's field messages.
import type { CurrencyTotal } from "../../lib/bindings/CurrencyTotal";
import { fieldDetails, fieldMessage } from "../../lib/errors";
import { t, type MessageKey } from "../../lib/i18n.svelte";
import { decimalPlaces, formatMoney, isNegative, typedAmount, typedDecimal } from "../../lib/money";

/** "1.234,50 €" in German, "€1,234.50" in English; the value is in hundredths. */
export function money(minor: number, currency: string): string {
  return formatMoney(minor, 2, currency);
}

/** Hundredths as the value field shows them: "1234,50" in German, "1234.50" in English. */
export function typedValue(minor: number | null): string {
  return typedAmount(minor, 2);
}

/** "1.234,50 € · 4.000,00 CN¥" */
export function totals(list: CurrencyTotal[]): string {
  return list.map((total) => money(total.value_minor, total.currency)).join(" · ");
}

/** What is wrong with a typed value, or "" when nothing is (empty means not estimated). */
export function valueProblem(text: string): string {
  if (!text.trim()) return "";
  if (isNegative(text)) return t("gift.error.negative");
  const amount = typedDecimal(text, true);
  return amount === null || decimalPlaces(amount) > 2 ? t("gift.error.not_a_number") : "";
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
