//! The page's language: chosen from its sources in their order (`core::language::choose`), again
//! whenever one of them changes (`config.json` arrives, the portal names its language, the
//! administrator picks one from the menu), and spoken once its catalog has arrived. Until then,
//! and when a catalog cannot be used, the page speaks English; everything typed stays, since every
//! text re-says itself where it stands (`words::translation`).

use js_sys::{Object, Reflect};
use leptos::portal::Portal;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit};

use super::connection::ConnectionState;
use crate::api::{self, CallControl};
use crate::core::language::{catalog_url, choose, CatalogProblem, Language, LanguageSources};
use crate::words::translation::{current_language, speak, Translation};
use crate::words::{self, catalog as t};

/// The event with which the page's language reaches startup/early.js.
const LANGUAGE_EVENT: &str = "commandcenter-email:language";

/// Where the menu's choice is kept: the one thing the page stores, and no secret.
const STORAGE_KEY: &str = "commandcenter-email:language";

#[derive(Clone, Copy)]
pub struct LanguageState {
    /// The language the sources choose now: the menu shows it, the page speaks it once its
    /// catalog has arrived.
    pub wanted: RwSignal<Language>,
    /// The administrator's choice from the menu, also when the browser refuses to store it.
    chosen: RwSignal<Option<String>>,
    /// A language whose catalog could not be used, and why.
    pub problem: RwSignal<Option<(Language, CatalogProblem)>>,
    /// The catalog on its way: a choice made meanwhile cancels it.
    fetching: StoredValue<Option<CallControl>, LocalStorage>,
}

impl LanguageState {
    /// Chooses the language now, and again whenever a source changes.
    pub fn start(connection: ConnectionState) -> Self {
        let state = Self {
            wanted: RwSignal::new(Language::English),
            chosen: RwSignal::new(stored_choice()),
            problem: RwSignal::new(None),
            fetching: StoredValue::new_local(None),
        };
        let browser = browser_languages();
        Effect::new(move |_| {
            let chosen = state.chosen.get();
            let portal = connection.portal_language.get();
            let language = connection.config.with(|config| {
                let sources = LanguageSources {
                    chosen: chosen.as_deref(),
                    configured: config.language(),
                    portal: portal.as_deref(),
                    browser: &browser,
                };
                choose(&sources, config.allow_language_change)
            });
            if language != state.wanted.get_untracked() || language != current_language() {
                untrack(|| state.speak(language, connection));
            }
        });
        state
    }

    /// The administrator's choice from the menu.
    pub fn choose(&self, language: Language) {
        if let Some(storage) = window().local_storage().ok().flatten() {
            // A browser that refuses (private mode, a policy) still keeps the choice for this visit.
            let _ = storage.set_item(STORAGE_KEY, language.tag());
        }
        self.chosen.set(Some(language.tag().to_owned()));
    }

    fn speak(self, language: Language, connection: ConnectionState) {
        self.wanted.set(language);
        if let Some(earlier) = self.fetching.get_value() {
            earlier.cancel();
        }
        if language == Language::English {
            self.fetching.set_value(None);
            self.spoken(None);
            return;
        }
        let control = connection.new_call();
        self.fetching.set_value(Some(control.clone()));
        let files = document()
            .document_element()
            .and_then(|root| root.get_attribute("data-language-files"));
        let url = catalog_url(files.as_deref(), language);
        spawn_local(async move {
            let loaded = api::load_catalog(&url, &control).await;
            if self.wanted.get_untracked() != language {
                return;
            }
            self.fetching.set_value(None);
            match loaded.and_then(|text| Translation::parse(language, text, t::IDS)) {
                Ok(translation) => self.spoken(Some(translation)),
                Err(problem) => {
                    self.spoken(None);
                    self.problem.set(Some((language, problem)));
                }
            }
        });
    }

    fn spoken(self, translation: Option<Translation>) {
        let language = translation
            .as_ref()
            .map_or(Language::English, Translation::language);
        speak(translation);
        self.problem.set(None);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", language.tag());
        }
        tell_early_script(language);
    }
}

/// index.html's words and early.js's in the language spoken now: early.js relabels the page's
/// own form with them (the app took it over where it stands) and says its messages in them.
fn tell_early_script(language: Language) {
    let messages = Object::new();
    for (id, say) in t::STARTUP {
        let _ = Reflect::set(
            &messages,
            &JsValue::from_str(id),
            &JsValue::from_str(&say()),
        );
    }
    let detail = Object::new();
    let _ = Reflect::set(
        &detail,
        &JsValue::from_str("language"),
        &JsValue::from_str(language.tag()),
    );
    let _ = Reflect::set(&detail, &JsValue::from_str("messages"), &messages);
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(LANGUAGE_EVENT, &init) {
        let _ = window().dispatch_event(&event);
    }
}

fn stored_choice() -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
}

fn browser_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// The language menu, in the page's header (index.html's, painted before the wasm), where it
/// stands apart from the forms below; `config.json`'s `allowLanguageChange: false` leaves it out.
#[component]
pub fn LanguageMenu(language: LanguageState, connection: ConnectionState) -> impl IntoView {
    let shown = move || {
        connection.config_settled.get() && connection.config.with(|c| c.allow_language_change)
    };
    let header = document().query_selector(".page-header").ok().flatten();
    let menu = header.map(|header| {
        view! {
            <Show when=shown>
                <Portal mount=header.clone()>
                    <div class="language-menu">
                        <label for="language">{move || t::language_label()}</label>
                        <select
                            id="language"
                            on:change:target=move |event| {
                                if let Some(chosen) = Language::matching(&event.target().value()) {
                                    language.choose(chosen);
                                }
                            }
                        >
                            {Language::ALL.map(|option| view! {
                                <option
                                    value=option.tag()
                                    lang=option.tag()
                                    prop:selected=move || language.wanted.get() == option
                                >
                                    {option.own_name()}
                                </option>
                            })}
                        </select>
                    </div>
                </Portal>
            </Show>
        }
    });
    view! {
        {menu}
        {move || language.problem.get().map(|(wanted, problem)| view! {
            <p class="notice" role="status">{words::catalog_problem(wanted, &problem)}</p>
        })}
    }
}
