//! Signing in: with a Command Center user name and password (`POST /Login`), or with a pasted
//! access token (checked by loading the settings with it). The same form serves the first
//! sign-in and the sign-in again when a session expires.

use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::connection::ConnectionState;
use super::current_call::CurrentCall;
use super::fields::{InputField, InputKind};
use super::note::Note;
use crate::api::{self, CallControl};
use crate::core::errors::{redact, ApiError, Operation};
use crate::core::login::{login_request, pasted_session, Session, SessionOrigin};
use crate::core::settings::Field;
use crate::core::validation::{check_base_url, FieldError};
use crate::core::wire::{encode_password, ApiConnection};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInMode {
    UserAndPassword,
    AccessToken,
}

/// The page before anyone is signed in: where Command Center is, and how to sign in.
#[component]
pub fn SignInPanel(connection: ConnectionState) -> impl IntoView {
    let mode = RwSignal::new(SignInMode::UserAndPassword);
    let on_signed_in = Callback::new(move |session: Session| connection.session.set(Some(session)));
    view! {
        <section class="panel sign-in" aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">"Sign in to Command Center"</h2>
            <fieldset class="mode-switch">
                <legend>"Sign in with"</legend>
                <ModeOption mode value=SignInMode::UserAndPassword label="A Command Center user" />
                <ModeOption mode value=SignInMode::AccessToken label="An access token" />
            </fieldset>
            <SignInForm connection mode=mode.into() with_base_url=true on_signed_in />
        </section>
    }
}

#[component]
fn ModeOption(mode: RwSignal<SignInMode>, value: SignInMode, label: &'static str) -> impl IntoView {
    view! {
        <label class="mode-option">
            <input
                type="radio"
                name="sign-in-mode"
                // Only these radios change the mode, and the browser keeps their state:
                // the initial choice is all there is to render.
                checked=mode.get_untracked() == value
                on:change=super::handler(move |_| mode.set(value))
            />
            {label}
        </label>
    }
}

/// The credentials and the button. On success the password or token input is emptied: the
/// secret now lives only in the session.
#[component]
pub fn SignInForm(
    connection: ConnectionState,
    mode: Signal<SignInMode>,
    /// The first sign-in also asks where Command Center is; signing in again does not.
    with_base_url: bool,
    on_signed_in: Callback<Session>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(Field, FieldError)>::new());
    let failure = RwSignal::new(None::<String>);

    // True while a sign-in is on its way; a second one is not started meanwhile.
    let pending = RwSignal::new(false);
    // The call in flight, for the Cancel button.
    let current_call = CurrentCall::new();
    let sign_in = move |attempt: SignInAttempt| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        let control = current_call.start(connection);
        leptos::task::spawn_local(async move {
            let outcome = attempt.run(connection, &control).await;
            pending.set(false);
            match outcome {
                Ok(session) => {
                    password.set(String::new());
                    token.set(String::new());
                    failure.set(None);
                    on_signed_in.run(session);
                }
                Err(message) => failure.set(Some(message)),
            }
        });
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let mut found = Vec::new();
        let base_url = check_base_url(&connection.api_base_url.get_untracked())
            .map_err(|e| found.push((Field::ApiBaseUrl, e)))
            .ok();
        let attempt = match mode.get_untracked() {
            SignInMode::UserAndPassword => login_request(
                &connection.user_name.get_untracked(),
                &password.get_untracked(),
            )
            .map_err(|mut e| found.append(&mut e))
            .ok()
            .map(|request| SignInKind::Login {
                request,
                password: password.get_untracked(),
            }),
            SignInMode::AccessToken => pasted_session(&token.get_untracked())
                .map_err(|e| found.push((Field::AccessToken, e)))
                .ok()
                .map(SignInKind::Token),
        };
        errors.set(found);
        if let (Some(base_url), Some(kind)) = (base_url, attempt) {
            sign_in(SignInAttempt { base_url, kind });
        }
    };

    let error_of = move |field: Field| {
        Signal::derive(move || {
            errors.with(|all| {
                all.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, e)| e.to_string())
            })
        })
    };
    let on_leave = Callback::new(|_: Field| {});
    // A memo, so that the fields below are only re-created when the mode switches.
    let user_and_password = Memo::new(move |_| mode.get() == SignInMode::UserAndPassword);

    view! {
        <form class="sign-in-form" novalidate on:submit=super::handler(on_submit)>
            {with_base_url.then(|| view! {
                <InputField
                    field=Field::ApiBaseUrl
                    value=connection.api_base_url
                    error=error_of(Field::ApiBaseUrl)
                    on_leave
                    hint="Where this browser reaches Command Center's REST API, usually /commandcenter/api on the same server."
                />
            })}
            {move || if user_and_password.get() {
                Either::Left(view! {
                    <InputField
                        field=Field::LoginUser
                        value=connection.user_name
                        error=error_of(Field::LoginUser)
                        on_leave
                        kind=InputKind { autocomplete: "username", ..InputKind::TEXT }
                    />
                    <InputField
                        field=Field::LoginPassword
                        value=password
                        error=error_of(Field::LoginPassword)
                        on_leave
                        kind=InputKind { autocomplete: "current-password", ..InputKind::SECRET }
                    />
                })
            } else {
                Either::Right(view! {
                    <InputField
                        field=Field::AccessToken
                        value=token
                        error=error_of(Field::AccessToken)
                        on_leave
                        kind=InputKind::SECRET
                        hint="An API access token or key created in Command Center. It stays in this tab's memory only."
                    />
                })
            }}
            <div class="form-actions">
                <button type="submit" id="sign-in" class="primary" disabled=super::reactive(move || pending.get())>
                    {move || match (pending.get(), mode.get()) {
                        (true, _) => "Signing in…",
                        (false, SignInMode::UserAndPassword) => "Sign in",
                        (false, SignInMode::AccessToken) => "Use this token",
                    }}
                </button>
                {current_call.cancel_button("sign-in-cancel", move || pending.get())}
            </div>
            <div id="sign-in-status" class="form-status">
                {super::reactive(move || failure.get().map(|text| {
                    Note::new("status status-failure", text).role("alert").view()
                }))}
            </div>
        </form>
    }
}

