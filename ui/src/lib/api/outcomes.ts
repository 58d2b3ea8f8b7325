// What was agreed at a programme item, and the task made of a point.
// One function per command of src-tauri/commands/outcomes.rs, named as the command in camelCase.
import { call } from "./call";
import type { Outcome } from "../bindings/Outcome";
import type { OutcomeInput } from "../bindings/OutcomeInput";
import type { Task } from "../bindings/Task";

export function listOutcomes(item_id: string) {
  return call<Outcome[]>("list_outcomes", { item_id });
}

export function addOutcome(item_id: string, input: OutcomeInput) {
  return call<Outcome>("add_outcome", { item_id, input });
}

export function updateOutcome(id: string, input: OutcomeInput) {
  return call<Outcome>("update_outcome", { id, input });
}

export function removeOutcome(id: string) {
  return call<null>("remove_outcome", { id });
}

export function restoreOutcome(id: string) {
  return call<Outcome>("restore_outcome", { id });
}

export function taskFromOutcome(id: string) {
  return call<Task>("task_from_outcome", { id });
}
