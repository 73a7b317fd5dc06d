//! The first sign-in: the form index.html paints before the wasm arrives. The app takes it over
//! where it stands rather than rendering its own (a new input would lose what was typed into the
//! old one, an autofilled password, the focus, the caret and an IME composition). Its inputs stay
//! uncontrolled: the app reads them when it signs in. startup/early.js keeps switching between
//! user and token and revealing secrets; the app adds the sign-in itself, its errors and its
//! status, and takes the form out of the page while someone is signed in (the "Sign in again"
//! dialog has fields of the same ids).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlButtonElement, HtmlElement, HtmlInputElement, KeyboardEvent};

use super::connection::ConnectionState;
use super::current_call::CurrentCall;
use super::fields::input_id;
use super::portal::PortalState;
use super::sign_in::sign_in_action;
use crate::core::login::{sign_in_attempt, Session, SignInMode, SignInValues};
use crate::core::settings::Field;
use crate::core::validation::FieldErrors;
use crate::words::{self, catalog as t};

/// The fields of the form, each with its place for an error.
const FIELDS: [Field; 4] = [
    Field::ApiBaseUrl,
    Field::LoginUser,
    Field::LoginPassword,
    Field::AccessToken,
];

/// Takes the form over, if the page has one.
pub fn take_over() {
    let connection = expect_context::<ConnectionState>();
    let (Some(panel), Some(parent)) = (by_id("sign-in-panel"), by_id("app")) else {
        return;
    };
    let root = document().document_element();
    if let Some(root) = &root {
        // From now on startup/early.js leaves the press of "Sign in" to the app.
        let _ = root.set_attribute("data-app-started", "");
    }
    // How far the start was is over: gone before the app changes the row of buttons it stands
    // in (a Cancel beside a line about to go would wrap the row, and the page would jump).
    remove_all(".start-progress, .start-stalled");
    let panel = StoredValue::new_local(panel);
    let current_call = CurrentCall::new();
    let sign_in = sign_in_action(
        current_call,
        Callback::new(move |outcome: Result<Session, String>| match outcome {
            Ok(session) => {
                for secret in [Field::LoginPassword, Field::AccessToken] {
                    set_value(secret, "");
                }
                connection.session.try_set(Some(session));
            }
            Err(message) => show_failure(Some(&message)),
        }),
    );
    let pending = sign_in.pending();
    // A press before config.json has been read (recorded by startup/early.js before the app ran,
    // or made since) waits for it: until then the sign-in could go to the wrong address.
    let requested =
        by_id("sign-in-form").is_some_and(|f| f.has_attribute("data-sign-in-requested"));
    let waiting_for_config = RwSignal::new(requested);
    // Said again in the page's language whenever that changes.
    let errors = RwSignal::new(FieldErrors::default());
    Effect::new(move |_| errors.with(show_errors));
    let busy = Memo::new(move |_| pending.get() || waiting_for_config.get());
    let submit = move || {
        if pending.get_untracked() {
            return;
        }
        let settled = connection.config_settled.get_untracked();
        waiting_for_config.set(!settled);
        show_failure(None);
        if !settled {
            return;
        }
        let values = FormValues::read();
        connection.user_name.set(values.user_name.clone());
        match sign_in_attempt(&values.as_sign_in()) {
            Ok(attempt) => {
                errors.set(FieldErrors::default());
                sign_in.dispatch(attempt);
            }
            Err(found) => errors.set(found),
        }
    };
    let cancel = move || {
        waiting_for_config.set(false);
        current_call.cancel();
    };
    listen(submit, cancel);
    follow_state(panel, parent, busy);
    Effect::new(move |_| {
        let waiting = waiting_for_config.get();
        show_reading_settings(waiting);
        if waiting && connection.config_settled.get() {
            submit();
        }
    });
}

/// The clicks and keys that sign in or cancel, and typing into the API base URL.
fn listen(submit: impl Fn() + Copy + 'static, cancel: impl Fn() + 'static) {
    let connection = expect_context::<ConnectionState>();
    on(by_id("sign-in"), "click", move |_| submit());
    on(by_id("sign-in-cancel"), "click", move |_| cancel());
    on(by_id("sign-in-form"), "keydown", move |event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let in_input = key
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .is_some();
        if key.key() == "Enter" && !key.is_composing() && in_input {
            submit();
        }
    });
    on(by_id(input_id(Field::ApiBaseUrl)), "input", move |_| {
        connection.api_base_url_typed.set_value(true);
    });
}

