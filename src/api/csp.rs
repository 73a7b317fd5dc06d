//! Calls that the page's own Content-Security-Policy blocks. `fetch` fails for them as for any
//! network error ("Failed to fetch"); only the `securitypolicyviolation` event the browser fires
//! tells them apart, so the page keeps the violations it hears of.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::{window, window_event_listener_untyped};
use wasm_bindgen::JsCast;
use web_sys::{SecurityPolicyViolationEvent, Url};

/// A connection the policy refused: the origin it went to and the directive that refused it.
struct Violation {
    origin: String,
    directive: String,
}

thread_local! {
    static VIOLATIONS: RefCell<Vec<Violation>> = const { RefCell::new(Vec::new()) };
}

/// The browser reports a violation in a task of its own, which may come after `fetch` has failed:
/// the failure waits this long for it.
const REPORT_DELAY: Duration = Duration::from_millis(100);

/// Starts listening; call once, before the first call.
pub fn watch_violations() {
    // The listener lives as long as the page.
    let _listener = window_event_listener_untyped("securitypolicyviolation", |event| {
        let Some(event) = event.dyn_ref::<SecurityPolicyViolationEvent>() else {
            return;
        };
        if let Some(origin) = origin_of(&event.blocked_uri()) {
            VIOLATIONS.with_borrow_mut(|violations| {
                violations.push(Violation {
                    origin,
                    directive: event.effective_directive(),
                })
            });
        }
    });
}

/// The directive of the page's policy that refused a call to `url`, if one did.
pub async fn blocking_directive(url: &str) -> Option<String> {
    let origin = origin_of(url)?;
    gloo_timers::future::sleep(REPORT_DELAY).await;
    VIOLATIONS.with_borrow_mut(|violations| {
        let found = violations.iter().position(|v| v.origin == origin)?;
        Some(violations.remove(found).directive)
    })
}

/// The origin of `url`, resolved against the page's address.
pub fn origin_of(url: &str) -> Option<String> {
    resolved(url).map(|url| url.origin())
}

/// `url` as the browser resolves it against the page's address.
pub fn resolved(url: &str) -> Option<Url> {
    let page = window().location().href().ok()?;
    Url::new_with_base(url, &page).ok()
}
