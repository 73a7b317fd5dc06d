//! The "Email server" page: connection, mail server, sender and authentication; load what
//! Command Center has, review and save the changes, send a test mail.

use leptos::ev::SubmitEvent;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::connection::ConnectionState;
use super::current_call::CurrentCall;
use super::fields::{input_id, CheckboxField, EncryptionSelect, InputField, InputKind};
use super::form_state::FormState;
use super::load_status::{LoadState, LoadStatus};
use super::review::ReviewDialog;
use super::sign_in::ReauthDialog;
use super::status::{FormStatus, StatusArea};
use crate::api;
use crate::core::changes::Change;
use crate::core::errors::{redact, ApiError, Operation};
use crate::core::requests::{save_request, test_mail_request};
use crate::core::settings::{Baseline, Field, SettingsForm};
use crate::core::validation::{validate, validate_connection, FieldErrors};
use crate::core::wire::{encode_password, ApiConnection, SaveRequest, TestMailRequest};

/// A save waiting for, then going through, the administrator's confirmation.
#[derive(Clone)]
struct SaveAttempt {
    connection: ApiConnection,
    request: SaveRequest,
    /// The form as it was when Save was pressed, to tell later edits apart.
    submitted: SettingsForm,
    /// What Command Center will hold once the save succeeds.
    saved: SettingsForm,
}

#[derive(Clone)]
struct TestAttempt {
    connection: ApiConnection,
    request: TestMailRequest,
    password: String,
}

/// The call to run again once the administrator has signed in again after a 401.
#[derive(Clone)]
enum Retry {
    Load,
    Save(Box<SaveAttempt>),
    TestMail(TestAttempt),
}

