//! The "Email server" page: load what Command Center has, review and save the changes (read
//! again before, and back after), send a test mail, hear what other tabs saved. What happens next is [`PageFlow`]'s decision; this component renders it, runs the
//! calls it asks for in one `Action` and does what the flow makes of their outcomes.

use leptos::ev::SubmitEvent;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::connection::ConnectionState;
use super::current_call::CurrentCall;
use super::dom::{close_dialog, focus_element, focus_input, show_modal};
use super::form_actions::FormActions;
use super::form_state::FormState;
use super::load_status::LoadStatus;
use super::other_tabs::{OtherTabs, SavedElsewhere};
use super::reauth::ReauthDialog;
use super::review::ReviewDialog;
use super::settings_fields::SettingsFields;
use super::status::StatusArea;
use crate::api::{self, CallControl};
use crate::core::embedding::ToParent;
use crate::core::flow::{AfterCall, AfterPress, Call, FormSnapshot, PageFlow};
use crate::core::wire::ApiConnection;

#[component]
pub fn EmailServerPage() -> impl IntoView {
    let connection = expect_context::<ConnectionState>();
    let form = FormState::new();
    let flow = RwSignal::new(PageFlow::new());
    let current_call = CurrentCall::new();
    let (review_dialog, reauth_dialog) = (NodeRef::<Dialog>::new(), NodeRef::<Dialog>::new());

    // Every call the page makes runs in this one Action; its value is what comes next.
    let run = Action::new_local(move |call: &Call| {
        let (call, control) = (call.clone(), current_call.start());
        let api_connection = connection.api_connection_untracked();
        async move { make_call(call, api_connection, &control, flow).await }
    });
    let after_press = move |after: AfterPress| match after {
        AfterPress::Nothing => {}
        AfterPress::Review { meanwhile } => {
            show_modal(review_dialog);
            run.dispatch(meanwhile);
        }
        AfterPress::Focus(field) => focus_input(field),
        AfterPress::Run(call) => {
            // A save goes out from the review: its part is done. A re-read after signing in
            // again is still the review's.
            if matches!(call, Call::Save(_)) {
                close_dialog(review_dialog);
            }
            run.dispatch(call);
        }
    };
    let other_tabs = OtherTabs::listen(
        move || connection.api_connection_untracked().map(|c| c.base_url),
        Callback::new(move |()| flow.write().heard_saved_elsewhere()),
    );
    let on_signed_in_again = Callback::new(move |()| {
        if let Some(api_connection) = connection.api_connection_untracked() {
            after_press(flow.write().signed_in_again(&api_connection.token));
        }
    });
    let after_call = move |after: Option<AfterCall>| match after {
        Some(AfterCall::AskToSignInAgain) => connection.ask_to_sign_in_again(
            Some(on_signed_in_again),
            Callback::new(move |()| show_modal(reauth_dialog)),
        ),
        Some(AfterCall::ShowLoaded(baseline)) => form.take_loaded(baseline),
        Some(AfterCall::ShowCurrent { now, focus }) => {
            form.take_loaded(now);
            if let Some(field) = focus {
                focus_input(field);
            }
        }
        Some(AfterCall::ShowTheirs(now)) => {
            form.take_loaded(now);
            form.discard_changes();
            close_dialog(review_dialog);
        }
        Some(AfterCall::Run(call)) => after_press(AfterPress::Run(call)),
        Some(AfterCall::ShowSaved {
            submitted,
            saved,
            read_back,
        }) => {
            form.take_saved(&submitted, saved);
            run.dispatch(read_back);
            let _ = connection.portal.tell(&ToParent::saved());
            if let Some(api) = connection.api_connection_untracked() {
                other_tabs.tell_saved(&api.base_url);
            }
        }
        Some(AfterCall::Cancel) => current_call.cancel(),
        // `None`: the page was left while the call was on its way.
        Some(AfterCall::Nothing) | None => {}
    };
    Effect::new(move |_| {
        if let Some((pressed, after)) = run.value().get() {
            after_call(after);
            give_focus_back_to(pressed);
        }
    });

    // Signing in with a pasted token already fetched the settings; otherwise fetch them now.
    let first_load = connection.take_first_load();
    match first_load.zip(connection.api_connection_untracked()) {
        Some((outcome, api)) => after_call(flow.try_update(|f| f.load_finished(&api, outcome))),
        None => after_press(AfterPress::Run(Call::Load)),
    }

    let dirty = watch_for_unsaved_changes(form, connection);
    let pressed = move |press: fn(&mut PageFlow, FormSnapshot) -> AfterPress| {
        let after = press(&mut flow.write(), form.snapshot_untracked());
        if after != AfterPress::Nothing {
            form.mark_submit_attempted();
        }
        after_press(after);
    };

    view! {
        <div class="settings">
            <form class="settings-form" novalidate on:submit=move |ev: SubmitEvent| {
                ev.prevent_default();
                pressed(PageFlow::save_pressed);
            }>
                <LoadStatus
                    state=Signal::derive(move || flow.with(|flow| flow.load().clone()))
                    on_retry=Callback::new(move |()| after_press(flow.write().retry_load()))
                    on_start_empty=Callback::new(move |()| after_call(Some(flow.write().start_empty())))
                />
                <SavedElsewhere
                    shown=Signal::derive(move || flow.with(PageFlow::saved_elsewhere))
                    on_load=Callback::new(move |()| after_press(flow.write().load_saved_elsewhere(form.snapshot_untracked())))
                />
                <SettingsFields form />
                <FormActions flow form dirty current_call on_test=Callback::new(move |()| pressed(PageFlow::test_pressed)) />
                <StatusArea status=Signal::derive(move || flow.with(|flow| flow.status().cloned())) />
            </form>
            <ReviewDialog
                dialog=review_dialog
                flow
                on_confirm=Callback::new(move |()| after_press(flow.write().confirm()))
                on_load_theirs=Callback::new(move |()| after_call(Some(flow.write().load_theirs())))
                on_close=Callback::new(move |()| after_call(Some(flow.write().review_closed())))
            />
            <ReauthDialog
                dialog=reauth_dialog
                on_signed_in_again
                // The dialog gives the focus back to where it was when it opened: nowhere, as the
                // pressed button was off then.
                on_dismiss=Callback::new(move |()| {
                    if let Some(button) = flow.write().sign_in_again_dismissed().as_ref().and_then(button_of) {
                        focus_element(button);
                    }
                })
            />
        </div>
    }
}

