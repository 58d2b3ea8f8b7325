// Words for what links to a register record, for the question before it goes to the trash.
import type { RegisterLinks } from "./bindings/RegisterLinks";
import { t } from "./i18n.svelte";

const SHOWN = 3;

function listed(titles: string[]): string {
  const shown = titles.slice(0, SHOWN).map((title) => `„${title}“`);
  return titles.length > SHOWN ? `${shown.join(", ")} … (${titles.length})` : shown.join(", ");
}

/** The question to ask before deleting `name`, naming what links to it. */
export function deleteQuestion(name: string, links: RegisterLinks): string {
  const parts = [
    links.trips.length ? t("register.links.trips", { list: listed(links.trips) }) : "",
    links.hosted_items.length ? t("register.links.items", { list: listed(links.hosted_items) }) : "",
    links.agreements.length ? t("register.links.agreements", { list: listed(links.agreements) }) : "",
    links.people.length ? t("register.links.people", { list: listed(links.people) }) : "",
  ].filter(Boolean);
  return parts.length
    ? t("register.delete.confirm_linked", { name, links: parts.join("; ") })
    : t("register.delete.confirm", { name });
}