#[component]
pub fn EmailServerPage(connection: ConnectionState) -> impl IntoView {
    let form = FormState::new(connection);
    let status = RwSignal::new(None::<FormStatus>);
    let load_state = RwSignal::new(LoadState::Loading);
    // Each load gets a number; an answer that is not for the newest one is dropped.
    let load_generation = StoredValue::new(0_u64);
    let review_dialog = NodeRef::<Dialog>::new();
    let under_review = RwSignal::new(None::<Vec<Change>>);
    let awaiting_confirmation = StoredValue::new(None::<SaveAttempt>);
    // The call in flight, for the Cancel button.
    let current_call = CurrentCall::new();
    let start_call = move || current_call.start(connection);
    let reauth_dialog = NodeRef::<Dialog>::new();
    let retry_after_sign_in = StoredValue::new(None::<Retry>);
    let ask_to_sign_in_again = move |retry: Retry| {
        retry_after_sign_in.set_value(Some(retry));
        if let Some(dialog) = reauth_dialog.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    let take_load_outcome =
        move |outcome: Result<Baseline, ApiError>, connection: &ApiConnection| match outcome {
            Ok(baseline) => {
                let configured = matches!(baseline, Baseline::Configured(_));
                form.take_loaded(baseline);
                load_state.set(LoadState::Loaded { configured });
            }
            Err(error) => {
                if error == ApiError::Unauthorized {
                    ask_to_sign_in_again(Retry::Load);
                }
                load_state.set(LoadState::Failed(failure_text(
                    &error,
                    Operation::Load,
                    connection,
                    "",
                )));
            }
        };

    let load = move || {
        let Some(connection) = validate_connection(&form.connection_untracked()) else {
            return;
        };
        let generation = load_generation.get_value() + 1;
        load_generation.set_value(generation);
        load_state.set(LoadState::Loading);
        let control = start_call();
        spawn_local(async move {
            let outcome = api::load_email_server(&connection, &control).await;
            if load_generation.get_value() == generation {
                take_load_outcome(outcome, &connection);
            }
        });
    };
    // Signing in with a pasted token already fetched the settings; otherwise fetch them now.
    match (
        connection.take_first_load(),
        validate_connection(&form.connection_untracked()),
    ) {
        (Some(outcome), Some(api_connection)) => take_load_outcome(outcome, &api_connection),
        _ => load(),
    }
    let start_empty = move || {
        load_generation.set_value(load_generation.get_value() + 1);
        form.take_loaded(Baseline::NotConfigured);
        load_state.set(LoadState::StartedEmpty);
    };

    // True while a save or a test mail is on its way; a second one is not started meanwhile.
    let saving = RwSignal::new(false);
    let sending_test = RwSignal::new(false);
    let save = move |attempt: SaveAttempt| {
        if saving.get_untracked() {
            return;
        }
        // Captured now, while the form still holds it, to mask it in whatever the server says.
        let password = form.password.get_untracked();
        let control = start_call();
        saving.set(true);
        spawn_local(async move {
            let outcome =
                api::save_email_server(&attempt.connection, &attempt.request, &control).await;
            saving.set(false);
            match outcome {
                Ok(()) => {
                    form.take_saved(&attempt.submitted, attempt.saved.clone());
                    status.set(Some(FormStatus::Success(format!(
                        "Email server settings saved. Command Center now sends mail through {}:{}.",
                        attempt.saved.smtp_server, attempt.saved.smtp_port
                    ))));
                }
                Err(error) => {
                    status.set(Some(FormStatus::Failure(failure_text(
                        &error,
                        Operation::Save,
                        &attempt.connection,
                        &password,
                    ))));
                    if error == ApiError::Unauthorized {
                        ask_to_sign_in_again(Retry::Save(Box::new(attempt)));
                    }
                }
            }
        });
    };
    let test_mail = move |attempt: TestAttempt| {
        if sending_test.get_untracked() {
            return;
        }
        let control = start_call();
        sending_test.set(true);
        spawn_local(async move {
            let outcome =
                api::send_test_mail(&attempt.connection, &attempt.request, &control).await;
            sending_test.set(false);
            if outcome == Err(ApiError::Unauthorized) {
                ask_to_sign_in_again(Retry::TestMail(attempt.clone()));
            }
            status.set(Some(match outcome {
                Ok(()) => FormStatus::Success(
                    "Test email sent to the email address of the Command Center user you are signed \
                     in as. If it does not arrive, check that mailbox's spam folder. The settings \
                     were not saved."
                        .to_owned(),
                ),
                Err(error) => FormStatus::Failure(failure_text(
                    &error,
                    Operation::TestMail,
                    &attempt.connection,
                    &attempt.password,
                )),
            }));
        });
    };

    let busy = Signal::derive(move || {
        saving.get() || sending_test.get() || load_state.with(|s| *s == LoadState::Loading)
    });
    let dirty = Signal::derive(move || form.changes.with(|changes| !changes.is_empty()));
    // Until Command Center's settings are known (or the administrator chose to start empty),
    // a save could overwrite settings the page never saw.
    let baseline_known = Signal::derive(move || {
        load_state.with(|s| matches!(s, LoadState::Loaded { .. } | LoadState::StartedEmpty))
    });
    let can_save = Signal::derive(move || dirty.get() && baseline_known.get() && !busy.get());
    warn_before_leaving_with(dirty);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // The button is disabled then, but Enter in a field still submits the form.
        if !can_save.get_untracked() {
            return;
        }
        form.mark_submit_attempted();
        let (baseline, submitted) = (form.baseline.get_untracked(), form.settings_untracked());
        match validate(&form.connection_untracked(), &submitted, &baseline) {
            Err(errors) => report_invalid(&errors, Operation::Save, status),
            Ok(valid) => {
                status.set(None);
                awaiting_confirmation.set_value(Some(SaveAttempt {
                    connection: valid.connection,
                    request: save_request(&valid.settings, &baseline),
                    saved: valid.settings.saved_form(),
                    submitted,
                }));
                under_review.set(Some(form.changes.get_untracked()));
                if let Some(dialog) = review_dialog.get_untracked() {
                    // Fails only if the dialog is already open, which a modal dialog prevents.
                    let _ = dialog.show_modal();
                }
            }
        }
    };
    let confirm_save = Callback::new(move |()| {
        let mut attempt = None;
        awaiting_confirmation.update_value(|waiting| attempt = waiting.take());
        if let Some(attempt) = attempt {
            save(attempt);
        }
    });
    let send_test_mail = move |_| {
        if busy.get_untracked() {
            return;
        }
        form.mark_submit_attempted();
        let baseline = form.baseline.get_untracked();
        let password = form.password.get_untracked();
        match validate(
            &form.connection_untracked(),
            &form.settings_untracked(),
            &baseline,
        ) {
            Err(errors) => report_invalid(&errors, Operation::TestMail, status),
            Ok(valid) => match test_mail_request(&valid.settings, &baseline) {
                Err(problem) => {
                    status.set(Some(FormStatus::Failure(problem.to_string())));
                    focus_input(Field::Password);
                }
                Ok(request) => {
                    status.set(None);
                    test_mail(TestAttempt {
                        connection: valid.connection,
                        request,
                        password,
                    });
                }
            },
        }
    };
    let discard = move |_| {
        form.discard_changes();
        status.set(None);
    };

    let retry_with_new_token = Callback::new(move |()| {
        let mut retry = None;
        retry_after_sign_in.update_value(|waiting| retry = waiting.take());
        let Some(token) = connection
            .session
            .with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
        else {
            return;
        };
        match retry {
            Some(Retry::Load) => load(),
            Some(Retry::Save(mut attempt)) => {
                attempt.connection.token = token;
                status.set(None);
                save(*attempt);
            }
            Some(Retry::TestMail(mut attempt)) => {
                attempt.connection.token = token;
                status.set(None);
                test_mail(attempt);
            }
            None => {}
        }
    });
    let forget_retry = Callback::new(move |()| retry_after_sign_in.set_value(None));

    let on_leave = Callback::new(move |field: Field| form.mark_touched(field));
    let reload = Callback::new(move |()| load());
    let field_error = move |field: Field| form.visible_error(field);
    let password_hint = Signal::derive(move || {
        form.baseline
            .with(Baseline::has_saved_password)
            .then_some("Saved password kept unless you type a new one.")
    });
    let updating =
        Signal::derive(move || form.baseline.with(|b| matches!(b, Baseline::Configured(_))));
    // Memos, so that the fields and the button below are only re-created when they appear.
    let use_authentication = Memo::new(move |_| form.use_authentication.get());
    let show_cancel = Memo::new(move |_| busy.get());

    view! {
        <div class="settings">
            <form class="settings-form" novalidate on:submit=super::handler(on_submit)>
                <LoadStatus
                    state=load_state
                    on_retry=reload
                    on_start_empty=Callback::new(move |()| start_empty())
                />
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
                            hint="Usually 25, 587 (TLS) or 465 (SSL)."
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
                    <CheckboxField
                        field=Field::Authentication
                        value=form.use_authentication
                        hint="Turn on when the mail server only accepts mail after signing in."
                    />
                    {move || use_authentication.get().then(|| view! {
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
                            hint=password_hint
                            kind=InputKind {
                                // Keeps browsers from offering the administrator's own saved password.
                                autocomplete: "new-password",
                                ..InputKind::SECRET
                            }
                        />
                    })}
                </fieldset>
                <div class="form-actions">
                    <button
                        type="submit"
                        id="save"
                        class="primary"
                        disabled=super::reactive(move || !can_save.get())
                    >
                        {super::reactive(move || if saving.get() { "Saving…" } else { "Save" })}
                    </button>
                    <button
                        type="button"
                        id="discard"
                        disabled=super::reactive(move || busy.get() || !dirty.get())
                        on:click=super::handler(discard)
                    >
                        "Discard changes"
                    </button>
                    <button
                        type="button"
                        id="send-test"
                        aria-describedby="send-test-note"
                        disabled=super::reactive(move || busy.get())
                        on:click=super::handler(send_test_mail)
                    >
                        {super::reactive(move || if sending_test.get() { "Sending…" } else { "Send test email" })}
                    </button>
                    {current_call.cancel_button("cancel-request", move || show_cancel.get())}
                </div>
                <p class="form-note" id="send-test-note">
                    "The test email uses the settings above without saving them, and goes to the email address of the Command Center user you are signed in as."
                </p>
                <StatusArea status />
            </form>
            <ReviewDialog dialog=review_dialog changes=under_review updating on_confirm=confirm_save />
            <ReauthDialog
                dialog=reauth_dialog
                connection
                on_signed_in_again=retry_with_new_token
                on_cancel=forget_retry
            />
        </div>
    }
}

