// Saving a form: on success the data changed and the user is told so; on failure the problems
// go beside the fields they concern, or into a notice when they concern no field. And what a
// form takes over from a person picked in the register.
import { personRecord } from "./api/contacts";
import { fieldErrors, generalMessage } from "./errors";
import { t } from "./i18n.svelte";
import { changed, notify } from "./state.svelte";

export type Saved<T> = { ok: true; saved: T } | { ok: false; errors: Record<string, string> };

export async function saveRecord<T>(work: () => Promise<T>, errorsOf = fieldErrors): Promise<Saved<T>> {
  try {
    const saved = await work();
    changed();
    notify(t("common.saved"));
    return { ok: true, saved };
  } catch (error) {
    const errors = errorsOf(error);
    if (!Object.keys(errors).length) notify(generalMessage(error), "error");
    return { ok: false, errors };
  }
}

/**
 * The fields a delegation member or a registration takes over from a person of the register,
 * with the person; null when the person cannot be read (the user is told why).
 */
export async function personFromRegister(id: string) {
  try {
    const { person } = await personRecord(id);
    const fields = {
      person_id: person.id, name_latin: person.name_latin, name_original: person.name_original,
      function_title: person.function_title, organisation: person.organisation_name ?? "",
      email: person.email, phone: person.phone,
    };
    return { person, fields };
  } catch (error) {
    notify(generalMessage(error), "error");
    return null;
  }
}
