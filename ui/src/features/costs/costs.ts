// Costs in the UI: the checks of amounts and rates as they are typed (read as the store reads
// them), and the cost forms' field messages.
import { fieldDetails, fieldMessage } from "../../lib/errors";
import { t, type MessageKey } from "../../lib/i18n.svelte";
import { decimalPlaces, isNegative, typedDecimal } from "../../lib/money";

/** The currencies offered first; any ISO 4217 code can be typed. */
export const commonCurrencies = ["EUR", "CNY", "USD", "GBP", "CHF", "JPY", "HKD"];

/** Decimal places of the common currencies; others are checked by the store. */
export function placesOf(currency: string): number {
  return currency.trim().toUpperCase() === "JPY" ? 0 : 2;
}

/** What is wrong with a typed amount, or "" when nothing is (empty means none). */
export function amountProblem(text: string, currency: string): string {
  if (!text.trim()) return "";
  if (isNegative(text)) return t("cost.error.negative");
  const amount = typedDecimal(text, true);
  if (amount === null) return t("cost.error.not_a_number");
  const places = placesOf(currency);
  return decimalPlaces(amount) > places ? t("cost.error.too_many_decimals") : "";
}

/** What is wrong with a typed exchange rate, or "" (empty takes the office's rate). */
export function rateProblem(text: string): string {
  if (!text.trim()) return "";
  if (isNegative(text)) return t("cost.error.rate_not_positive");
  const rate = typedDecimal(text, false);
  if (rate === null) return t("cost.error.rate_not_a_number");
  return Number(rate) === 0 ? t("cost.error.rate_not_positive") : "";
}

export function currencyLooksValid(text: string): boolean {
  return /^[A-Za-z]{3}$/.test(text.trim());
}

/** Field name → message for a failed save, in the words of the cost forms where they have their own. */
export function costFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    fieldDetails(error).map((field) => {
      const key = `cost.error.${field.code}` as MessageKey;
      const text = t(key);
      return [field.field, text === key ? fieldMessage(field) : text];
    }),
  );
}
