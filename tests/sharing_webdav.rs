//! Sharing through a folder that a real WebDAV server serves (`rclone serve webdav` on this
//! machine), each laptop's copy of it kept in step by a sync client (`rclone copy` up, then
//! down, as the Nextcloud client does): three laptops edit offline and sync in the orders
//! A→B→C and C→B→A, twice round; afterwards every shared table is the same on all three, and
//! the server holds only the laptops' own files, no conflict copies.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use partnerdesk_core::sharing::tables::shared_tables;
use partnerdesk_core::store::RECORD_TABLES;
use rusqlite::Connection;

const KEY: &str = "Partnerschaft Jinhua 2026";
const TO_JINHUA: &str = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

struct Server {
    child: Child,
    remote: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rclone(args: &[&str]) -> Output {
    Command::new("rclone")
        .args(args)
        .args(["--config", "/dev/null"])
        .output()
        .expect("rclone runs (scripts/setup.sh --for-tests installs it)")
}

fn serve(dir: &Path) -> Server {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let address = format!("127.0.0.1:{port}");
    let child = Command::new("rclone")
        .args(["serve", "webdav", "--addr", &address, "--config", "/dev/null"])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("rclone runs (scripts/setup.sh --for-tests installs it)");
    let started = Instant::now();
    while TcpStream::connect(&address).is_err() {
        assert!(started.elapsed() < Duration::from_secs(15), "the WebDAV server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, remote: format!(":webdav,url='http://{address}':") }
}

/// The office's sync client on one laptop: its changes up, everyone's down.
fn sync_client(server: &Server, folder: &Path) {
    let folder = folder.to_str().unwrap();
    for (from, to) in [(folder, server.remote.as_str()), (server.remote.as_str(), folder)] {
        let output = rclone(&["copy", from, to]);
        assert!(output.status.success(), "rclone copy {from} {to}: {}", String::from_utf8_lossy(&output.stderr));
    }
}

fn partnerdesk(db: &Path, args: &[&str]) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PARTNERDESK_DB")
        .env("OFFICE_KEY", KEY)
        .output()
        .unwrap();
    assert!(output.status.success(), "partnerdesk {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null)
}

struct Laptop {
    db: PathBuf,
    folder: PathBuf,
}

impl Laptop {
    fn sync(&self, server: &Server) {
        sync_client(server, &self.folder);
        partnerdesk(&self.db, &["sync", "--json"]);
        sync_client(server, &self.folder);
    }

    fn conn(&self) -> Connection {
        partnerdesk_core::store::open(&self.db).unwrap()
    }
}

/// Every shared table, sorted, without the fields each laptop keeps to itself.
fn shared_dump(conn: &Connection) -> Vec<String> {
    let tables = shared_tables(conn, partnerdesk_core::audience::Outgoing::OfficeSharing).unwrap();
    let mut lines = Vec::new();
    for name in RECORD_TABLES {
        let table = &tables[name];
        let columns: Vec<String> = table
            .columns
            .iter()
            .zip(&table.private)
            .filter(|(_, private)| private.is_none())
            .map(|(column, _)| format!("quote({column})"))
            .collect();
        let mut rows: Vec<String> = conn
            .prepare(&format!("SELECT {} FROM {name}", columns.join(" || '|' || ")))
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.sort();
        lines.extend(rows.into_iter().map(|row| format!("{name}: {row}")));
    }
    lines
}

fn one(conn: &Connection, sql: &str) -> String {
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

fn server_files(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in walk(dir) {
        names.push(entry.strip_prefix(dir).unwrap().display().to_string());
    }
    names
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flat_map(|entry| {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

fn three_laptops_over_webdav(order: [usize; 3]) {
    let dir = tempfile::tempdir().unwrap();
    let served = dir.path().join("server");
    std::fs::create_dir(&served).unwrap();
    let server = serve(&served);
    let laptops: Vec<Laptop> = ["a", "b", "c"]
        .iter()
        .map(|name| {
            let folder = dir.path().join(format!("{name}-Nextcloud"));
            std::fs::create_dir(&folder).unwrap();
            Laptop { db: dir.path().join(format!("{name}.sqlite")), folder }
        })
        .collect();
    let [a, b, c] = [&laptops[0], &laptops[1], &laptops[2]];

    partnerdesk(&a.db, &["demo"]);
    partnerdesk(&a.db, &["sync", "--folder", a.folder.to_str().unwrap(), "--key-env", "OFFICE_KEY", "--name", "A"]);
    sync_client(&server, &a.folder);
    for (laptop, name) in [(b, "B"), (c, "C")] {
        sync_client(&server, &laptop.folder);
        let folder = laptop.folder.to_str().unwrap();
        partnerdesk(&laptop.db, &["sync", "join", "--folder", folder, "--key-env", "OFFICE_KEY", "--name", name]);
    }

    // Offline: A and B change one item's title (B later), C deletes a gift for good, A adds a task.
    let trip = one(&a.conn(), &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
    let item =
        one(&a.conn(), &format!("SELECT id FROM programme_items WHERE trip_id = '{trip}' ORDER BY start_utc LIMIT 1"));
    let gift = one(&a.conn(), "SELECT id FROM gifts ORDER BY id LIMIT 1");
    a.conn()
        .execute(
            "UPDATE programme_items SET title = 'Titel von A', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?1",
            [&item],
        )
        .unwrap();
    b.conn()
        .execute(
            "UPDATE programme_items SET title = 'Titel von B', updated_at = '2030-01-01T00:00:01.000Z' WHERE id = ?1",
            [&item],
        )
        .unwrap();
    c.conn().execute("DELETE FROM gifts WHERE id = ?1", [&gift]).unwrap();
    a.conn()
        .execute(
            "INSERT INTO tasks (id, title, priority, status, trip_id, created_at, updated_at)
             VALUES ('0192f0a0-dddd-7000-8000-000000000001', 'Dank an Jinhua', 'normal', 'open', ?1,
                     '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')",
            [&trip],
        )
        .unwrap();

    for _ in 0..2 {
        for at in order {
            laptops[at].sync(&server);
        }
    }

    let dumps: Vec<Vec<String>> = laptops.iter().map(|laptop| shared_dump(&laptop.conn())).collect();
    assert_eq!(dumps[0], dumps[1], "A and B agree");
    assert_eq!(dumps[1], dumps[2], "B and C agree");
    let a = a.conn();
    assert_eq!(one(&a, &format!("SELECT title FROM programme_items WHERE id = '{item}'")), "Titel von B");
    assert_eq!(one(&a, &format!("SELECT count(*) || '' FROM gifts WHERE id = '{gift}'")), "0");
    assert_eq!(one(&a, "SELECT title FROM tasks WHERE id = '0192f0a0-dddd-7000-8000-000000000001'"), "Dank an Jinhua");
    let lost: Vec<String> = laptops
        .iter()
        .flat_map(|laptop| {
            let conn = laptop.conn();
            let values: Vec<String> = conn
                .prepare("SELECT lost_value FROM sharing_conflicts")
                .unwrap()
                .query_map([], |row| row.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            values
        })
        .collect();
    assert!(lost.contains(&"\"Titel von A\"".to_string()), "{lost:?}");

    let files = server_files(&served);
    assert!(files.contains(&"partnerdesk-sync/office-key.json".to_string()), "{files:?}");
    for file in &files {
        let name = Path::new(file).file_name().unwrap().to_string_lossy();
        assert!(name == "office-key.json" || (name.len() == 15 && name.ends_with(".pdsync")), "unexpected file {file}");
    }
}

#[test]
fn three_laptops_agree_through_a_webdav_folder_a_b_c() {
    three_laptops_over_webdav([0, 1, 2]);
}

#[test]
fn three_laptops_agree_through_a_webdav_folder_c_b_a() {
    three_laptops_over_webdav([2, 1, 0]);
}
