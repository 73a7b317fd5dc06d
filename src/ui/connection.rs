//! Where Command Center is and the session with it: shared by the sign-in form, the session
//! bar and the settings page. The token lives here, in memory only.

use leptos::prelude::*;

use super::portal::Portal;
use crate::api::CallControl;
use crate::core::config::{RuntimeConfig, DEFAULT_API_BASE_URL};
use crate::core::embedding::PortalSession;
use crate::core::errors::ApiError;
use crate::core::login::{Session, SessionOrigin};
use crate::core::settings::{Baseline, ConnectionForm};
use crate::core::validation::validate_connection;
use crate::core::wire::ApiConnection;

#[derive(Clone, Copy)]
pub struct ConnectionState {
    pub api_base_url: RwSignal<String>,
    /// Set once the administrator types into the API base URL: `config.json`, which may arrive
    /// later, then leaves it as typed.
    pub api_base_url_typed: StoredValue<bool>,
    /// `config.json`, or the defaults until it has arrived (or when it is broken).
    pub config: RwSignal<RuntimeConfig>,
    /// Whether `config.json` has been read (or found broken or missing): until then a sign-in
    /// could go to the wrong address.
    pub config_settled: RwSignal<bool>,
    pub session: RwSignal<Option<Session>>,
    /// The user name last typed at sign-in: kept across a failed sign-in and a sign-out (it is
    /// no secret, and retyping it is a chore).
    pub user_name: RwSignal<String>,
    /// The settings fetched while a pasted token was checked, so the page need not fetch them
    /// a second time.
    pub first_load: StoredValue<Option<Result<Baseline, ApiError>>>,
    /// The portal that frames the page, if one does.
    pub portal: Portal,
    /// The language the portal's session message named, if it named one.
    pub portal_language: RwSignal<Option<String>>,
}

impl ConnectionState {
    pub fn new() -> Self {
        Self {
            api_base_url: RwSignal::new(DEFAULT_API_BASE_URL.to_owned()),
            api_base_url_typed: StoredValue::new(false),
            config: RwSignal::new(RuntimeConfig::default()),
            config_settled: RwSignal::new(false),
            session: RwSignal::new(None),
            user_name: RwSignal::new(String::new()),
            first_load: StoredValue::new(None),
            portal: Portal::new(),
            portal_language: RwSignal::new(None),
        }
    }

    /// As the validation of the settings form expects it.
    pub fn form(&self) -> ConnectionForm {
        ConnectionForm {
            access_token: self
                .session
                .with(|s| s.as_ref().map(|s| s.token.expose().to_owned()))
                .unwrap_or_default(),
            api_base_url: self.api_base_url.get(),
        }
    }

    pub fn form_untracked(&self) -> ConnectionForm {
        untrack(|| self.form())
    }

    /// Where and as whom to call, while signed in.
    pub fn api_connection_untracked(&self) -> Option<ApiConnection> {
        validate_connection(&self.form_untracked())
    }

    /// After a 401: a new token for the session, and then `run_again`. The portal that owns the
    /// session is asked first, the administrator (`dialog`) only when it does not answer.
    pub fn ask_to_sign_in_again(&self, run_again: Option<Callback<()>>, dialog: Callback<()>) {
        let from_portal = self
            .session
            .with_untracked(|s| s.as_ref().is_some_and(Session::is_the_portals));
        match run_again {
            Some(run_again) if from_portal => self.portal.ask_for_fresh_session(run_again, dialog),
            _ => dialog.run(()),
        }
    }

    /// A session the framing portal sent from `origin`: taken unless the administrator signed in
    /// by themselves (that session is not taken away from them). Whether it was taken.
    pub fn take_portal_session(&self, session: PortalSession, origin: String) -> bool {
        let own = self
            .session
            .with_untracked(|s| s.as_ref().is_some_and(|s| !s.is_the_portals()));
        if own {
            return false;
        }
        if let Some(url) = session.api_base_url {
            self.api_base_url.set(url);
        }
        if session.language.is_some() {
            self.portal_language.set(session.language);
        }
        self.session.set(Some(Session {
            token: session.token,
            origin: SessionOrigin::Portal { origin },
        }));
        true
    }

    /// Announces the page to the portal that frames it, if any, once `config.json` is known
    /// (`None`: it could not be read).
    pub fn configure_portal(&self, config: Option<&RuntimeConfig>) {
        let connection = *self;
        self.portal.configured(
            config,
            Callback::new(move |(session, origin)| connection.take_portal_session(session, origin)),
        );
    }

    /// A new call under the configured timeout.
    pub fn new_call(&self) -> CallControl {
        CallControl::new(
            self.config
                .with_untracked(|config| config.request_timeout_seconds),
        )
    }

    pub fn take_first_load(&self) -> Option<Result<Baseline, ApiError>> {
        let mut taken = None;
        self.first_load.update_value(|first| taken = first.take());
        taken
    }
}
