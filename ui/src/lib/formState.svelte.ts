// What every record form does around its own fields: it starts afresh each time it opens,
// checks a field as it is typed once the user has touched it, and on save marks the fields it
// checks, stops while anything is wrong, saves, then closes, or keeps the store's verdict
// beside the fields it concerns.
import { fieldErrors } from "./errors";
import { saveRecord } from "./forms";
import { t, type MessageKey } from "./i18n.svelte";
import { app } from "./state.svelte";

/** Field name → the message shown beside it. */
export type Problems = Record<string, string>;

export class FormState {
  /** The fields the user has typed into (and all that save checks, once saved). */
  touched = $state<Record<string, boolean>>({});
  /** The store's verdict on the last save, until the field is typed into again. */
  serverErrors = $state<Problems>({});
  saving = $state(false);

  #close: () => void;
  #errors: () => Problems;

  /**
   * `errors` gives the form's problems as they stand (its `$derived`), `close` closes the form.
   * With `fill`, each opening (`open()` turns true) runs `fill` to set the fields, then forgets
   * what was touched and what the store said. Create it while the component starts.
   */
  constructor(options: { open: () => boolean; close: () => void; errors: () => Problems; fill?: () => void }) {
    this.#close = options.close;
    this.#errors = options.errors;
    const { open, fill } = options;
    if (fill) {
      $effect(() => {
        if (!open()) return;
        fill();
        this.reset();
      });
    }
  }

  reset(): void {
    this.touched = {};
    this.serverErrors = {};
  }

  /** The user typed into `field`: check it from now on, and drop what the store said of it. */
  touch = (field: string): void => {
    this.touched[field] = true;
    delete this.serverErrors[field];
  };

  /** The problems found so far: the store's verdict, to which the form adds its own checks. */
  problems(): Problems {
    return { ...this.serverErrors };
  }

  /** A text the form cannot do without, left empty. */
  required(found: Problems, field: string, value: string, message: MessageKey = "error.required"): void {
    if (this.touched[field] && !value.trim()) found[field] = t(message);
  }

  /** An e-mail address, when given, looks like one. */
  email(found: Problems, field: string, value: string): void {
    const email = value.trim();
    if (this.touched[field] && email && !/^[^@\s]+@[^@\s]+$/.test(email)) found[field] = t("error.email_invalid");
  }

  /** A time zone is given and is one the machine knows. */
  zone(found: Problems, field: string, value: string): void {
    if (this.touched[field] && !value.trim()) found[field] = t("error.zone_required");
    else if (this.touched[field] && !app.zones.includes(value.trim())) found[field] = t("error.zone_unknown");
  }

  /**
   * The form's submit handler: marks `fields` as touched so their checks show, stops while
   * there are problems (or `ready` says no), else saves through `work`; on success closes the
   * form and hands the record to `saved`, on failure keeps the store's verdict.
   */
  async submit<T>(
    event: SubmitEvent,
    fields: string[],
    work: () => Promise<T>,
    options: { saved?: (saved: T) => void; errorsOf?: (error: unknown) => Problems; ready?: () => boolean } = {},
  ): Promise<void> {
    event.preventDefault();
    this.touched = Object.fromEntries(fields.map((field) => [field, true]));
    if (Object.keys(this.#errors()).length || (options.ready && !options.ready())) return;
    this.saving = true;
    const result = await saveRecord(work, options.errorsOf ?? fieldErrors);
    this.saving = false;
    if (!result.ok) {
      this.serverErrors = result.errors;
      return;
    }
    this.#close();
    options.saved?.(result.saved);
  }
}
