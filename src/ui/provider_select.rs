//! The list of mail services whose settings the page knows: a choice fills in the server, the
//! port and the encryption (`crate::core::providers`).

use leptos::prelude::*;

use crate::core::providers::Provider;
use crate::words::{self, catalog as t};

/// The list's value for "another mail server".
const OTHER: &str = "other";

#[component]
pub fn ProviderSelect(
    /// The provider the fields match, if any.
    #[prop(into)]
    value: Signal<Option<Provider>>,
    on_choose: Callback<Option<Provider>>,
) -> impl IntoView {
    let key = |provider: Option<Provider>| provider.map_or_else(|| OTHER.to_owned(), Provider::key);
    // As for the encryption list: the first choice comes from `selected`, later ones from the
    // `value` property.
    let initial = value.get_untracked();
    let options = std::iter::once(None).chain(Provider::all().map(Some));
    view! {
        <div class="field">
            <label for="provider">{move || t::field_provider()}</label>
            <select
                id="provider"
                name="provider"
                aria-describedby="provider-description"
                prop:value=move || key(value.get())
                on:change:target=move |ev| on_choose.run(Provider::from_key(&ev.target().value()))
            >
                {options
                    .map(|option| view! {
                        <option value=key(option) selected=option == initial>{move || words::provider(option)}</option>
                    })
                    .collect_view()}
            </select>
            <div class="field-description" id="provider-description">
                <p class="field-hint" id="provider-hint">{move || t::field_provider_hint()}</p>
            </div>
        </div>
    }
}
