//! The settings form's fields: the mail server, the sender, and the sign-in at the mail server.

use leptos::prelude::*;

use super::fields::{CheckboxField, EncryptionSelect, InputField, InputKind};
use super::form_state::FormState;
use crate::core::saved_password::SavedPassword;
use crate::core::settings::Field;

#[component]
pub fn SettingsFields(form: FormState) -> impl IntoView {
    let on_leave = Callback::new(move |field: Field| form.mark_touched(field));
    let password_hint = Signal::derive(move || match form.saved_password.get() {
        SavedPassword::NotSaved => None,
        SavedPassword::Reusable => Some("Saved password kept unless you type a new one."),
        SavedPassword::Withheld(reason) => Some(reason.explanation()),
    });
    // A memo, so that the credential fields are only re-created when sign-in is switched.
    let use_authentication = Memo::new(move |_| form.use_authentication.get());
    view! {
        <fieldset>
            <legend>"Mail server"</legend>
            <div class="field-row">
                <InputField
                    field=Field::SmtpServer
                    value=form.smtp_server
                    error=form.visible_error(Field::SmtpServer)
                    on_leave
                    hint="Host name or IP address, without http:// or a port."
                />
                <InputField
                    field=Field::SmtpPort
                    value=form.smtp_port
                    error=form.visible_error(Field::SmtpPort)
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
                error=form.visible_error(Field::SenderEmail)
                on_leave
                kind=InputKind::EMAIL
                hint="The From address of every mail Command Center sends."
            />
            <InputField
                field=Field::SenderName
                value=form.sender_name
                error=form.visible_error(Field::SenderName)
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
                    error=form.visible_error(Field::Username)
                    on_leave
                />
                <InputField
                    field=Field::Password
                    value=form.password
                    error=form.visible_error(Field::Password)
                    on_leave
                    hint=password_hint
                    // Keeps browsers from offering the administrator's own saved password.
                    kind=InputKind { autocomplete: "new-password", ..InputKind::SECRET }
                />
            })}
        </fieldset>
    }
}
