//! The form's reactive state: one signal per input, what Command Center holds (the baseline),
//! which inputs the administrator has already left (their errors show from then on, live as they
//! type), what differs from the baseline, and the warnings for what is typed.

use leptos::prelude::*;

use super::connection::ConnectionState;
use crate::core::changes::{changes, rebase, Change};
use crate::core::flow::FormSnapshot;
use crate::core::login::Session;
use crate::core::providers::{port_for_encryption, usual_port_to_name, Provider};
use crate::core::saved_password::{saved_password, SavedPassword};
use crate::core::settings::{Baseline, Encryption, Field, SettingsForm};
use crate::core::validation::{field_errors, FieldErrors};
use crate::core::warnings::{warnings, Warning};
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
    /// The port the page itself last put into the field (from a preset, or as the usual port of
    /// an encryption): while the field still holds it, a new encryption may change it.
    port_filled_by_page: RwSignal<Option<String>>,
    /// The provider last chosen from the list, for the one the server name does not tell: a
    /// local relay.
    chosen_provider: RwSignal<Option<Provider>>,
    touched: RwSignal<Vec<Field>>,
    /// Set by the first Save or test: from then on every error shows, touched or not.
    submit_attempted: RwSignal<bool>,
    errors: Memo<FieldErrors>,
    pub changes: Memo<Vec<Change>>,
    /// Whether an empty password field keeps the saved password with the settings as typed.
    pub saved_password: Memo<SavedPassword>,
    warnings: Memo<Vec<Warning>>,
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
            port_filled_by_page: RwSignal::new(None),
            chosen_provider: RwSignal::new(None),
            touched: RwSignal::new(Vec::new()),
            submit_attempted: RwSignal::new(false),
            errors: Memo::new(move |_| {
                baseline.with(|baseline| field_errors(&connection.form(), &settings(), baseline))
            }),
            changes: Memo::new(move |_| baseline.with(|baseline| changes(baseline, &settings()))),
            saved_password: Memo::new(move |_| {
                baseline.with(|baseline| saved_password(baseline, &settings()))
            }),
            warnings: Memo::new(move |_| warnings(&settings())),
        }
    }

    /// Everything a button press is decided on.
    pub fn snapshot_untracked(&self) -> FormSnapshot {
        FormSnapshot {
            connection: self.connection.form_untracked(),
            settings: self.settings_untracked(),
            baseline: self.baseline.get_untracked(),
            recipient: untrack(|| self.test_mail_recipient()),
        }
    }

    /// Where a test mail goes, when the session tells.
    pub fn test_mail_recipient(&self) -> Option<String> {
        self.connection.session.with(|session| {
            session
                .as_ref()
                .and_then(Session::test_mail_recipient)
                .map(str::to_owned)
        })
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
        // A port that is Command Center's is no longer the page's to change.
        let commandcenters = self.baseline.with_untracked(Baseline::form).smtp_port;
        if self
            .smtp_port
            .with_untracked(|port| *port == commandcenters)
        {
            self.port_filled_by_page.set(None);
        }
    }

    /// The provider the list shows: the one whose server is typed, else a local relay if that
    /// was the last choice, else none ("another mail server").
    pub fn provider(&self) -> Option<Provider> {
        let chosen = self.chosen_provider;
        self.smtp_server
            .with(|server| Provider::of_server(server))
            .or_else(|| chosen.get().filter(|p| *p == Provider::LocalRelay))
    }

    /// A choice from the provider list fills in what its documentation gives. A local relay's
    /// name only the administrator knows: a known provider's server makes way for it.
    pub fn choose_provider(&self, provider: Option<Provider>) {
        self.chosen_provider.set(provider);
        let Some(preset) = provider.map(Provider::preset) else {
            return;
        };
        match preset.server {
            Some(server) => self.smtp_server.set(server.to_owned()),
            None if self
                .smtp_server
                .with_untracked(|s| Provider::of_server(s).is_some()) =>
            {
                self.smtp_server.set(String::new());
            }
            None => {}
        }
        self.fill_port(preset.port.to_string());
        self.encryption.set(preset.encryption);
    }

    /// A new encryption, and with it the usual port while the port is the page's to change.
    pub fn choose_encryption(&self, encryption: Encryption) {
        self.encryption.set(encryption);
        let filled = self.port_filled_by_page.get_untracked();
        let suggested = self
            .smtp_port
            .with_untracked(|port| port_for_encryption(port, filled.as_deref(), encryption));
        if let Some(port) = suggested {
            self.fill_port(port);
        }
    }

    fn fill_port(&self, port: String) {
        self.port_filled_by_page.set(Some(port.clone()));
        self.smtp_port.set(port);
    }

    /// The port's hint: the usual ports, or the usual one with this encryption when the port
    /// is one the page leaves alone.
    pub fn port_hint(&self) -> Signal<String> {
        let (port, filled, encryption) =
            (self.smtp_port, self.port_filled_by_page, self.encryption);
        Signal::derive(move || {
            let encryption = encryption.get();
            let usual = port.with(|port| {
                filled.with(|filled| usual_port_to_name(port, filled.as_deref(), encryption))
            });
            words::port_hint(usual.map(|port| (encryption, port)))
        })
    }

    /// The warning or note under `field` (there is never more than one).
    pub fn warning_under(&self, field: Field) -> Signal<Option<Warning>> {
        let warnings = self.warnings;
        Signal::derive(move || {
            warnings.with(|all| all.iter().copied().find(|w| w.field() == field))
        })
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
        self.chosen_provider.set(None);
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
