// What task screens share: how a due date reads.
import type { Task } from "../../lib/bindings/Task";
import { shortDate } from "../../lib/format";
import { t } from "../../lib/i18n.svelte";

/** "heute", "überfällig seit 10.11.2026", "21.11.2026" or "—". */
export function dueText(task: Task): string {
  if (!task.due_date) return t("common.none");
  if (task.due_state === "today") return t("due.today");
  if (task.due_state === "overdue") return t("due.overdue_since", { date: shortDate(task.due_date) });
  return shortDate(task.due_date);
}
