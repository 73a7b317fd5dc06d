//! The form's reactive state: one signal per input, what Command Center holds (the baseline),
//! which inputs the administrator has already left (their errors show from then on, live as they
//! type), and what differs from the baseline.

use leptos::prelude::*;

use super::connection::ConnectionState;
use crate::core::changes::{changes, rebase, Change};
use crate::core::flow::FormSnapshot;
use crate::core::saved_password::{saved_password, SavedPassword};
use crate::core::settings::{Baseline, Encryption, Field, SettingsForm};
use crate::core::validation::{field_errors, FieldErrors};
use crate::words;

#[derive(Clone, Copy)]
pub struct FormState {
    connection: ConnectionState,
    pub smtp_server: RwSignal<String>,
    pub smtp_port: RwSignal<String>,
    pub encryption: RwSignal<Encryption>,
    pub sender_email: RwSignal<String>,
    pub sender_name: RwSignal<String>,
    pub use_authentication: RwSignal<bool>,
    pub username: RwSignal<String>,
    pub password: RwSignal<String>,
    pub baseline: RwSignal<Baseline>,
    touched: RwSignal<Vec<Field>>,
    /// Set by the first Save or test: from then on every error shows, touched or not.
    submit_attempted: RwSignal<bool>,
    errors: Memo<FieldErrors>,
    pub changes: Memo<Vec<Change>>,
    /// Whether an empty password field keeps the saved password with the settings as typed.
    pub saved_password: Memo<SavedPassword>,
}

impl FormState {
    /// For the settings page being built, on the session in its context.
    pub fn new() -> Self {
        let connection = expect_context::<ConnectionState>();
        let smtp_server = RwSignal::new(String::new());
        let smtp_port = RwSignal::new(String::new());
        let encryption = RwSignal::new(Encryption::default());
        let sender_email = RwSignal::new(String::new());
        let sender_name = RwSignal::new(String::new());
        let use_authentication = RwSignal::new(false);
        let username = RwSignal::new(String::new());
        let password = RwSignal::new(String::new());
        let baseline = RwSignal::new(Baseline::NotConfigured);
        let settings = move || SettingsForm {
            smtp_server: smtp_server.get(),
            smtp_port: smtp_port.get(),
            encryption: encryption.get(),
            sender_email: sender_email.get(),
            sender_name: sender_name.get(),
            use_authentication: use_authentication.get(),
            username: username.get(),
            password: password.get(),
        };
        Self {
            connection,
            smtp_server,
            smtp_port,
            encryption,
            sender_email,
            sender_name,
            use_authentication,
            username,
            password,
            baseline,
            touched: RwSignal::new(Vec::new()),
            submit_attempted: RwSignal::new(false),
            errors: Memo::new(move |_| {
                baseline.with(|baseline| field_errors(&connection.form(), &settings(), baseline))
            }),
            changes: Memo::new(move |_| baseline.with(|baseline| changes(baseline, &settings()))),
            saved_password: Memo::new(move |_| {
                baseline.with(|baseline| saved_password(baseline, &settings()))
            }),
        }
    }

    /// Everything a button press is decided on.
    pub fn snapshot_untracked(&self) -> FormSnapshot {
        FormSnapshot {
            connection: self.connection.form_untracked(),
            settings: self.settings_untracked(),
            baseline: self.baseline.get_untracked(),
        }
    }

    pub fn settings_untracked(&self) -> SettingsForm {
        SettingsForm {
            smtp_server: self.smtp_server.get_untracked(),
            smtp_port: self.smtp_port.get_untracked(),
            encryption: self.encryption.get_untracked(),
            sender_email: self.sender_email.get_untracked(),
            sender_name: self.sender_name.get_untracked(),
            use_authentication: self.use_authentication.get_untracked(),
            username: self.username.get_untracked(),
            password: self.password.get_untracked(),
        }
    }

    /// Puts these values into the inputs.
    fn show(&self, form: SettingsForm) {
        self.smtp_server.set(form.smtp_server);
        self.smtp_port.set(form.smtp_port);
        self.encryption.set(form.encryption);
        self.sender_email.set(form.sender_email);
        self.sender_name.set(form.sender_name);
        self.use_authentication.set(form.use_authentication);
        self.username.set(form.username);
        self.password.set(form.password);
    }

    /// New settings from Command Center: untouched fields take them, edits are kept.
    pub fn take_loaded(&self, loaded: Baseline) {
        let old = self.baseline.with_untracked(Baseline::form);
        let merged = rebase(&old, &self.settings_untracked(), &loaded.form());
        self.baseline.set(loaded);
        self.show(merged);
    }

    /// After a successful save: what was sent is now what Command Center holds. Fields edited
    /// while the save was under way keep their edits; the saved password leaves the page's
    /// memory ("keep the saved one" is the new default).
    pub fn take_saved(&self, submitted: &SettingsForm, saved: SettingsForm) {
        let current = self.settings_untracked();
        let mut merged = rebase(submitted, &current, &saved);
        if current.password == submitted.password {
            merged.password.clear();
        }
        self.baseline.set(Baseline::Configured(saved));
        self.show(merged);
        self.clear_feedback();
    }

    /// "Discard changes": back to what Command Center holds.
    pub fn discard_changes(&self) {
        self.show(self.baseline.with_untracked(Baseline::form));
        self.clear_feedback();
    }

    pub fn mark_touched(&self, field: Field) {
        // `try_`: a blur can arrive while the page is being torn down (see `InputField`).
        let already = self
            .touched
            .try_with_untracked(|touched| touched.contains(&field));
        if already == Some(false) {
            self.touched.try_update(|touched| touched.push(field));
        }
    }

    pub fn mark_submit_attempted(&self) {
        self.submit_attempted.set(true);
    }

    fn clear_feedback(&self) {
        self.touched.set(Vec::new());
        self.submit_attempted.set(false);
    }

    /// The error to show under a field right now, if any.
    pub fn visible_error(&self, field: Field) -> Signal<Option<String>> {
        let (touched, submit_attempted, errors) =
            (self.touched, self.submit_attempted, self.errors);
        Signal::derive(move || {
            let shown = submit_attempted.get() || touched.with(|t| t.contains(&field));
            if !shown {
                return None;
            }
            errors.with(|errors| errors.get(field).map(words::field_error))
        })
    }
}
