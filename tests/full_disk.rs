//! A full disk: the database lives on a small tmpfs while a restore and a sync write to it.
//! Each stops saying that the disk is full, the database stays as it was (it passes
//! `PRAGMA integrity_check` and holds the same records), no half-written file is left beside
//! it, and once there is room the same step completes. Mounting a tmpfs needs root; where the
//! machine does not allow it, the test says so and stops.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::Connection;

mod common;
use common::{large_office, partnerdesk};

/// A tmpfs mounted on a folder for as long as it lives.
struct Tmpfs {
    dir: PathBuf,
}

impl Tmpfs {
    fn mount(dir: &Path) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=64m", "tmpfs"]).arg(dir).output();
        match mounted {
            Ok(output) if output.status.success() => Some(Tmpfs { dir: dir.to_path_buf() }),
            Ok(output) => {
                eprintln!(
                    "SKIPPED: a tmpfs cannot be mounted here: {}",
                    String::from_utf8_lossy(&output.stderr).trim()
                );
                None
            }
            Err(error) => {
                eprintln!("SKIPPED: mount cannot be run here: {error}");
                None
            }
        }
    }

    /// Leaves `free` bytes beyond what the files on it take now.
    fn leave_free(&self, free: u64) {
        let size = (used_bytes(&self.dir) + free).div_ceil(4096) * 4096;
        let status =
            Command::new("mount").args(["-o", &format!("remount,size={size}")]).arg(&self.dir).status().unwrap();
        assert!(status.success(), "the tmpfs takes its new size");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

fn used_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                used_bytes(&entry.path())
            } else {
                meta.len()
            }
        })
        .sum()
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.metadata().unwrap().is_dir() {
            names.extend(file_names(&entry.path()));
        } else {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names
}

fn run(db: &Path, args: &[&str]) -> Output {
    partnerdesk(db, args).output().unwrap()
}

fn succeeds(db: &Path, args: &[&str]) -> String {
    let output = run(db, args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs `args` and expects it to stop because the disk is full.
fn stops_on_a_full_disk(db: &Path, args: &[&str]) {
    let output = run(db, args);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{args:?} should have run out of space");
    assert!(said.contains("the disk is full"), "{args:?} says why: {said}");
}

/// What the database holds, as the check after each step compares it.
fn state(db: &Path) -> (Vec<String>, i64) {
    let conn = Connection::open(db).unwrap();
    let problems: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    assert_eq!(problems, "ok", "{}", db.display());
    let mut titles = conn.prepare("SELECT title FROM trips ORDER BY id").unwrap();
    let titles = titles.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect();
    let people = conn.query_row("SELECT count(*) FROM people", [], |row| row.get(0)).unwrap();
    (titles, people)
}

fn no_half_written_files(dir: &Path) {
    let left: Vec<String> = file_names(dir)
        .into_iter()
        .filter(|name| name.ends_with(".partial") || name.starts_with("restoring-"))
        .collect();
    assert!(left.is_empty(), "half-written files left: {left:?}");
}

#[test]
fn a_restore_that_runs_out_of_disk_leaves_the_database_as_it_was_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = Tmpfs::mount(&dir.path().join("disk")) else { return };
    let source = dir.path().join("source.sqlite");
    large_office(&source);
    let backup = dir.path().join("backup.sqlite");
    succeeds(&source, &["backup", "--out", backup.to_str().unwrap()]);
    let backup_size = std::fs::metadata(&backup).unwrap().len();
    let live = disk.dir.join("partnerdesk.sqlite");
    succeeds(&live, &["demo"]);
    let before = state(&live);

    // Too little room for the copy of the backup beside the database, then for the database
    // taking it in after that copy was made.
    for free in [backup_size / 2, backup_size * 3 / 2] {
        disk.leave_free(free);
        stops_on_a_full_disk(&live, &["restore", backup.to_str().unwrap()]);
        assert_eq!(state(&live), before, "with {free} bytes free, the database is as it was");
        no_half_written_files(&disk.dir);
    }

    disk.leave_free(backup_size * 4);
    succeeds(&live, &["restore", backup.to_str().unwrap()]);
    assert_eq!(state(&live), state(&source), "with room, the backup is restored whole");
}

#[test]
fn a_sync_that_runs_out_of_disk_leaves_the_database_as_it_was_and_the_next_one_completes() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = Tmpfs::mount(&dir.path().join("disk")) else { return };
    let folder = dir.path().join("office-folder");
    std::fs::create_dir(&folder).unwrap();
    let shared = ["--folder", folder.to_str().unwrap(), "--key-env", "OFFICE_KEY"];
    let office = dir.path().join("office.sqlite");
    large_office(&office);
    succeeds(&office, &[&["sync"][..], &shared].concat());

    let laptop = disk.dir.join("partnerdesk.sqlite");
    succeeds(&laptop, &["list", "trips"]);
    let before = state(&laptop);
    disk.leave_free(1 << 20);
    stops_on_a_full_disk(&laptop, &[&["sync", "join"][..], &shared].concat());
    assert_eq!(state(&laptop), before, "nothing of the office's changes is half there");
    no_half_written_files(&disk.dir);

    disk.leave_free(256 << 20);
    let enabled: i64 = Connection::open(&laptop)
        .unwrap()
        .query_row("SELECT count(*) FROM settings WHERE key = 'sharing.folder'", [], |row| row.get(0))
        .unwrap();
    let next: &[&str] = if enabled > 0 { &["sync"] } else { &["sync", "join"] };
    succeeds(&laptop, &[next, &shared].concat());
    assert_eq!(state(&laptop), state(&office), "with room, the next sync brings everything");
}
