// Deleting a register record: the question that names what links to it, and the move to the
// trash with an undo.
import { deleteOrganisation, deletePerson, registerLinks, restoreOrganisation, restorePerson } from "../../lib/api/contacts";
import type { RegisterKind } from "../../lib/bindings/RegisterKind";
import type { RegisterLinks } from "../../lib/bindings/RegisterLinks";
import { generalMessage } from "../../lib/errors";
import { t } from "../../lib/i18n.svelte";
import { changed, go, notify } from "../../lib/state.svelte";

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

/** The question for `name`, or null (after saying why) when the links cannot be read. */
export async function askBeforeDeleting(kind: RegisterKind, id: string, name: string): Promise<string | null> {
  try {
    return deleteQuestion(name, await registerLinks({ kind, id }));
  } catch (error) {
    notify(generalMessage(error), "error");
    return null;
  }
}

/** Moves the record to the trash, returns to its list and offers to undo. */
export async function moveToTrash(kind: RegisterKind, id: string, name: string) {
  const [remove, restore] =
    kind === "person" ? [deletePerson, restorePerson] : [deleteOrganisation, restoreOrganisation];
  try {
    await remove(id);
    changed();
    go({ name: kind === "person" ? "people" : "organisations" });
    notify(t("register.delete.done", { name }), "info", {
      label: t("common.undo"),
      run: () => restore(id).then(() => changed(), (e) => notify(generalMessage(e), "error")),
    });
  } catch (error) {
    notify(generalMessage(error), "error");
  }
}
