// Saving a form: on success the data changed and the user is told so; on failure the problems
// go beside the fields they concern, or into a notice when they concern no field.
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
