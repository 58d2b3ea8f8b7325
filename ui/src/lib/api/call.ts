// The one place where the UI talks to the Rust side: every command goes through `call`, typed
// with the ts-rs bindings generated from the Rust types. The commands themselves are called
// from one file per feature beside this one, named as src-tauri/commands/<feature>.rs.
import { invoke } from "@tauri-apps/api/core";

import type { ErrorPayload } from "../bindings/ErrorPayload";

/** A failed command, as the Rust side reports it. */
export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.payload = payload;
  }
}

// Arguments that do not deserialise are rejected by Tauri before the command runs, with a
// plain string ("invalid args `input` for command `create_trip`: invalid type: …"); Tauri
// offers the app no hook to shape that error, so it is typed here.
const INVALID_ARGUMENT = /^invalid args `[^`]+` for command `[^`]+`: /;

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (error && typeof error === "object" && "kind" in error) throw new ApiError(error as ErrorPayload);
    const kind = typeof error === "string" && INVALID_ARGUMENT.test(error) ? "invalid_argument" : "internal";
    throw new ApiError({ kind, message: String(error), fields: [] });
  }
}
