//! Issue 5's fault matrix: every way a call can fail, against each call the page makes (sign-in,
//! load, save, test mail). Every cell checks that the message of the right category shows in
//! the right place, that the form kept its values, that the buttons work again, and that
//! nothing panicked. The matrix is printed (`--nocapture`) and written to
//! `target/fault-matrix.md`; the test fails listing every failing cell.
//!
//! The four columns run side by side, each in its own browser on its own fake; within a column
//! the cells run one after the other on one browser session, each from a freshly loaded page
//! with no fault left set. The page is served with `requestTimeoutSeconds` 2 so that timeouts
//! are quick (60 for the Cancel cells, so that the timeout cannot come first).
//!
//! Two rows need the API on another origin than the page (on one origin CORS never applies):
//! "no CORS headers" points the sign-in panel's API base URL at a second listener of the same
//! fake; "unreachable" points it at a closed loopback port (sign-in), or at a loopback relay to
//! that second listener which is shut once signed in (save, test mail) or while the load is
//! under way (load).

mod cell;
mod network;
mod rows;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::ensure;

use cell::{Cell, Column};
use rows::{rows, Action, Row};

/// Served as `config.json`: the default API base URL, and quick timeouts.
const QUICK_TIMEOUT_CONFIG: &str =
    r#"{"apiBaseUrl": "/commandcenter/api", "requestTimeoutSeconds": 2}"#;
/// For the Cancel cells: a timeout long enough that only Cancel can end the call.
const LONG_TIMEOUT_CONFIG: &str =
    r#"{"apiBaseUrl": "/commandcenter/api", "requestTimeoutSeconds": 60}"#;
/// The fake waits this long (4 times the timeout) before it answers a "too slow" call.
const BEYOND_THE_TIMEOUT_MS: u64 = 8_000;
/// The fake waits this long before it answers a call that is to be cancelled.
const UNTIL_CANCELLED_MS: u64 = 30_000;
/// How long anything in a cell may take to show (a timeout takes 2 s of it).
const WAIT: Duration = Duration::from_secs(10);

/// The sender name typed before a save or a test mail.
const EDITED_SENDER_NAME: &str = "Backup alerts (fault matrix)";
/// What `ErrorCode` answers with.
const ERROR_CODE: i64 = 42;
const ERROR_MESSAGE: &str = "Simulated refusal from the fault matrix";
/// The size of the large bodies: well over the page's 256 KiB limit.
const LARGE_BODY_BYTES: usize = 3 * 1024 * 1024;

/// Runs every row against `action`; a column that cannot start fails every cell with why.
async fn run_column(action: Action, rows: &[Row]) -> Vec<Cell> {
    let column = match Column::open(action).await {
        Ok(column) => column,
        Err(failure) => {
            return rows
                .iter()
                .map(|_| Cell {
                    shown: "not run ✗".into(),
                    failure: Some(format!(
                        "the {} column did not start: {failure}",
                        action.title()
                    )),
                })
                .collect()
        }
    };
    let mut cells = Vec::with_capacity(rows.len());
    for row in rows {
        cells.push(column.run(row).await);
    }
    if let Err(failure) = column.page.close().await {
        eprintln!("closing the {} column's browser: {failure}", action.title());
    }
    cells
}

/// The matrix as a Markdown table, then the failing cells.
fn report(rows: &[Row], columns: &[Vec<Cell>], took: Duration) -> (String, Vec<String>) {
    let mut table = String::from("# Fault matrix\n\n| fault |");
    for action in Action::ALL {
        let _ = write!(table, " {} |", action.title());
    }
    table.push_str("\n|---|");
    table.push_str(&"---|".repeat(Action::ALL.len()));
    table.push('\n');
    let mut failures = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let _ = write!(table, "| {} |", row.label);
        for (action, cells) in Action::ALL.iter().zip(columns) {
            let cell = &cells[r];
            let _ = write!(table, " {} |", cell.shown);
            if let Some(failure) = &cell.failure {
                failures.push(format!("[{} × {}] {failure}", row.label, action.title()));
            }
        }
        table.push('\n');
    }
    let _ = write!(
        table,
        "\nEach cell: the category of the message the page showed, ✓ when every check of the \
         cell passed (the category in the right place, the form's values kept, the buttons \
         enabled again, no panic). Request timeout 2 s; {} cells run in {:.0} s.\n",
        columns.iter().flatten().count(),
        took.as_secs_f64()
    );
    if failures.is_empty() {
        table.push_str("\nNo failing cell.\n");
    } else {
        let _ = write!(table, "\n## Failing cells ({})\n\n", failures.len());
        for failure in &failures {
            let _ = writeln!(table, "- {failure}");
        }
    }
    (table, failures)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release build and Chromium: run `cargo xtask test`"]
async fn every_fault_shows_its_message_in_every_action() -> anyhow::Result<()> {
    let started = Instant::now();
    let rows = rows();
    let (sign_in, load, save, test_mail) = tokio::join!(
        run_column(Action::SignIn, &rows),
        run_column(Action::Load, &rows),
        run_column(Action::Save, &rows),
        run_column(Action::TestMail, &rows),
    );
    let (table, failures) = report(&rows, &[sign_in, load, save, test_mail], started.elapsed());
    println!("{table}");
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&target)?;
    std::fs::write(target.join("fault-matrix.md"), &table)?;
    ensure!(
        failures.is_empty(),
        "{} failing cells:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}
