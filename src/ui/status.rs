//! The outcome of the last save or test mail. Success is polite (`role="status"`); a failure
//! interrupts (`role="alert"`), because the administrator has to act on it.

use leptos::either::Either;
use leptos::prelude::*;

use crate::core::flow::FormStatus;
use crate::words;

#[component]
pub fn StatusArea(#[prop(into)] status: Signal<Option<FormStatus>>) -> impl IntoView {
    view! {
        <div id="form-status" class="form-status">
            // A failure after a success is a new element, an alert that screen readers
            // announce, rather than the success paragraph with its role changed.
            {move || status.get().map(|status| {
                let text = words::form_status(&status);
                if status.is_success() {
                    Either::Left(view! { <p class="status status-success" role="status">{text}</p> })
                } else {
                    Either::Right(view! { <p class="status status-failure" role="alert">{text}</p> })
                }
            })}
        </div>
    }
}
