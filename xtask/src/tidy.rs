//! Checks on the repository itself rather than on code, run by plain `cargo test`, so that
//! versions which must agree cannot drift apart unnoticed. (The page's own tidy checks, of its
//! words and of its modules, are the app's: tests/tidy.rs.)

use anyhow::Context;

use crate::{pins, project_root};

#[test]
fn wasm_bindgen_cli_pin_matches_cargo_lock() -> anyhow::Result<()> {
    let root = project_root()?;
    let pins = pins::Pins::load(&root)?;
    let lock_path = root.join("Cargo.lock");
    let cargo_lock = std::fs::read_to_string(&lock_path)
        .with_context(|| format!("cannot read {}", lock_path.display()))?;
    pins::check_wasm_bindgen_lock(&pins, &cargo_lock)
}
