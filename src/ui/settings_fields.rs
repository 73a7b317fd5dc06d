//! The settings form's fields: the mail server, the sender, and the sign-in at the mail server.

use leptos::prelude::*;

use super::fields::{CheckboxField, EncryptionSelect, InputField, InputKind};
use super::form_state::FormState;
use super::provider_select::ProviderSelect;
use crate::core::settings::Field;
use crate::words::{self, catalog as t};

#[component]
pub fn SettingsFields(form: FormState) -> impl IntoView {
    let on_leave = Callback::new(move |field: Field| form.mark_touched(field));
    let password_hint = Signal::derive(move || words::password_hint(form.saved_password.get()));
    view! {
        <fieldset>
            <legend>{move || t::legend_mail_server()}</legend>
            <ProviderSelect
                value=Signal::derive(move || form.provider())
                on_choose=Callback::new(move |provider| form.choose_provider(provider))
            />
            <div class="field-row">
                <InputField
                    field=Field::SmtpServer
                    value=form.smtp_server
                    error=form.visible_error(Field::SmtpServer)
                    on_leave
                    hint=Signal::derive(t::field_smtp_server_hint)
                />
                <InputField
                    field=Field::SmtpPort
                    value=form.smtp_port
                    error=form.visible_error(Field::SmtpPort)
                    on_leave
                    kind=InputKind::NUMBER
                    hint=form.port_hint()
                    warning=form.warning_under(Field::SmtpPort)
                />
            </div>
            <EncryptionSelect
                value=form.encryption
                on_choose=Callback::new(move |encryption| form.choose_encryption(encryption))
                hint=Signal::derive(t::field_encryption_hint)
                warning=form.warning_under(Field::Encryption)
            />
        </fieldset>
        <fieldset>
            <legend>{move || t::legend_sender()}</legend>
            <InputField
                field=Field::SenderEmail
                value=form.sender_email
                error=form.visible_error(Field::SenderEmail)
                on_leave
                kind=InputKind::EMAIL
                hint=Signal::derive(t::field_sender_email_hint)
            />
            <InputField
                field=Field::SenderName
                value=form.sender_name
                error=form.visible_error(Field::SenderName)
                on_leave
                hint=Signal::derive(t::field_sender_name_hint)
            />
        </fieldset>
        <fieldset>
            <legend>{move || t::legend_authentication()}</legend>
            <CheckboxField
                field=Field::Authentication
                value=form.use_authentication
                hint=Signal::derive(t::field_authentication_hint)
                warning=form.warning_under(Field::Authentication)
            />
            // Re-created only when sign-in is switched: `<Show>` memoises its condition.
            <Show when=move || form.use_authentication.get()>
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
                    warning=form.warning_under(Field::Password)
                    // Keeps browsers from offering the administrator's own saved password.
                    kind=InputKind { autocomplete: "new-password", ..InputKind::SECRET }
                />
            </Show>
        </fieldset>
    }
}
