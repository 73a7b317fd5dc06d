//! Shown over the settings when Command Center stops accepting the token: sign in again in
//! place, and the action that failed runs once more. Nothing typed in the form is touched.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::connection::ConnectionState;
use super::dom::close_dialog;
use super::sign_in::SignInForm;
use crate::core::login::{Session, SignInMode};
use crate::words::catalog as t;

#[component]
pub fn ReauthDialog(
    dialog: NodeRef<Dialog>,
    on_signed_in_again: Callback<()>,
    /// However the dialog closed (Cancel, Escape, or signed in after the retry was taken).
    on_dismiss: Callback<()>,
) -> impl IntoView {
    let connection = expect_context::<ConnectionState>();
    let mode = Signal::derive(move || {
        connection.session.with(|session| {
            session
                .as_ref()
                .map_or(SignInMode::UserAndPassword, |s| s.origin.sign_in_mode())
        })
    });
    let on_signed_in = Callback::new(move |session: Session| {
        connection.session.set(Some(session));
        on_signed_in_again.run(());
        close_dialog(dialog);
    });
    view! {
        <dialog
            node_ref=dialog
            id="reauth-dialog"
            class="review-dialog"
            aria-labelledby="reauth-title"
            aria-describedby="reauth-reason"
            on:close=move |_| on_dismiss.run(())
        >
            <h2 id="reauth-title">{move || t::reauth_title()}</h2>
            <p id="reauth-reason" role="alert">{move || t::reauth_reason()}</p>
            <SignInForm mode on_signed_in />
            <div class="dialog-actions">
                <button type="button" id="reauth-cancel" on:click=move |_| close_dialog(dialog)>
                    {move || t::button_cancel()}
                </button>
            </div>
        </dialog>
    }
}
