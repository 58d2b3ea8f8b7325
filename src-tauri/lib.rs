//! Partnerdesk, the app: the window (`shell`, the IPC `commands`) and the command line (`cli`)
//! on top of `partnerdesk_core`, which holds the store and the domain and knows nothing of
//! Tauri.

pub mod cli;
mod commands;
mod shell;

/// Opens the window on the database at `db_path`.
pub fn run_app(db_path: std::path::PathBuf) -> tauri::Result<()> {
    use tauri::Manager;
    let _ = partnerdesk_core::store::remove_viewer_copies(&db_path);
    let state = shell::state::AppState::open(db_path);
    if state.locked() {
        if let Some(passphrase) = shell::keychain::remembered(&state.db_path) {
            // A kept passphrase that no longer opens the database leaves the unlock screen.
            let _ = state.unlock(passphrase);
        }
    }
    let language = state
        .with(partnerdesk_core::settings::get_settings)
        .map(|s| s.language)
        .unwrap_or(partnerdesk_core::vocabulary::Language::De);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::Builder::new().open_js_links_on_click(false).build())
        .manage(state)
        .setup(|app| {
            app.manage(shell::reminders::start(app.handle()));
            shell::backups::start(app.handle());
            Ok(())
        })
        .menu(move |app| shell::menu::build(app, language))
        .on_menu_event(shell::menu::on_event)
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::list_time_zones,
            commands::app::get_settings,
            commands::app::update_settings,
            commands::app::welcome_pending,
            commands::app::answer_welcome,
            commands::encryption::unlock,
            commands::encryption::encryption_enabled,
            commands::encryption::passphrase_remembered,
            commands::encryption::remember_passphrase,
            commands::encryption::encrypt_database,
            commands::encryption::change_passphrase,
            commands::encryption::decrypt_database,
            commands::backup::backup_status,
            commands::backup::save_backup,
            commands::backup::choose_restore_file,
            commands::backup::restore_backup,
            commands::publishing::last_calendar_account,
            commands::publishing::publish_calendar,
            commands::sharing::sharing_status,
            commands::sharing::choose_sharing_folder,
            commands::sharing::turn_on_sharing,
            commands::sharing::turn_off_sharing,
            commands::sharing::sync_now,
            commands::search::search,
            commands::overview::overview,
            commands::overview::trip_year,
            commands::sharing::compact_sharing_folder,
            commands::sharing::list_partner_offices,
            commands::sharing::link_partner_office,
            commands::sharing::unlink_partner_office,
            commands::sharing::partner_offices_sharing,
            commands::sharing::share_with_partner_office,
            commands::sharing::list_conflicts,
            commands::sharing::keep_lost_value,
            commands::sharing::dismiss_conflict,
            commands::privacy::due_erasures,
            commands::privacy::erase_due,
            commands::privacy::export_person_data,
            commands::privacy::erase_person,
            commands::trips::list_trips,
            commands::trips::get_trip,
            commands::trips::create_trip,
            commands::trips::update_trip,
            commands::trips::duplicate_trip,
            commands::trips::delete_trip,
            commands::trips::restore_trip,
            commands::export::export_trip,
            commands::export::export_missing_translations,
            commands::export::export_bundle_documents,
            commands::import::choose_import_file,
            commands::import::preview_import,
            commands::import::apply_import,
            commands::contacts::search_register,
            commands::contacts::transliterate,
            commands::contacts::register_links,
            commands::contacts::list_people,
            commands::contacts::person_record,
            commands::contacts::create_person,
            commands::contacts::update_person,
            commands::contacts::delete_person,
            commands::contacts::restore_person,
            commands::contacts::merge_people,
            commands::contacts::list_organisations,
            commands::contacts::organisation_record,
            commands::contacts::create_organisation,
            commands::contacts::update_organisation,
            commands::contacts::delete_organisation,
            commands::contacts::restore_organisation,
            commands::contacts::merge_organisations,
            commands::costs::trip_budget,
            commands::costs::create_cost_line,
            commands::costs::update_cost_line,
            commands::costs::delete_cost_line,
            commands::costs::restore_cost_line,
            commands::costs::request_approval,
            commands::costs::approve_trip_costs,
            commands::costs::withdraw_approval,
            commands::costs::budget_year,
            commands::registrations::trip_registrations,
            commands::registrations::open_registration,
            commands::registrations::create_registration,
            commands::registrations::update_registration,
            commands::registrations::set_registration_status,
            commands::registrations::delete_registration,
            commands::registrations::restore_registration,
            commands::report::annual_report,
            commands::report::write_report,
            commands::report::written_reports,
            commands::costs::create_budget_line,
            commands::costs::update_budget_line,
            commands::costs::delete_budget_line,
            commands::costs::rate_for,
            commands::costs::list_rates,
            commands::costs::set_rate,
            commands::costs::delete_rate,
            commands::costs::import_ecb_rates,
            commands::gifts::list_gifts,
            commands::gifts::gift_years,
            commands::gifts::create_gift,
            commands::gifts::create_gift_without_trip,
            commands::gifts::update_gift,
            commands::gifts::delete_gift,
            commands::gifts::restore_gift,
            commands::gifts::gift_rules,
            commands::gifts::update_gift_rules,
            commands::gifts::export_public_gifts,
            commands::tasks::list_tasks,
            commands::tasks::overdue_task_count,
            commands::tasks::get_task,
            commands::tasks::create_task,
            commands::tasks::update_task,
            commands::tasks::set_status_of_tasks,
            commands::tasks::delete_task,
            commands::tasks::restore_task,
            commands::outcomes::list_outcomes,
            commands::outcomes::add_outcome,
            commands::outcomes::update_outcome,
            commands::outcomes::remove_outcome,
            commands::outcomes::restore_outcome,
            commands::outcomes::task_from_outcome,
            commands::projects::list_projects,
            commands::projects::get_project,
            commands::projects::create_project,
            commands::projects::update_project,
            commands::projects::delete_project,
            commands::projects::restore_project,
            commands::projects::link_to_project,
            commands::projects::unlink_from_project,
            commands::projects::projects_of_trip,
            commands::checklists::get_checklist,
            commands::checklists::add_checklist_step,
            commands::checklists::rename_checklist_step,
            commands::checklists::tick_checklist_step,
            commands::checklists::move_checklist_step,
            commands::checklists::remove_checklist_step,
            commands::checklists::restore_checklist_step,
            commands::checklists::get_checklist_template,
            commands::checklists::save_checklist_template,
            commands::trash::list_trash,
            commands::trash::empty_trash,
            commands::delegation::list_members,
            commands::delegation::get_member,
            commands::delegation::add_member,
            commands::delegation::update_member,
            commands::delegation::remove_member,
            commands::delegation::restore_member,
            commands::delegation::set_member_order,
            commands::partnerships::list_partnerships,
            commands::partnerships::get_partnership,
            commands::partnerships::create_partnership,
            commands::partnerships::update_partnership,
            commands::partnerships::delete_partnership,
            commands::partnerships::restore_partnership,
            commands::partnerships::list_agreements,
            commands::partnerships::add_agreement,
            commands::partnerships::update_agreement,
            commands::partnerships::remove_agreement,
            commands::partnerships::restore_agreement,
            commands::documents::list_documents,
            commands::documents::attach_documents,
            commands::documents::attach_dropped_documents,
            commands::documents::update_document,
            commands::documents::delete_document,
            commands::documents::restore_document,
            commands::documents::open_document,
            commands::documents::save_document_copy,
            commands::partnerships::list_themes,
            commands::partnerships::add_theme,
            commands::partnerships::rename_theme,
            commands::programme::preview_time,
            commands::programme::programme_view,
            commands::programme::get_item,
            commands::programme::add_item,
            commands::programme::update_item,
            commands::programme::set_item_guests,
            commands::programme::remove_item,
            commands::programme::restore_item,
        ])
        .build(tauri::generate_context!())?
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                let _ = partnerdesk_core::store::remove_viewer_copies(&app.state::<shell::state::AppState>().db_path);
            }
        });
    Ok(())
}
