// Everything deleted goes to the trash; the notice that says so offers to bring it back.
import { generalMessage } from "./errors";
import { t } from "./i18n.svelte";
import { changed, notify } from "./state.svelte";

/** Says `text` with an "Undo" that runs `restore` and refreshes the window. */
export function offerUndo(text: string, restore: () => Promise<unknown>) {
  notify(text, "info", {
    label: t("common.undo"),
    run: () => restore().then(() => changed(), (error) => notify(generalMessage(error), "error")),
  });
}
