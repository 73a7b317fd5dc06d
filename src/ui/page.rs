//! The "Email server" page: load what Command Center has, review and save the changes, send a
//! test mail. What happens next is [`PageFlow`]'s decision; this component renders it, runs the
//! calls it asks for in `Action`s and hands their outcomes back.

use leptos::ev::SubmitEvent;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::connection::ConnectionState;
use super::current_call::{CancelButton, CurrentCall};
use super::form_state::FormState;
use super::load_status::LoadStatus;
use super::reauth::ReauthDialog;
use super::review::ReviewDialog;
use super::settings_fields::SettingsFields;
use super::status::StatusArea;
use super::{focus_element, focus_input, show_modal};
use crate::api;
use crate::core::embedding::ToParent;
use crate::core::flow::{AfterCall, AfterPress, Call, PageFlow};
use crate::core::settings::Baseline;

#[component]
pub fn EmailServerPage(connection: ConnectionState) -> impl IntoView {
    let form = FormState::new(connection);
    let flow = RwSignal::new(PageFlow::new());
    let current_call = CurrentCall::new();
    let review_dialog = NodeRef::<Dialog>::new();
    let reauth_dialog = NodeRef::<Dialog>::new();

    // What runs the failed call again once a new token is the session's; bound further down,
    // once the calls exist.
    let run_again = StoredValue::new(None::<Callback<()>>);
    let after_call = move |after: Option<AfterCall>| match after {
        Some(AfterCall::AskToSignInAgain) => connection.ask_to_sign_in_again(
            run_again.get_value(),
            Callback::new(move |()| show_modal(reauth_dialog)),
        ),
        Some(AfterCall::ShowLoaded(baseline)) => form.take_loaded(baseline),
        Some(AfterCall::ShowSaved { submitted, saved }) => {
            form.take_saved(&submitted, saved);
            let _ = connection.portal.tell(&ToParent::saved());
        }
        // `None`: the page was left while the call was on its way.
        Some(AfterCall::Nothing) | None => {}
    };
    // Every call the page makes runs in this one Action; its outcome goes back to the flow.
    let run = Action::new_local(move |call: &Call| {
        let (call, control) = (call.clone(), current_call.start(connection));
        let api_connection = connection.api_connection_untracked();
        let pressed = button_of(&call);
        async move {
            let after = match (call, api_connection) {
                (Call::Load, Some(api_connection)) => {
                    let outcome = api::load_email_server(&api_connection, &control).await;
                    flow.try_update(|flow| flow.load_finished(&api_connection, outcome))
                }
                // Signed in means a checked base URL and token: there is always a connection.
                (Call::Load, None) => None,
                (Call::Save(attempt), _) => {
                    let outcome =
                        api::save_email_server(&attempt.connection, &attempt.request, &control)
                            .await;
                    flow.try_update(|flow| flow.save_finished(*attempt, outcome))
                }
                (Call::TestMail(attempt), _) => {
                    let outcome =
                        api::send_test_mail(&attempt.connection, &attempt.request, &control).await;
                    flow.try_update(|flow| flow.test_finished(*attempt, outcome))
                }
            };
            after_call(after);
            give_focus_back_to(pressed);
        }
    });
    let after_press = move |after: AfterPress| match after {
        AfterPress::Nothing => {}
        AfterPress::Review => show_modal(review_dialog),
        AfterPress::Focus(field) => focus_input(field),
        AfterPress::Run(call) => {
            run.dispatch(call);
        }
    };

    // Signing in with a pasted token already fetched the settings; otherwise fetch them now.
    match (
        connection.take_first_load(),
        connection.api_connection_untracked(),
    ) {
        (Some(outcome), Some(api_connection)) => {
            after_call(flow.try_update(|flow| flow.load_finished(&api_connection, outcome)));
        }
        _ => after_press(AfterPress::Run(Call::Load)),
    }

    let dirty = Memo::new(move |_| form.changes.with(|changes| !changes.is_empty()));
    let busy = Memo::new(move |_| flow.with(PageFlow::busy));
    let can_save = Memo::new(move |_| flow.with(|flow| flow.can_save(dirty.get())));
    warn_before_leaving_with(dirty);
    connection.portal.report_dirty(dirty);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let after = flow.write().save_pressed(form.snapshot_untracked());
        if after != AfterPress::Nothing {
            form.mark_submit_attempted();
        }
        after_press(after);
    };
    let on_test = move |_| {
        let after = flow.write().test_pressed(form.snapshot_untracked());
        if after != AfterPress::Nothing {
            form.mark_submit_attempted();
        }
        after_press(after);
    };
    let on_signed_in_again = Callback::new(move |()| {
        if let Some(api_connection) = connection.api_connection_untracked() {
            after_press(flow.write().signed_in_again(&api_connection.token));
        }
    });
    run_again.set_value(Some(on_signed_in_again));

    view! {
        <div class="settings">
            <form class="settings-form" novalidate on:submit=on_submit>
                <LoadStatus
                    state=Signal::derive(move || flow.with(|flow| flow.load().clone()))
                    on_retry=Callback::new(move |()| after_press(flow.write().retry_load()))
                    on_start_empty=Callback::new(move |()| after_call(Some(flow.write().start_empty())))
                />
                <SettingsFields form />
                <div class="form-actions">
                    <button type="submit" id="save" class="primary" aria-describedby="buttons-off" disabled=move || !can_save.get()>
                        {move || if flow.with(PageFlow::saving) { "Saving…" } else { "Save" }}
                    </button>
                    <button
                        type="button"
                        id="discard"
                        disabled=move || busy.get() || !dirty.get()
                        on:click=move |_| {
                            form.discard_changes();
                            flow.write().clear_status();
                        }
                    >
                        "Discard changes"
                    </button>
                    <button
                        type="button"
                        id="send-test"
                        aria-describedby="send-test-note buttons-off"
                        disabled=busy
                        on:click=on_test
                    >
                        {move || if flow.with(PageFlow::sending_test) { "Sending…" } else { "Send test email" }}
                    </button>
                    <CancelButton id="cancel-request" call=current_call waiting=busy />
                </div>
                // Why a button is off, under them; empty (and hidden by main.css) while both are on.
                <p class="form-note" id="buttons-off" aria-live="polite">
                    {move || flow.with(|flow| flow.buttons_off_because(dirty.get())).unwrap_or_default()}
                </p>
                <p class="form-note" id="send-test-note">
                    "The test email uses the settings above without saving them, and goes to the email address of the Command Center user you are signed in as."
                </p>
                <StatusArea status=Signal::derive(move || flow.with(|flow| flow.status().cloned())) />
            </form>
            <ReviewDialog
                dialog=review_dialog
                changes=Signal::derive(move || flow.with(|flow| flow.under_review().map(<[_]>::to_vec).unwrap_or_default()))
                updating=Signal::derive(move || form.baseline.with(|b| matches!(b, Baseline::Configured(_))))
                on_confirm=Callback::new(move |()| after_press(flow.write().confirm()))
                on_close=Callback::new(move |()| flow.write().review_closed())
            />
            <ReauthDialog
                dialog=reauth_dialog
                connection
                on_signed_in_again
                on_dismiss=Callback::new(move |()| {
                    // The dialog gives the focus back to where it was when it opened: nowhere,
                    // as the pressed button was off then.
                    if let Some(button) = flow.write().sign_in_again_dismissed().as_ref().and_then(button_of) {
                        focus_element(button);
                    }
                })
            />
        </div>
    }
}

/// The button whose press started `call`.
fn button_of(call: &Call) -> Option<&'static str> {
    match call {
        Call::Save(_) => Some("save"),
        Call::TestMail(_) => Some("send-test"),
        Call::Load => None,
    }
}

/// A button is off while its call runs, and a button that turns off drops the focus to the
/// page's body. When the call ends and nothing else has taken the focus since (a dialog, a click
/// elsewhere), it goes back to the button that was pressed.
fn give_focus_back_to(button: Option<&'static str>) {
    let document = document();
    let lost = document.active_element() == document.body().map(web_sys::Element::from);
    if let (Some(button), true) = (button, lost) {
        focus_element(button);
    }
}

/// Asks before the tab is closed or reloaded while changes are unsaved.
fn warn_before_leaving_with(dirty: Memo<bool>) {
    // The listener lives as long as the page; the handle is only needed to remove it.
    let _listener = window_event_listener(leptos::ev::beforeunload, move |event| {
        if dirty.get_untracked() {
            event.prevent_default();
        }
    });
}