/// Makes `call` and hands its outcome to the flow: the button whose press started it, and what
/// the page does next (`None`: the page was left meanwhile).
async fn make_call(
    call: Call,
    api_connection: Option<ApiConnection>,
    control: &CallControl,
    flow: RwSignal<PageFlow>,
) -> (Option<&'static str>, Option<AfterCall>) {
    let pressed = button_of(&call);
    let after = match (call, api_connection) {
        (Call::Load, Some(api_connection)) => {
            let outcome = api::load_email_server(&api_connection, control).await;
            flow.try_update(|flow| flow.load_finished(&api_connection, outcome))
        }
        (Call::Recheck, Some(api_connection)) => {
            let outcome = api::load_email_server(&api_connection, control).await;
            flow.try_update(|flow| flow.recheck_finished(outcome))
        }
        (Call::Reload(form), Some(api_connection)) => {
            let outcome = api::load_email_server(&api_connection, control).await;
            flow.try_update(|flow| flow.reload_finished(&api_connection, *form, outcome))
        }
        // Signed in means a checked base URL and token: there is always a connection.
        (Call::Load | Call::Recheck | Call::Reload(_), None) => None,
        (Call::ReadBack(attempt), _) => {
            let outcome = api::load_email_server(&attempt.connection, control).await;
            flow.try_update(|flow| flow.read_back_finished(*attempt, outcome))
        }
        (Call::Save(attempt), _) => {
            let outcome =
                api::save_email_server(&attempt.connection, &attempt.request, control).await;
            flow.try_update(|flow| flow.save_finished(*attempt, outcome))
        }
        (Call::TestMail(attempt), _) => {
            let outcome = api::send_test_mail(&attempt.connection, &attempt.request, control).await;
            flow.try_update(|flow| flow.test_finished(*attempt, outcome))
        }
    };
    (pressed, after)
}

/// The button whose press started `call`.
fn button_of(call: &Call) -> Option<&'static str> {
    match call {
        Call::Save(_) => Some("save"),
        Call::TestMail(_) => Some("send-test"),
        Call::Load | Call::Recheck | Call::ReadBack(_) | Call::Reload(_) => None,
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

/// Whether anything differs from what Command Center holds; while it does, the page asks before
/// the tab is closed or reloaded, and tells a portal that frames it.
fn watch_for_unsaved_changes(form: FormState, connection: ConnectionState) -> Memo<bool> {
    let dirty = Memo::new(move |_| form.changes.with(|changes| !changes.is_empty()));
    connection.portal.report_dirty(dirty);
    // The listener lives as long as the page; the handle is only needed to remove it.
    let _listener = window_event_listener(leptos::ev::beforeunload, move |event| {
        if dirty.get_untracked() {
            event.prevent_default();
        }
    });
    dirty
}
