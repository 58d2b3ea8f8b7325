//! Imports a calendar file (.ics) into a store with one trip: preview, apply, apply skipping bad rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnerdesk_core::import::ImportKind;

fuzz_target!(|bytes: &[u8]| partnerdesk_fuzz::import_everything(ImportKind::Calendar, bytes));
