// Tasks: lists, editing, changing several at once, trash; and the count of overdue ones.
// One function per command of src-tauri/commands/tasks.rs, named as the command in camelCase.
import { call } from "./call";
import type { Task } from "../bindings/Task";
import type { TaskInput } from "../bindings/TaskInput";
import type { Page } from "../bindings/Page";
import type { TaskQuery } from "../bindings/TaskQuery";
import type { TaskStatus } from "../bindings/TaskStatus";

export function listTasks(query: TaskQuery) {
  return call<Page<Task>>("list_tasks", { query });
}

export function overdueTaskCount() {
  return call<number>("overdue_task_count");
}

export function getTask(id: string) {
  return call<Task>("get_task", { id });
}

export function createTask(input: TaskInput) {
  return call<Task>("create_task", { input });
}

export function updateTask(id: string, input: TaskInput) {
  return call<Task>("update_task", { id, input });
}

export function setStatusOfTasks(ids: string[], status: TaskStatus) {
  return call<number>("set_status_of_tasks", { ids, status });
}

export function deleteTask(id: string) {
  return call<null>("delete_task", { id });
}

export function restoreTask(id: string) {
  return call<Task>("restore_task", { id });
}
