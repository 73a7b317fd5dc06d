//! Who is signed in, where, and the way out.

use leptos::prelude::*;

use super::connection::ConnectionState;
use crate::api;
use crate::core::login::{Session, SessionOrigin};
use crate::words::{self, catalog as t};

#[component]
pub fn SessionBar() -> impl IntoView {
    let connection = expect_context::<ConnectionState>();
    let sign_out = Action::new_local(move |session: &Session| {
        let session = session.clone();
        let api_connection = connection.api_connection_untracked();
        async move {
            if let (SessionOrigin::Login { .. }, Some(api_connection)) =
                (&session.origin, api_connection)
            {
                // Whatever the answer, the page forgets the token: a Logout that failed leaves a
                // session that expires on its own in 30 minutes.
                let _ = api::logout(&api_connection, &connection.new_call()).await;
            }
            connection.session.set(None);
        }
    });
    let signing_out = sign_out.pending();
    let on_sign_out = move |_| {
        if let Some(session) = connection.session.get_untracked() {
            sign_out.dispatch(session);
        }
    };
    view! {
        <div class="session-bar">
            <p id="session-user">
                {move || connection.session.with(|s| s.as_ref().map(words::session))}
            </p>
            <p class="session-where">{move || connection.api_base_url.get()}</p>
            // A portal's session is the portal's to end.
            <Show when=move || {
                connection.session.with(|s| s.as_ref().is_some_and(|s| !s.is_the_portals()))
            }>
                <button type="button" id="sign-out" on:click=on_sign_out disabled=signing_out>
                    {move || if signing_out.get() { t::button_signing_out() } else { t::button_sign_out() }}
                </button>
            </Show>
        </div>
    }
}