/// Shows what the page's state says: the form while nobody is signed in (and no portal is about
/// to sign in), its API base URL unless config.json fixes it, the button while a sign-in runs.
fn follow_state(panel: StoredValue<Element, LocalStorage>, parent: Element, busy: Memo<bool>) {
    let connection = expect_context::<ConnectionState>();
    let connecting_panel = by_id("portal-connecting");
    if let Some(body) = document().body() {
        // embed.html paints the waiting panel in place of the form; from here on, `hidden` says.
        let _ = body.class_list().remove_1("embedded");
    }
    Effect::new(move |_| {
        let connecting = connection.portal.state.get() == PortalState::Connecting;
        let signed_in = connection.session.with(Option::is_some);
        if let Some(waiting) = connecting_panel.as_ref() {
            set_hidden(waiting, !connecting);
        }
        panel.with_value(|panel| {
            if signed_in || connecting {
                panel.remove();
            } else if !panel.is_connected() {
                let _ = parent.append_with_node_1(panel);
            }
        });
    });
    Effect::new(move |_| {
        let changeable = connection.config.with(|c| c.allow_api_base_url_change);
        if let Some(field) = by_id("api-base-url-field") {
            set_hidden(&field, !changeable);
        }
        // config.json's base URL, or the one the administrator signed in with last.
        let url = connection.api_base_url.get();
        if value_of(Field::ApiBaseUrl) != url {
            set_value(Field::ApiBaseUrl, &url);
        }
    });
    Effect::new(move |_| {
        let waiting = busy.get();
        if let Some(button) = by_id("sign-in").and_then(|b| b.dyn_into::<HtmlButtonElement>().ok())
        {
            button.set_disabled(waiting);
            let _ = button.remove_attribute("aria-disabled");
            button.set_text_content(Some(&if waiting {
                t::button_signing_in()
            } else if FormValues::mode() == SignInMode::AccessToken {
                t::button_use_token()
            } else {
                t::button_sign_in()
            }));
        }
        if !waiting {
            if let Some(form) = by_id("sign-in-form") {
                let _ = form.remove_attribute("data-sign-in-requested");
            }
        }
        if let Some(cancel) = by_id("sign-in-cancel") {
            set_hidden(&cancel, !waiting);
        }
    });
}

/// What the form holds when the administrator asks to sign in.
struct FormValues {
    mode: SignInMode,
    base_url: String,
    user_name: String,
    password: String,
    token: String,
}

impl FormValues {
    fn read() -> Self {
        FormValues {
            mode: Self::mode(),
            base_url: value_of(Field::ApiBaseUrl),
            user_name: value_of(Field::LoginUser),
            password: value_of(Field::LoginPassword),
            token: value_of(Field::AccessToken),
        }
    }

    /// The radio startup/early.js keeps in step with the fields shown.
    fn mode() -> SignInMode {
        let token = document()
            .query_selector(r#"input[name="sign-in-mode"][value="token"]"#)
            .ok()
            .flatten()
            .and_then(|radio| radio.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|radio| radio.checked());
        if token {
            SignInMode::AccessToken
        } else {
            SignInMode::UserAndPassword
        }
    }

    fn as_sign_in(&self) -> SignInValues<'_> {
        SignInValues {
            mode: self.mode,
            base_url: &self.base_url,
            user_name: &self.user_name,
            password: &self.password,
            token: &self.token,
        }
    }
}

/// Each field's error under it, tied to it as the app's own fields do (`aria-describedby` names
/// the description, which holds the error; `aria-invalid` says there is one).
fn show_errors(errors: &FieldErrors) {
    for field in FIELDS {
        let id = input_id(field);
        if let Some(old) = by_id(&format!("{id}-error")) {
            old.remove();
        }
        let error = errors.get(field);
        if let Some(input) = by_id(id) {
            let _ = input.set_attribute(
                "aria-invalid",
                if error.is_some() { "true" } else { "false" },
            );
        }
        let (Some(error), Some(description)) = (error, by_id(&format!("{id}-description"))) else {
            continue;
        };
        if let Ok(paragraph) = document().create_element("p") {
            paragraph.set_class_name("field-error");
            paragraph.set_id(&format!("{id}-error"));
            paragraph.set_text_content(Some(&words::field_error(error)));
            let _ = description.append_with_node_1(&paragraph);
        }
    }
}

/// While a sign-in waits for config.json: says so beside the button, in its row, so that the
/// line's coming and going moves nothing.
fn show_reading_settings(waiting: bool) {
    const ID: &str = "sign-in-reading-settings";
    let row = document()
        .query_selector("#sign-in-form .form-actions")
        .ok()
        .flatten();
    let (Some(row), shown) = (row, by_id(ID)) else {
        return;
    };
    match (waiting, shown) {
        (false, Some(shown)) => shown.remove(),
        (true, None) => {
            if let Ok(line) = document().create_element("p") {
                line.set_class_name("actions-note");
                line.set_id(ID);
                let _ = line.set_attribute("role", "status");
                // early.js re-says it when the language changes, as index.html's own words.
                let _ = line.set_attribute("data-l10n-id", "sign-in-reading-settings");
                line.set_text_content(Some(&untrack(t::sign_in_reading_settings)));
                let _ = row.append_with_node_1(&line);
            }
        }
        _ => {}
    }
}

/// The failure of the last sign-in, as a new alert (announced), or none.
fn show_failure(message: Option<&str>) {
    let Some(status) = by_id("sign-in-status") else {
        return;
    };
    status.set_text_content(None);
    let Some(message) = message else {
        return;
    };
    if let Ok(alert) = document().create_element("p") {
        alert.set_class_name("status status-failure");
        let _ = alert.set_attribute("role", "alert");
        alert.set_text_content(Some(message));
        let _ = status.append_with_node_1(&alert);
    }
}

fn remove_all(selector: &str) {
    while let Ok(Some(element)) = document().query_selector(selector) {
        element.remove();
    }
}

fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

fn input(field: Field) -> Option<HtmlInputElement> {
    by_id(input_id(field)).and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
}

fn value_of(field: Field) -> String {
    input(field).map(|input| input.value()).unwrap_or_default()
}

fn set_value(field: Field, value: &str) {
    if let Some(input) = input(field) {
        input.set_value(value);
    }
}

fn set_hidden(element: &Element, hidden: bool) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        element.set_hidden(hidden);
    }
}

/// A listener for as long as the page lives.
fn on(target: Option<Element>, event: &str, handler: impl Fn(web_sys::Event) + 'static) {
    let Some(target) = target else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget();
}
