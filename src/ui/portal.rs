//! The portal that frames the page, if one does: the page announces itself, takes the portal's
//! token and tells it what happens (`crate::core::embedding` has the protocol and decides which
//! messages count). It knows nothing of the page's session: it hands each session the portal
//! sends to whoever configured it, which says whether it took it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, ResizeObserver, Window};

use crate::core::config::RuntimeConfig;
use crate::core::embedding::{judge_message, Incoming, PortalSession, ToParent, PORTAL_PATIENCE};

/// Where the page stands with a portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortalState {
    /// Not framed, or framed by a parent that may not drive it: the page signs in by itself.
    Alone,
    /// Framed: waiting for `config.json`, then for the portal's token.
    Connecting,
    /// The portal's session is in use.
    Driven,
}

#[derive(Clone, Copy)]
pub struct Portal {
    pub state: RwSignal<PortalState>,
    /// The origin whose session the page uses: where its messages go.
    parent_origin: StoredValue<Option<String>>,
    /// After `session-expired`: what to do once the fresh token is the session's.
    waiting_for_fresh: StoredValue<Option<Callback<()>>>,
    /// The height last told, so that the same one is not told twice.
    told_height: StoredValue<Option<u32>>,
}

impl Portal {
    pub fn new() -> Self {
        let framed = parent_window().is_some();
        Portal {
            state: RwSignal::new(if framed {
                PortalState::Connecting
            } else {
                PortalState::Alone
            }),
            parent_origin: StoredValue::new(None),
            waiting_for_fresh: StoredValue::new(None),
            told_height: StoredValue::new(None),
        }
    }

    /// Once `config.json` is known (`None`: it could not be read): announce the page to each
    /// allowed parent origin, or go it alone. Each session the portal sends goes to `take`, with
    /// the origin it came from; `take` answers whether the page took it.
    pub fn configured(
        self,
        config: Option<&RuntimeConfig>,
        take: Callback<(PortalSession, String), bool>,
    ) {
        if self.state.get_untracked() != PortalState::Connecting {
            return;
        }
        let allowed = config
            .map(|config| config.embedding.allowed_parent_origins.clone())
            .unwrap_or_default();
        let Some(parent) = parent_window().filter(|_| !allowed.is_empty()) else {
            note("the page is framed, but embedding.allowedParentOrigins lists no parent that may drive it; it signs in by itself");
            self.state.set(PortalState::Alone);
            return;
        };
        self.listen(parent.clone(), allowed.clone(), take);
        observe_height(self);
        for origin in &allowed {
            post(&parent, &ToParent::ready(), origin);
        }
        set_timeout(
            move || {
                if self.state.get_untracked() == PortalState::Connecting {
                    note("no session came from the portal; the page signs in by itself");
                    self.state.set(PortalState::Alone);
                }
            },
            PORTAL_PATIENCE,
        );
    }

    fn listen(
        self,
        parent: Window,
        allowed: Vec<String>,
        take: Callback<(PortalSession, String), bool>,
    ) {
        // The listener lives as long as the page.
        let _listener = window_event_listener(leptos::ev::message, move |event: MessageEvent| {
            let from_parent = event
                .source()
                .is_some_and(|source| js_sys::Object::is(&source, &parent));
            let data = js_sys::JSON::stringify(&event.data())
                .ok()
                .and_then(|text| text.as_string());
            match judge_message(&event.origin(), from_parent, &allowed, data.as_deref()) {
                Incoming::Ignored(reason) => note(&format!("ignored {reason}")),
                Incoming::Session(session) => {
                    if !take.run((session, event.origin())) {
                        note("ignored a session from the portal: signed in already");
                        return;
                    }
                    self.parent_origin.set_value(Some(event.origin()));
                    self.state.set(PortalState::Driven);
                    tell_height(self);
                    if let Some(fresh) = self
                        .waiting_for_fresh
                        .try_update_value(Option::take)
                        .flatten()
                    {
                        fresh.run(());
                    }
                }
            }
        });
    }

    /// Tells the portal, once it has handed over a session; whether it could.
    pub fn tell(self, message: &ToParent) -> bool {
        let origin = self.parent_origin.get_value();
        let Some((parent, origin)) = parent_window().zip(origin) else {
            return false;
        };
        post(&parent, message, &origin);
        true
    }

    /// After a 401 with the portal's token: asks the portal for a fresh one, and runs `fresh`
    /// once it is the session's; if none comes in time, `otherwise` (the page's own "sign in
    /// again").
    pub fn ask_for_fresh_session(self, fresh: Callback<()>, otherwise: Callback<()>) {
        self.waiting_for_fresh.set_value(Some(fresh));
        let _ = self.tell(&ToParent::session_expired());
        set_timeout(
            move || {
                if self
                    .waiting_for_fresh
                    .try_update_value(Option::take)
                    .flatten()
                    .is_some()
                {
                    note("no fresh session came from the portal; the page asks to sign in again");
                    otherwise.run(());
                }
            },
            PORTAL_PATIENCE,
        );
    }
}

impl Portal {
    /// Tells the portal whenever unsaved changes appear or go, so that it can warn before
    /// navigating away, as the page itself does.
    pub fn report_dirty(self, dirty: Memo<bool>) {
        Effect::new(move |told: Option<bool>| {
            let now = dirty.get();
            if told.unwrap_or(false) != now {
                let _ = self.tell(&ToParent::dirty(now));
            }
            now
        });
    }
}

/// The parent window, when the page is in a frame.
fn parent_window() -> Option<Window> {
    let window = window();
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// One message to one origin: never to "*", which would hand it to whoever frames the page.
fn post(parent: &Window, message: &ToParent, origin: &str) {
    let Ok(value) = js_sys::JSON::parse(&message.to_json()) else {
        return;
    };
    // Fails only when the origin is not one (config.json's are checked at start-up).
    let _ = parent.post_message(&value, origin);
}

/// The console line a developer of the portal looks for; never what a message held.
fn note(what: &str) {
    web_sys::console::info_1(&JsValue::from_str(&format!("commandcenter-email: {what}")));
}

/// The page's height in CSS pixels: its root element's, which follows the content.
fn page_height() -> Option<u32> {
    let root = document().document_element()?;
    Some(root.get_bounding_client_rect().height().ceil() as u32)
}

fn tell_height(portal: Portal) {
    let Some(height) = page_height() else {
        return;
    };
    if portal.told_height.get_value() != Some(height) && portal.tell(&ToParent::height(height)) {
        portal.told_height.set_value(Some(height));
    }
}

/// Tells the portal the page's height whenever it changes, so that the frame can fit it.
fn observe_height(portal: Portal) {
    let Some(root) = document().document_element() else {
        return;
    };
    let on_resize = Closure::<dyn Fn()>::new(move || tell_height(portal));
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    on_resize.forget();
}
