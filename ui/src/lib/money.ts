// Amounts as the store keeps them — whole minor units of their currency — shown and typed in
// the UI language, without a detour through floating point.
import { locale } from "./i18n.svelte";

/** Minor units as exact decimal text: (123450, 2) → "1234.50", (5000, 0) → "5000". */
export function decimalText(minor: number, places: number): string {
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(places + 1, "0");
  return places === 0 ? sign + digits : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

function numberFormat(options: Intl.NumberFormatOptions): (text: string) => string {
  const format = new Intl.NumberFormat(locale(), options);
  // Intl formats a decimal string exactly (ECMA-402 reads it as a decimal); the cast only
  // satisfies the older TypeScript library types, which know numbers alone.
  return (text) => format.format(text as unknown as number);
}

/** "1.234,50 €" in German, "€1,234.50" in English. */
export function formatMoney(minor: number, places: number, currency: string): string {
  return numberFormat({ style: "currency", currency, minimumFractionDigits: places, maximumFractionDigits: places })(
    decimalText(minor, places),
  );
}

/** Euro cents: "1.234,50 €". */
export function euros(cents: number): string {
  return formatMoney(cents, 2, "EUR");
}

/** Minor units as an amount field shows them: "1234,50" in German, "1234.50" in English. */
export function typedAmount(minor: number | null, places: number): string {
  if (minor === null) return "";
  return numberFormat({ minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: false })(
    decimalText(minor, places),
  );
}

/**
 * A number as offices type it, read as the store reads it (`money::typed_decimal`): "150",
 * "1.234,50", "1,234.50", "1'234.5", "7,8543". A lone separator before exactly three digits
 * groups thousands in an amount ("1.234") and marks decimals in a rate. Gives the plain
 * decimal text ("1234.50"), or null when the text is no such number (a sign included).
 */
export function typedDecimal(text: string, loneGroupsThousands: boolean): string | null {
  const compact = text.replace(/[\s']/g, "");
  if (!compact || !/^[\d.,]+$/.test(compact)) return null;
  let whole = compact;
  let fraction = "";
  const at = Math.max(compact.lastIndexOf("."), compact.lastIndexOf(","));
  if (at >= 0) {
    const separator = compact[at];
    const before = compact.slice(0, at);
    const after = compact.slice(at + 1);
    const bothKinds = compact.includes(".") && compact.includes(",");
    const lone = compact.split(separator).length === 2;
    const groupsThousands = loneGroupsThousands && after.length === 3 && before !== "0" && before !== "";
    if (bothKinds || (lone && !groupsThousands)) {
      if (before.includes(separator) || !after) return null;
      whole = before;
      fraction = after;
    }
  }
  const groups = whole.split(/[.,]/);
  const grouped = groups.length > 1;
  if (!groups[0] || (grouped && groups[0].length > 3) || groups.slice(1).some((group) => group.length !== 3)) return null;
  return fraction ? `${groups.join("")}.${fraction}` : groups.join("");
}

/** How many decimal places a plain decimal text has: "1234.50" → 2 (trailing zeros count as the store drops them). */
export function decimalPlaces(plain: string): number {
  const fraction = plain.split(".")[1] ?? "";
  return fraction.replace(/0+$/, "").length;
}

export function isNegative(text: string): boolean {
  return /^\s*[-−]/.test(text);
}

/** A plain decimal text in the UI language, every digit kept: "7.8543" → "7,8543". */
export function formatDecimal(plain: string): string {
  return numberFormat({ maximumFractionDigits: 20 })(plain);
}
