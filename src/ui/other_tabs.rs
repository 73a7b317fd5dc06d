//! The page's side of `crate::core::other_tabs`: a `BroadcastChannel` on which this tab
//! announces its saves and hears those of the others, and the notice that offers to load what
//! another tab saved.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

use crate::core::other_tabs::{saved_message, saved_to_ours, CHANNEL};
use crate::words::catalog as t;

type Listener = Closure<dyn Fn(MessageEvent)>;

/// The channel, for as long as the settings page lives.
#[derive(Clone, Copy)]
pub struct OtherTabs {
    channel: StoredValue<Option<(BroadcastChannel, Listener)>, LocalStorage>,
}

impl OtherTabs {
    /// Hears the saves of other tabs to the API `api_base_url()` names (as the page calls it)
    /// and hands them to `on_saved`. Without `BroadcastChannel` the page simply hears none.
    pub fn listen(
        api_base_url: impl Fn() -> Option<String> + 'static,
        on_saved: Callback<()>,
    ) -> Self {
        let channel = BroadcastChannel::new(CHANNEL).ok().map(|channel| {
            let listener = Listener::new(move |event: MessageEvent| {
                let message = js_sys::JSON::stringify(&event.data())
                    .ok()
                    .and_then(|text| text.as_string());
                let ours = api_base_url().and_then(|url| absolute(&url));
                if let (Some(message), Some(ours)) = (message, ours) {
                    if saved_to_ours(&message, &ours) {
                        on_saved.run(());
                    }
                }
            });
            channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            (channel, listener)
        });
        let channel = StoredValue::new_local(channel);
        on_cleanup(move || {
            channel.with_value(|channel| {
                if let Some((channel, _)) = channel {
                    channel.close();
                }
            });
        });
        OtherTabs { channel }
    }

    /// Tells the other tabs that this one saved to `api_base_url`.
    pub fn tell_saved(self, api_base_url: &str) {
        let Some(message) =
            absolute(api_base_url).and_then(|url| js_sys::JSON::parse(&saved_message(&url)).ok())
        else {
            return;
        };
        self.channel.with_value(|channel| {
            if let Some((channel, _)) = channel {
                // Fails only on a closed channel: the page is going away.
                let _ = channel.post_message(&message);
            }
        });
    }
}

/// The API base URL as the browser resolves it against the page: tabs compare these, as a
/// relative one means another server on another page.
fn absolute(api_base_url: &str) -> Option<String> {
    crate::api::resolved(api_base_url).map(|url| url.href())
}

/// "Saved in another tab", with the button that loads what it saved.
#[component]
pub fn SavedElsewhere(#[prop(into)] shown: Signal<bool>, on_load: Callback<()>) -> impl IntoView {
    move || {
        shown.get().then(|| {
            view! {
                <div class="notice saved-elsewhere" role="status">
                    <p>{move || t::saved_elsewhere()}</p>
                    <button type="button" id="load-saved-elsewhere" on:click=move |_| on_load.run(())>
                        {move || t::button_load_saved()}
                    </button>
                </div>
            }
        })
    }
}
