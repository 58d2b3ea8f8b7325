// Projects: the list, the project page, its links to trips, items and agreements, the trash.
// One function per command of src-tauri/commands/projects.rs, named as the command in camelCase.
import { call } from "./call";
import type { Page } from "../bindings/Page";
import type { Project } from "../bindings/Project";
import type { ProjectInput } from "../bindings/ProjectInput";
import type { ProjectLinkKind } from "../bindings/ProjectLinkKind";
import type { RecordLink } from "../bindings/RecordLink";
import type { ProjectQuery } from "../bindings/ProjectQuery";
import type { ProjectSummary } from "../bindings/ProjectSummary";

export function listProjects(query: ProjectQuery) {
  return call<Page<ProjectSummary>>("list_projects", { query });
}

export function getProject(id: string) {
  return call<Project>("get_project", { id });
}

export function createProject(input: ProjectInput) {
  return call<Project>("create_project", { input });
}

export function updateProject(id: string, input: ProjectInput) {
  return call<Project>("update_project", { id, input });
}

export function deleteProject(id: string) {
  return call<null>("delete_project", { id });
}

export function restoreProject(id: string) {
  return call<Project>("restore_project", { id });
}

export function linkToProject(project_id: string, kind: ProjectLinkKind, record_id: string) {
  return call<Project>("link_to_project", { project_id, kind, record_id });
}

export function unlinkFromProject(project_id: string, kind: ProjectLinkKind, record_id: string) {
  return call<Project>("unlink_from_project", { project_id, kind, record_id });
}

export function projectsOfTrip(trip_id: string) {
  return call<RecordLink[]>("projects_of_trip", { trip_id });
}
