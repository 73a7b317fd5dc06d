//! Signing in again when a session expires: with a Command Center user name and password
//! (`POST /Login`), or with a pasted access token (checked by loading the settings with it). The
//! first sign-in is index.html's own form (`static_sign_in`), which signs in the same way.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::connection::ConnectionState;
use super::current_call::{CancelButton, CurrentCall};
use super::fields::{InputField, InputKind};
use crate::api::{self, CallControl};
use crate::core::login::{
    sign_in_attempt, Session, SignInAttempt, SignInKind, SignInMode, SignInValues,
};
use crate::core::settings::Field;
use crate::core::validation::FieldErrors;
use crate::core::wire::ApiConnection;
use crate::words::{self, catalog as t};

/// The credentials and the button. On success the password or token input is emptied: the
/// secret now lives only in the session.
#[component]
pub fn SignInForm(
    #[prop(into)] mode: Signal<SignInMode>,
    on_signed_in: Callback<Session>,
) -> impl IntoView {
    let connection = expect_context::<ConnectionState>();
    let password = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let failure = RwSignal::new(None::<String>);
    // The call in flight, for the Cancel button.
    let current_call = CurrentCall::new();

    let sign_in = sign_in_action(
        current_call,
        Callback::new(move |outcome: Result<Session, String>| match outcome {
            Ok(session) => {
                password.try_set(String::new());
                token.try_set(String::new());
                failure.try_set(None);
                let _ = on_signed_in.try_run(session);
            }
            Err(message) => {
                failure.try_set(Some(message));
            }
        }),
    );
    let pending = sign_in.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let attempt = sign_in_attempt(&SignInValues {
            mode: mode.get_untracked(),
            base_url: &connection.api_base_url.get_untracked(),
            user_name: &connection.user_name.get_untracked(),
            password: &password.get_untracked(),
            token: &token.get_untracked(),
        });
        match attempt {
            Ok(attempt) => {
                errors.set(FieldErrors::default());
                sign_in.dispatch(attempt);
            }
            Err(found) => errors.set(found),
        }
    };

    let error_of = move |field: Field| {
        Signal::derive(move || errors.with(|all| all.get(field).map(words::field_error)))
    };
    view! {
        <form class="sign-in-form" novalidate on:submit=on_submit>
            // Re-created only when the mode switches: `<Show>` memoises its condition.
            <Show
                when=move || mode.get() == SignInMode::UserAndPassword
                fallback=move || view! {
                    <InputField
                        field=Field::AccessToken
                        value=token
                        error=error_of(Field::AccessToken)
                        kind=InputKind::SECRET
                        hint=Signal::derive(t::field_access_token_hint)
                    />
                }
            >
                <InputField
                    field=Field::LoginUser
                    value=connection.user_name
                    error=error_of(Field::LoginUser)
                    kind=InputKind { autocomplete: "username", ..InputKind::TEXT }
                />
                <InputField
                    field=Field::LoginPassword
                    value=password
                    error=error_of(Field::LoginPassword)
                    kind=InputKind { autocomplete: "current-password", ..InputKind::SECRET }
                />
            </Show>
            <div class="form-actions">
                <button type="submit" id="sign-in" class="primary" disabled=pending>
                    {move || match (pending.get(), mode.get()) {
                        (true, _) => t::button_signing_in(),
                        (false, SignInMode::UserAndPassword) => t::button_sign_in(),
                        (false, SignInMode::AccessToken) => t::button_use_token(),
                    }}
                </button>
                <CancelButton id="sign-in-cancel" call=current_call waiting=pending />
            </div>
            <div id="sign-in-status" class="form-status">
                {move || failure.get().map(|text| view! {
                    <p class="status status-failure" role="alert">{text}</p>
                })}
            </div>
        </form>
    }
}

/// The sign-in call as an `Action`, cancelled by `call`'s Cancel; `done` gets the session, or
/// the sentence to show. Both sign-in forms use it.
pub(super) fn sign_in_action(
    call: CurrentCall,
    done: Callback<Result<Session, String>>,
) -> Action<SignInAttempt, ()> {
    let connection = expect_context::<ConnectionState>();
    Action::new_local(move |attempt: &SignInAttempt| {
        let (attempt, control) = (attempt.clone(), call.start());
        async move {
            let _ = done.try_run(signed_in(attempt, connection, &control).await);
        }
    })
}

/// Signs in; the error is the sentence to show. A pasted token is tried by loading the
/// settings with it; the settings page then shows what that load brought.
async fn signed_in(
    attempt: SignInAttempt,
    connection: ConnectionState,
    control: &CallControl,
) -> Result<Session, String> {
    connection.api_base_url.set(attempt.base_url.clone());
    match &attempt.kind {
        SignInKind::Login { request, .. } => api::login(&attempt.base_url, request, control)
            .await
            .map_err(|error| words::sign_in_failed(&attempt, &error)),
        SignInKind::Token(session) => {
            let api_connection = ApiConnection {
                base_url: attempt.base_url.clone(),
                token: session.token.clone(),
            };
            let outcome = api::load_email_server(&api_connection, control).await;
            let (session, first_load) = attempt
                .token_checked(session.clone(), outcome)
                .map_err(|error| words::sign_in_failed(&attempt, &error))?;
            connection.first_load.set_value(Some(first_load));
            Ok(session)
        }
    }
}