#[derive(Clone)]
struct SignInAttempt {
    base_url: String,
    kind: SignInKind,
}

#[derive(Clone)]
enum SignInKind {
    Login {
        request: crate::core::login::LoginRequest,
        /// To mask it out of any message the server sends back.
        password: String,
    },
    Token(Session),
}

impl SignInAttempt {
    /// Signs in; the error is the sentence to show. A pasted token is tried by loading the
    /// settings: only a 401 refuses it (anything else is the settings page's to explain).
    async fn run(
        self,
        connection: ConnectionState,
        control: &CallControl,
    ) -> Result<Session, String> {
        connection.api_base_url.set(self.base_url.clone());
        match self.kind {
            SignInKind::Login { request, password } => {
                api::login(&self.base_url, &request, control)
                    .await
                    .map_err(|error| {
                        let encoded = encode_password(&password);
                        redact(
                            &error.user_message(&self.base_url),
                            &[&password, encoded.expose()],
                        )
                    })
            }
            SignInKind::Token(session) => {
                let api_connection = ApiConnection {
                    base_url: self.base_url.clone(),
                    token: session.token.clone(),
                };
                match api::load_email_server(&api_connection, control).await {
                    Err(ApiError::Unauthorized) => Err(redact(
                        &ApiError::Unauthorized.user_message(&self.base_url, Operation::Login),
                        &[session.token.expose()],
                    )),
                    outcome => {
                        connection.first_load.set_value(Some(outcome));
                        Ok(session)
                    }
                }
            }
        }
    }
}

/// Shown over the settings when Command Center stops accepting the token: sign in again in
/// place, and the action that failed runs once more. Nothing typed in the form is touched.
#[component]
pub fn ReauthDialog(
    dialog: NodeRef<Dialog>,
    connection: ConnectionState,
    on_signed_in_again: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let mode = Signal::derive(move || {
        connection
            .session
            .with(|session| match session.as_ref().map(|s| &s.origin) {
                Some(SessionOrigin::PastedToken) => SignInMode::AccessToken,
                Some(SessionOrigin::Login { .. }) | None => SignInMode::UserAndPassword,
            })
    });
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let on_signed_in = Callback::new(move |session: Session| {
        connection.session.set(Some(session));
        close();
        on_signed_in_again.run(());
    });
    view! {
        <dialog
            node_ref=dialog
            id="reauth-dialog"
            class="review-dialog"
            aria-labelledby="reauth-title"
            aria-describedby="reauth-reason"
            // However it closes (Cancel, Escape, or signed in, after the retry was taken), nothing
            // is left waiting for a retry.
            on:close=super::handler(move |_| on_cancel.run(()))
        >
            <h2 id="reauth-title">"Sign in again"</h2>
            <p id="reauth-reason" role="alert">
                "Command Center did not accept the token (HTTP 401): the session has expired or the token was revoked. "
                "Sign in again to continue; what you typed in the form is kept and the action is retried."
            </p>
            <SignInForm connection mode with_base_url=false on_signed_in />
            <div class="dialog-actions">
                <button
                    type="button"
                    id="reauth-cancel"
                    on:click=super::handler(move |_| close())
                >
                    "Cancel"
                </button>
            </div>
        </dialog>
    }
}

/// Who is signed in, and the way out.
#[component]
pub fn SessionBar(connection: ConnectionState) -> impl IntoView {
    let signing_out = RwSignal::new(false);
    let sign_out = move |_| {
        let Some(session) = connection.session.get_untracked() else {
            return;
        };
        signing_out.set(true);
        let api_connection = ApiConnection {
            base_url: connection.api_base_url.get_untracked(),
            token: session.token.clone(),
        };
        leptos::task::spawn_local(async move {
            if matches!(session.origin, SessionOrigin::Login { .. }) {
                // Whatever the answer, the page forgets the token: a Logout that failed leaves a
                // session that expires on its own in 30 minutes.
                let _ = api::logout(&api_connection, &connection.new_call()).await;
            }
            connection.session.set(None);
            signing_out.set(false);
        });
    };
    view! {
        <div class="session-bar">
            <p id="session-user">
                {move || connection.session.with(|s| s.as_ref().map(Session::describe))}
            </p>
            <p class="session-where">{move || connection.api_base_url.get()}</p>
            <button type="button" id="sign-out" on:click=super::handler(sign_out) disabled=super::reactive(move || signing_out.get())>
                {super::reactive(move || if signing_out.get() { "Signing out…" } else { "Sign out" })}
            </button>
        </div>
    }
}
