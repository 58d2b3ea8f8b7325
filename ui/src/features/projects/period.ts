// How a project's period reads: both dates, "ab …", "bis …", or a dash when it has none.
import { shortDate } from "../../lib/format";
import { t } from "../../lib/i18n.svelte";

export function period(starts: string | null, ends: string | null): string {
  if (starts && ends) return `${shortDate(starts)} – ${shortDate(ends)}`;
  if (starts) return t("project.period.from", { date: shortDate(starts) });
  if (ends) return t("project.period.until", { date: shortDate(ends) });
  return t("common.none");
}
