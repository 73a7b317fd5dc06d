//! What validation costs the page per keystroke: every input event runs `field_errors` over the
//! whole form, so this is work added to each keystroke before the browser can render it.
//!
//! Run with `cargo bench --bench validation` (`cargo xtask bench` runs it and reports it). The
//! numbers are native, in the release profile the wasm is built with (opt-level "z"); the wasm in
//! a browser runs the same code somewhat slower, so read them as a lower bound and for changes.

// divan is a native-only dev-dependency, like proptest; the wasm clippy run still compiles this
// file, and a bench without a harness needs a main either way.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    field_errors::check_the_forms();
    divan::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod field_errors {
    use commandcenter_email::core::settings::{Baseline, ConnectionForm, Encryption, SettingsForm};
    use commandcenter_email::core::validation::field_errors;
    use divan::{black_box, Bencher};

    /// Every field filled in and valid, sign-in on, so that every check runs to its end.
    fn valid_inputs() -> (ConnectionForm, SettingsForm) {
        (
            ConnectionForm {
                access_token:
                    "QSDK 3f8a1c0e9b7d4a2f6e5c3b1a0d9e8f7c6b5a4d3e2f1a0b9c8d7e6f5a4b3c2d1e0".into(),
                api_base_url: "https://commandcenter.example.com/commandcenter/api".into(),
            },
            SettingsForm {
                smtp_server: "smtp.mail.example.com".into(),
                smtp_port: "587".into(),
                encryption: Encryption::Tls,
                sender_email: "backup-alerts@example.com".into(),
                sender_name: "Commvault backup alerts".into(),
                use_authentication: true,
                username: "svc-commvault-mail".into(),
                password: "correct horse battery staple".into(),
            },
        )
    }

    /// Each of the eight checked fields wrong in its own way, as while typing a first value.
    fn invalid_inputs() -> (ConnectionForm, SettingsForm) {
        (
            ConnectionForm {
                access_token: "QSDK 3f8a1c0e9b7d4a2f·6e5c".into(),
                api_base_url: "ftp://commandcenter.example.com/api".into(),
            },
            SettingsForm {
                smtp_server: "smtp.mail.example.com:587".into(),
                smtp_port: "70000".into(),
                encryption: Encryption::Tls,
                sender_email: "backup-alerts@example..com".into(),
                sender_name: "Commvault backup\nalerts".into(),
                use_authentication: true,
                username: "svc-commvault\u{7}-mail".into(),
                password: "correct horse\nbattery staple".into(),
            },
        )
    }

    /// Benchmarks of the wrong thing measure nothing: check the forms are what their names say.
    pub fn check_the_forms() {
        let (connection, settings) = valid_inputs();
        let errors = field_errors(&connection, &settings, &Baseline::NotConfigured);
        assert!(errors.is_empty(), "the valid form has errors: {errors:?}");
        let (connection, settings) = invalid_inputs();
        let errors = field_errors(&connection, &settings, &Baseline::NotConfigured);
        assert_eq!(errors.len(), 8, "not every field is invalid: {errors:?}");
    }

    #[divan::bench]
    fn valid_form(bencher: Bencher) {
        validate_repeatedly(bencher, valid_inputs());
    }

    #[divan::bench]
    fn every_field_invalid(bencher: Bencher) {
        validate_repeatedly(bencher, invalid_inputs());
    }

    /// What the page does on each keystroke, with nothing configured in Command Center yet.
    fn validate_repeatedly(
        bencher: Bencher,
        (connection, settings): (ConnectionForm, SettingsForm),
    ) {
        let baseline = Baseline::NotConfigured;
        bencher.bench_local(|| {
            field_errors(
                black_box(&connection),
                black_box(&settings),
                black_box(&baseline),
            )
        });
    }
}