/// Asks before the tab is closed or reloaded while changes are unsaved.
fn warn_before_leaving_with(dirty: Signal<bool>) {
    // The listener lives as long as the page; the handle is only needed to remove it.
    let _listener = window_event_listener(leptos::ev::beforeunload, move |event| {
        if dirty.get_untracked() {
            event.prevent_default();
        }
    });
}

/// The message for a failed call, with every secret the call involved masked out.
fn failure_text(
    error: &ApiError,
    operation: Operation,
    connection: &ApiConnection,
    password: &str,
) -> String {
    let message = error.user_message(&connection.base_url, operation);
    let encoded = encode_password(password);
    redact(
        &message,
        &[connection.token.expose(), password, encoded.expose()],
    )
}

fn report_invalid(
    errors: &FieldErrors,
    operation: Operation,
    status: RwSignal<Option<FormStatus>>,
) {
    let action = match operation {
        Operation::TestMail => "sending a test email",
        Operation::Save | Operation::Load | Operation::Login => "saving",
    };
    let message = match errors.len() {
        1 => format!("Fix the highlighted field before {action}: nothing was sent."),
        n => format!("Fix the {n} highlighted fields before {action}: nothing was sent."),
    };
    status.set(Some(FormStatus::Failure(message)));
    if let Some(first) = errors.first() {
        focus_input(first);
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
