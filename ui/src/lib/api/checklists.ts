// A task's or a trip's checklist steps, and the preparation templates.
// One function per command of src-tauri/commands/checklists.rs, named as the command in camelCase.
import { call } from "./call";
import type { Checklist } from "../bindings/Checklist";
import type { ChecklistOwner } from "../bindings/ChecklistOwner";
import type { ChecklistTemplate } from "../bindings/ChecklistTemplate";
import type { Direction } from "../bindings/Direction";
import type { TemplateInput } from "../bindings/TemplateInput";

export function getChecklist(owner: ChecklistOwner) {
  return call<Checklist>("get_checklist", { owner });
}

export function addChecklistStep(owner: ChecklistOwner, text: string) {
  return call<Checklist>("add_checklist_step", { owner, text });
}

export function renameChecklistStep(id: string, text: string) {
  return call<Checklist>("rename_checklist_step", { id, text });
}

export function tickChecklistStep(id: string, done: boolean) {
  return call<Checklist>("tick_checklist_step", { id, done });
}

export function moveChecklistStep(id: string, onto_id: string) {
  return call<Checklist>("move_checklist_step", { id, onto_id });
}

export function removeChecklistStep(id: string) {
  return call<Checklist>("remove_checklist_step", { id });
}

export function restoreChecklistStep(id: string) {
  return call<Checklist>("restore_checklist_step", { id });
}

export function getChecklistTemplate(direction: Direction) {
  return call<ChecklistTemplate>("get_checklist_template", { direction });
}

export function saveChecklistTemplate(direction: Direction, input: TemplateInput) {
  return call<ChecklistTemplate>("save_checklist_template", { direction, input });
}
