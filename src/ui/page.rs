//! The "Email server" page: connection, mail server, sender and authentication, and Save.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::fields::{input_id, EncryptionSelect, InputField, InputKind};
use super::form_state::FormState;
use super::status::{FormStatus, StatusArea};
use crate::api;
use crate::core::errors::redact;
use crate::core::settings::Field;
use crate::core::validation::{validate, FieldErrors, ValidatedForm};
use crate::core::wire::encode_password;

#[component]
pub fn EmailServerPage() -> impl IntoView {
    let form = FormState::new();
    let status = RwSignal::new(None::<FormStatus>);
    let config_problem = RwSignal::new(None::<String>);
    load_config_into(form, config_problem);

    let save = Action::new_local(move |validated: &ValidatedForm| {
        let validated = validated.clone();
        // Captured now, while the form still holds it, to mask it in whatever the server says.
        let password = form.password.get_untracked();
        async move {
            let outcome =
                api::configure_email_server(&validated.connection, &validated.request).await;
            status.set(Some(save_status(outcome, &validated, &password)));
        }
    });
    let saving = save.pending();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // The button is disabled while saving, but Enter in a field still submits the form.
        if saving.get_untracked() {
            return;
        }
        form.mark_save_attempted();
        match validate(&form.connection_untracked(), &form.settings_untracked()) {
            Ok(validated) => {
                status.set(None);
                save.dispatch(validated);
            }
            Err(errors) => {
                status.set(Some(FormStatus::Failure(invalid_form_message(&errors))));
                if let Some(first) = errors.first() {
                    focus_input(first);
                }
            }
        }
    };
    let on_leave = Callback::new(move |field: Field| form.mark_touched(field));
    let field_error = move |field: Field| form.visible_error(field);

    view! {
        <div class="page">
            <header class="page-header">
                <p class="eyebrow">"Command Center"</p>
                <h1>"Email server"</h1>
                <p class="lead">
                    "Command Center sends alerts, scheduled reports and log files through this mail server."
                </p>
            </header>
            {move || config_problem.get().map(|problem| view! {
                <p class="notice">{problem} " The page uses the default API base URL."</p>
            })}
            <form class="settings-form" novalidate on:submit=on_submit>
                <fieldset>
                    <legend>"Command Center connection"</legend>
                    <InputField
                        field=Field::AccessToken
                        value=form.access_token
                        error=field_error(Field::AccessToken)
                        on_leave
                        kind=InputKind::SECRET
                        hint="An API access token, or the token of a signed-in Command Center session. It stays in this tab's memory only."
                    />
                    <InputField
                        field=Field::ApiBaseUrl
                        value=form.api_base_url
                        error=field_error(Field::ApiBaseUrl)
                        on_leave
                        hint="Where this browser reaches Command Center's REST API, usually /commandcenter/api on the same server."
                    />
                </fieldset>
                <fieldset>
                    <legend>"Mail server"</legend>
                    <div class="field-row">
                        <InputField
                            field=Field::SmtpServer
                            value=form.smtp_server
                            error=field_error(Field::SmtpServer)
                            on_leave
                            hint="Host name or IP address, without http:// or a port."
                        />
                        <InputField
                            field=Field::SmtpPort
                            value=form.smtp_port
                            error=field_error(Field::SmtpPort)
                            on_leave
                            kind=InputKind::NUMBER
                            hint="Usually 25, 587 with TLS, or 465 with SSL."
                        />
                    </div>
                    <EncryptionSelect
                        value=form.encryption
                        hint="Use what the mail server offers; TLS upgrades the connection with STARTTLS."
                    />
                </fieldset>
                <fieldset>
                    <legend>"Sender"</legend>
                    <InputField
                        field=Field::SenderEmail
                        value=form.sender_email
                        error=field_error(Field::SenderEmail)
                        on_leave
                        kind=InputKind::EMAIL
                        hint="The From address of every mail Command Center sends."
                    />
                    <InputField
                        field=Field::SenderName
                        value=form.sender_name
                        error=field_error(Field::SenderName)
                        on_leave
                        hint="Shown to recipients as the sender, for example Backup alerts."
                    />
                </fieldset>
                <fieldset>
                    <legend>"Authentication"</legend>
                    <p class="fieldset-hint">
                        "Only when the mail server requires sign-in; otherwise leave both empty."
                    </p>
                    <InputField
                        field=Field::Username
                        value=form.username
                        error=field_error(Field::Username)
                        on_leave
                    />
                    <InputField
                        field=Field::Password
                        value=form.password
                        error=field_error(Field::Password)
                        on_leave
                        kind=InputKind {
                            // Keeps browsers from offering the administrator's own saved password.
                            autocomplete: "new-password",
                            ..InputKind::SECRET
                        }
                    />
                </fieldset>
                <div class="form-actions">
                    <button type="submit" id="save" class="primary" disabled=move || saving.get()>
                        {move || if saving.get() { "Saving…" } else { "Save" }}
                    </button>
                </div>
                <StatusArea status />
            </form>
        </div>
    }
}

/// Fills the base URL from `config.json` unless the administrator already changed it.
fn load_config_into(form: FormState, problem: RwSignal<Option<String>>) {
    spawn_local(async move {
        match api::load_runtime_config().await {
            Ok(config) => {
                if !form.is_touched_untracked(Field::ApiBaseUrl) {
                    form.api_base_url.set(config.api_base_url);
                }
            }
            Err(reason) => problem.set(Some(reason)),
        }
    });
}

fn save_status(
    outcome: Result<(), crate::core::errors::ApiError>,
    validated: &ValidatedForm,
    password: &str,
) -> FormStatus {
    match outcome {
        Ok(()) => FormStatus::Success(format!(
            "Email server settings saved. Command Center now sends mail through {}:{}.",
            validated.request.smtp_server_name, validated.request.smtp_port
        )),
        Err(error) => {
            let message = error.user_message(&validated.connection.base_url);
            let encoded = encode_password(password);
            let secrets = [
                validated.connection.token.expose(),
                password,
                encoded.as_str(),
            ];
            FormStatus::Failure(redact(&message, &secrets))
        }
    }
}

fn invalid_form_message(errors: &FieldErrors) -> String {
    match errors.len() {
        1 => "Fix the highlighted field before saving: nothing was sent.".to_owned(),
        n => format!("Fix the {n} highlighted fields before saving: nothing was sent."),
    }
}

/// Waits a frame so that the field's error is in the page when focus lands and a screen reader
/// reads the field with its description.
fn focus_input(field: Field) {
    request_animation_frame(move || {
        let input = document()
            .get_element_by_id(input_id(field))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(input) = input {
            // Focus can only fail on a detached element; then there is nothing to move to.
            let _ = input.focus();
        }
    });
}
