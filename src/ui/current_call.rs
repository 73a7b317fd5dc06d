//! The call to Command Center that a form is waiting for, and its Cancel button.

use leptos::prelude::*;

use super::connection::ConnectionState;
use crate::api::CallControl;
use crate::words::catalog as t;

/// The newest call a form started; Cancel aborts it. Local storage: a `CallControl` holds browser
/// objects, which never leave this thread.
#[derive(Clone, Copy)]
pub struct CurrentCall {
    call: StoredValue<Option<CallControl>, LocalStorage>,
    connection: ConnectionState,
}

impl CurrentCall {
    /// For the component being built: its calls take the page's timeout.
    pub fn new() -> Self {
        CurrentCall {
            call: StoredValue::new_local(None),
            connection: expect_context(),
        }
    }

    /// A new call under the configured timeout, from now on the one Cancel aborts.
    pub fn start(self) -> CallControl {
        let control = self.connection.new_call();
        self.call.set_value(Some(control.clone()));
        control
    }

    pub fn cancel(self) {
        self.call.with_value(|call| {
            if let Some(call) = call {
                call.cancel();
            }
        });
    }
}

/// "Cancel", shown while `waiting` says a call is on its way.
#[component]
pub fn CancelButton(
    id: &'static str,
    call: CurrentCall,
    #[prop(into)] waiting: Signal<bool>,
) -> impl IntoView {
    view! {
        {move || waiting.get().then(|| view! {
            <button type="button" id=id on:click=move |_| call.cancel()>
                {move || t::button_cancel()}
            </button>
        })}
    }
}
