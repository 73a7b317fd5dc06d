//! Labelled form controls. Each ties its label, hint, warning and error to the input with `for`,
//! `aria-describedby` and `aria-invalid`, so a screen reader reads them together.

use leptos::prelude::*;

use crate::core::settings::{Encryption, Field};
use crate::core::warnings::Warning;
use crate::words::{self, catalog as t};

/// The DOM id of a field's input; its hint and error use it as a prefix.
pub fn input_id(field: Field) -> &'static str {
    match field {
        Field::LoginUser => "login-user",
        Field::LoginPassword => "login-password",
        Field::AccessToken => "access-token",
        Field::ApiBaseUrl => "api-base-url",
        Field::SmtpServer => "smtp-server",
        Field::SmtpPort => "smtp-port",
        Field::Encryption => "encryption",
        Field::SenderEmail => "sender-email",
        Field::SenderName => "sender-name",
        Field::Authentication => "use-authentication",
        Field::Username => "smtp-username",
        Field::Password => "smtp-password",
    }
}

/// How an input behaves; the defaults suit plain technical text (no spell check, no capitals).
#[derive(Clone, Copy)]
pub struct InputKind {
    pub input_type: &'static str,
    pub autocomplete: &'static str,
    pub inputmode: Option<&'static str>,
    /// Masked until the administrator asks to see it.
    pub secret: bool,
}

impl InputKind {
    pub const TEXT: Self = Self {
        input_type: "text",
        autocomplete: "off",
        inputmode: None,
        secret: false,
    };
    pub const NUMBER: Self = Self {
        // type=number would turn "abc" into an empty value and hide the real mistake.
        inputmode: Some("numeric"),
        ..Self::TEXT
    };
    pub const EMAIL: Self = Self {
        input_type: "email",
        ..Self::TEXT
    };
    pub const SECRET: Self = Self {
        input_type: "password",
        secret: true,
        ..Self::TEXT
    };
}

#[component]
pub fn InputField(
    field: Field,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Called when the input loses focus: from then on its errors show as the administrator types.
    #[prop(optional)]
    on_leave: Option<Callback<Field>>,
    /// Called on every change the administrator makes.
    #[prop(optional)]
    on_input: Option<Callback<Field>>,
    #[prop(default = InputKind::TEXT)] kind: InputKind,
    #[prop(optional, into)] hint: MaybeProp<String>,
    #[prop(optional, into)] warning: Signal<Option<Warning>>,
) -> impl IntoView {
    let id = input_id(field);
    let revealed = RwSignal::new(false);
    let input_type = move || match (kind.secret, revealed.get()) {
        (true, false) => "password",
        (true, true) => "text",
        (false, _) => kind.input_type,
    };

    view! {
        // The invalid look hangs on aria-invalid (see main.css): one source for eyes and ears.
        <div class="field">
            <label for=id>{move || words::field_label(field)}</label>
            <div class="input-row">
                <input
                    id=id
                    name=id
                    type=input_type
                    autocomplete=kind.autocomplete
                    inputmode=kind.inputmode
                    spellcheck="false"
                    autocapitalize="off"
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=format!("{id}-description")
                    prop:value=value
                    on:input:target=move |ev| {
                        value.set(ev.target().value());
                        if let Some(on_input) = on_input {
                            on_input.run(field);
                        }
                    }
                    // Removing a focused input (signing in with Enter replaces the whole form)
                    // fires blur after the form's state is gone: then there is nothing to mark.
                    on:blur=move |_| {
                        if let Some(on_leave) = on_leave {
                            let _ = on_leave.try_run(field);
                        }
                    }
                />
                {kind.secret.then(|| view! { <RevealButton controls=id field revealed /> })}
            </div>
            <FieldDescription id hint error warning />
        </div>
    }
}

/// What `aria-describedby` names (`{id}-description`): the hint, the warning or note, and the
/// error, whichever are there. An error in the hint's own words replaces it rather than
/// saying it twice.
#[component]
fn FieldDescription(
    id: &'static str,
    #[prop(into)] hint: MaybeProp<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(into)] warning: Signal<Option<Warning>>,
) -> impl IntoView {
    view! {
        <div class="field-description" id=format!("{id}-description")>
            {move || hint.get().filter(|text| error.with(|error| error.as_ref() != Some(text))).map(|text| view! { <p class="field-hint" id=format!("{id}-hint")>{text}</p> })}
            {move || warning.get().map(|warning| view! { <FieldWarning warning /> })}
            {move || error.get().map(|text| view! { <p class="field-error" id=format!("{id}-error")>{text}</p> })}
        </div>
    }
}

/// A warning asks the administrator to look again; a note only informs. Neither stops a save.
/// The first word says which, so that it is not told by its colour alone.
#[component]
fn FieldWarning(warning: Warning) -> impl IntoView {
    let note = warning.is_note();
    let kind = move || {
        if note {
            t::note_label()
        } else {
            t::warning_label()
        }
    };
    view! {
        <p class=if note { "field-note" } else { "field-warning" }>
            <strong>{kind}</strong>" "{move || words::warning(warning)}
        </p>
    }
}

/// "Show"/"Hide" for a masked input; the hidden words name which secret it reveals, so that
/// two such buttons are told apart by a screen reader.
#[component]
fn RevealButton(controls: &'static str, field: Field, revealed: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="reveal"
            aria-controls=controls
            on:click=move |_| revealed.update(|shown| *shown = !*shown)
        >
            {move || if revealed.get() { t::button_hide() } else { t::button_show() }}
            // Read out as "Show Password": a screen reader does not care about the capital.
            <span class="visually-hidden">" "{move || words::field_label(field)}</span>
        </button>
    }
}

/// A yes/no setting; the label follows the box, as is usual for checkboxes.
#[component]
pub fn CheckboxField(
    field: Field,
    value: RwSignal<bool>,
    #[prop(into)] hint: Signal<String>,
    #[prop(optional, into)] warning: Signal<Option<Warning>>,
) -> impl IntoView {
    let id = input_id(field);
    view! {
        <div class="field field-checkbox">
            <input type="checkbox" id=id name=id aria-describedby=format!("{id}-description") prop:checked=value on:change:target=move |ev| value.set(ev.target().checked()) />
            <label for=id>{move || words::field_label(field)}</label>
            <FieldDescription id hint warning />
        </div>
    }
}

/// The encryption list; a choice goes to `on_choose`, which may change the port with it.
#[component]
pub fn EncryptionSelect(
    #[prop(into)] value: Signal<Encryption>,
    on_choose: Callback<Encryption>,
    #[prop(into)] hint: Signal<String>,
    #[prop(optional, into)] warning: Signal<Option<Warning>>,
) -> impl IntoView {
    let id = input_id(Field::Encryption);
    // The select's `value` property follows later changes, but it is set before the options
    // exist, so the first choice comes from `selected`.
    let initial = value.get_untracked();
    view! {
        <div class="field">
            <label for=id>{move || words::field_label(Field::Encryption)}</label>
            <select
                id=id
                name=id
                aria-describedby=format!("{id}-description")
                prop:value=move || value.get().wire_name()
                on:change:target=move |ev| {
                    if let Some(encryption) = Encryption::from_wire_name(&ev.target().value()) {
                        on_choose.run(encryption);
                    }
                }
            >
                {Encryption::ALL
                    .into_iter()
                    .map(|option| view! {
                        <option value=option.wire_name() selected=option == initial>{move || words::encryption(option)}</option>
                    })
                    .collect_view()}
            </select>
            <FieldDescription id hint warning />
        </div>
    }
}
