//! Register commands: people and organisations, the picker search, links, merge and trash.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::contacts::links::{self, RegisterLinks};
use partnerdesk_core::contacts::organisations::{self, Organisation, OrganisationInput, OrganisationRecord};
use partnerdesk_core::contacts::people::{self, Person, PersonInput, PersonRecord, RegisterQuery};
use partnerdesk_core::contacts::{self, merge, trash, RegisterEntry};
use partnerdesk_core::error::Result;
use partnerdesk_core::store::paging::Page;
use partnerdesk_core::vocabulary::{RegisterKind, RegisterRef};

#[tauri::command]
pub async fn search_register(
    state: State<'_, AppState>,
    search: String,
    kinds: Vec<RegisterKind>,
) -> Result<Vec<RegisterEntry>> {
    state.with(|c| contacts::search_register(c, &search, &kinds))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn transliterate(original: String, latin_name: String, kind: RegisterKind) -> Result<String> {
    Ok(contacts::transliterate(&original, &latin_name, kind))
}

#[tauri::command]
pub async fn register_links(state: State<'_, AppState>, reference: RegisterRef) -> Result<RegisterLinks> {
    state.with(|c| links::links_of(c, &reference))
}

#[tauri::command]
pub async fn list_people(state: State<'_, AppState>, query: RegisterQuery) -> Result<Page<Person>> {
    state.with(|c| people::list_people(c, &query))
}

#[tauri::command]
pub async fn person_record(state: State<'_, AppState>, id: String) -> Result<PersonRecord> {
    state.with(|c| people::person_record(c, &id))
}

#[tauri::command]
pub async fn create_person(state: State<'_, AppState>, input: PersonInput) -> Result<Person> {
    state.with(|c| people::create_person(c, &input))
}

#[tauri::command]
pub async fn update_person(state: State<'_, AppState>, id: String, input: PersonInput) -> Result<Person> {
    state.with(|c| people::update_person(c, &id, &input))
}

#[tauri::command]
pub async fn delete_person(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| trash::delete_person(c, &id))
}

#[tauri::command]
pub async fn restore_person(state: State<'_, AppState>, id: String) -> Result<Person> {
    state.with(|c| trash::restore_person(c, &id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn merge_people(state: State<'_, AppState>, keep_id: String, duplicate_id: String) -> Result<Person> {
    state.with(|c| merge::merge_people(c, &keep_id, &duplicate_id))
}

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>, query: RegisterQuery) -> Result<Page<Organisation>> {
    state.with(|c| organisations::list_organisations(c, &query))
}

#[tauri::command]
pub async fn organisation_record(state: State<'_, AppState>, id: String) -> Result<OrganisationRecord> {
    state.with(|c| organisations::organisation_record(c, &id))
}

#[tauri::command]
pub async fn create_organisation(state: State<'_, AppState>, input: OrganisationInput) -> Result<Organisation> {
    state.with(|c| organisations::create_organisation(c, &input))
}

#[tauri::command]
pub async fn update_organisation(
    state: State<'_, AppState>,
    id: String,
    input: OrganisationInput,
) -> Result<Organisation> {
    state.with(|c| organisations::update_organisation(c, &id, &input))
}

#[tauri::command]
pub async fn delete_organisation(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| trash::delete_organisation(c, &id))
}

#[tauri::command]
pub async fn restore_organisation(state: State<'_, AppState>, id: String) -> Result<Organisation> {
    state.with(|c| trash::restore_organisation(c, &id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn merge_organisations(
    state: State<'_, AppState>,
    keep_id: String,
    duplicate_id: String,
) -> Result<Organisation> {
    state.with(|c| merge::merge_organisations(c, &keep_id, &duplicate_id))
}
