//! Registration commands: an outgoing trip opened to participants, its invitation list, and
//! confirming a registration into the delegation.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::registrations::{
    self, Invitation, InvitationInput, Registration, RegistrationInput, RegistrationStatus, TripRegistrations,
};

#[tauri::command(rename_all = "snake_case")]
pub async fn trip_registrations(state: State<'_, AppState>, trip_id: String) -> Result<TripRegistrations> {
    state.with(|c| registrations::trip_registrations(c, &trip_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn open_registration(
    state: State<'_, AppState>,
    trip_id: String,
    input: InvitationInput,
) -> Result<Invitation> {
    state.with(|c| registrations::open_registration(c, &trip_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_registration(
    state: State<'_, AppState>,
    trip_id: String,
    input: RegistrationInput,
) -> Result<Registration> {
    state.with(|c| registrations::create_registration(c, &trip_id, &input))
}

#[tauri::command]
pub async fn update_registration(
    state: State<'_, AppState>,
    id: String,
    input: RegistrationInput,
) -> Result<Registration> {
    state.with(|c| registrations::update_registration(c, &id, &input))
}

#[tauri::command]
pub async fn set_registration_status(
    state: State<'_, AppState>,
    id: String,
    status: RegistrationStatus,
) -> Result<Registration> {
    state.with(|c| registrations::set_status(c, &id, status))
}

#[tauri::command]
pub async fn delete_registration(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| registrations::delete_registration(c, &id))
}

#[tauri::command]
pub async fn restore_registration(state: State<'_, AppState>, id: String) -> Result<Registration> {
    state.with(|c| registrations::restore_registration(c, &id))
}
