//! Reads a change file of the office folder and applies a change set of another laptop to the
//! demo office, with the merge rules.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| partnerdesk_fuzz::take_in_changes(bytes));
