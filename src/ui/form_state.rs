//! The form's reactive state: one signal per input, and which inputs the administrator has
//! already left (their errors show from then on, live as they type).

use leptos::prelude::*;

use crate::core::config::DEFAULT_API_BASE_URL;
use crate::core::settings::{ConnectionForm, Encryption, Field, SettingsForm};
use crate::core::validation::{field_errors, FieldErrors};

#[derive(Clone, Copy)]
pub struct FormState {
    pub access_token: RwSignal<String>,
    pub api_base_url: RwSignal<String>,
    pub smtp_server: RwSignal<String>,
    pub smtp_port: RwSignal<String>,
    pub encryption: RwSignal<Encryption>,
    pub sender_email: RwSignal<String>,
    pub sender_name: RwSignal<String>,
    pub username: RwSignal<String>,
    pub password: RwSignal<String>,
    touched: RwSignal<Vec<Field>>,
    /// Set by the first Save: from then on every error shows, touched or not.
    save_attempted: RwSignal<bool>,
    errors: Memo<FieldErrors>,
}

impl FormState {
    pub fn new() -> Self {
        let access_token = RwSignal::new(String::new());
        let api_base_url = RwSignal::new(DEFAULT_API_BASE_URL.to_owned());
        let smtp_server = RwSignal::new(String::new());
        let smtp_port = RwSignal::new(String::new());
        let encryption = RwSignal::new(Encryption::default());
        let sender_email = RwSignal::new(String::new());
        let sender_name = RwSignal::new(String::new());
        let username = RwSignal::new(String::new());
        let password = RwSignal::new(String::new());
        let connection = move || ConnectionForm {
            access_token: access_token.get(),
            api_base_url: api_base_url.get(),
        };
        let settings = move || SettingsForm {
            smtp_server: smtp_server.get(),
            smtp_port: smtp_port.get(),
            encryption: encryption.get(),
            sender_email: sender_email.get(),
            sender_name: sender_name.get(),
            username: username.get(),
            password: password.get(),
        };
        Self {
            access_token,
            api_base_url,
            smtp_server,
            smtp_port,
            encryption,
            sender_email,
            sender_name,
            username,
            password,
            touched: RwSignal::new(Vec::new()),
            save_attempted: RwSignal::new(false),
            errors: Memo::new(move |_| field_errors(&connection(), &settings())),
        }
    }

    pub fn connection_untracked(&self) -> ConnectionForm {
        ConnectionForm {
            access_token: self.access_token.get_untracked(),
            api_base_url: self.api_base_url.get_untracked(),
        }
    }

    pub fn settings_untracked(&self) -> SettingsForm {
        SettingsForm {
            smtp_server: self.smtp_server.get_untracked(),
            smtp_port: self.smtp_port.get_untracked(),
            encryption: self.encryption.get_untracked(),
            sender_email: self.sender_email.get_untracked(),
            sender_name: self.sender_name.get_untracked(),
            username: self.username.get_untracked(),
            password: self.password.get_untracked(),
        }
    }

    pub fn mark_touched(&self, field: Field) {
        if !self.is_touched_untracked(field) {
            self.touched.update(|touched| touched.push(field));
        }
    }

    pub fn is_touched_untracked(&self, field: Field) -> bool {
        self.touched
            .with_untracked(|touched| touched.contains(&field))
    }

    pub fn mark_save_attempted(&self) {
        self.save_attempted.set(true);
    }

    /// The error to show under a field right now, if any.
    pub fn visible_error(&self, field: Field) -> Signal<Option<String>> {
        let (touched, save_attempted, errors) = (self.touched, self.save_attempted, self.errors);
        Signal::derive(move || {
            let shown = save_attempted.get() || touched.with(|t| t.contains(&field));
            if !shown {
                return None;
            }
            errors.with(|errors| errors.get(field).map(ToString::to_string))
        })
    }
}
