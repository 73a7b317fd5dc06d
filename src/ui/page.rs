//! The "Email server" page: load what Command Center has, review and save the changes (read
//! again before, and back after), send a test mail, hear what other tabs saved. What happens
//! next is [`PageFlow`]'s decision; this component renders it and hands every press to
//! [`NextSteps`], which runs the calls and carries out their outcomes.

use leptos::ev::SubmitEvent;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::connection::ConnectionState;
use super::form_actions::FormActions;
use super::form_state::FormState;
use super::load_status::LoadStatus;
use super::next_steps::NextSteps;
use super::other_tabs::SavedElsewhere;
use super::reauth::ReauthDialog;
use super::review::ReviewDialog;
use super::settings_fields::SettingsFields;
use super::status::StatusArea;
use crate::core::flow::{AfterPress, FormSnapshot, PageFlow};

#[component]
pub fn EmailServerPage() -> impl IntoView {
    let connection = expect_context::<ConnectionState>();
    let form = FormState::new();
    let flow = RwSignal::new(PageFlow::new());
    let (review_dialog, reauth_dialog) = (NodeRef::<Dialog>::new(), NodeRef::<Dialog>::new());
    let steps = NextSteps::new(form, flow, review_dialog, reauth_dialog);
    steps.start();

    let dirty = watch_for_unsaved_changes(form, connection);
    let pressed = move |press: fn(&mut PageFlow, FormSnapshot) -> AfterPress| {
        let after = press(&mut flow.write(), form.snapshot_untracked());
        if after != AfterPress::Nothing {
            form.mark_submit_attempted();
        }
        steps.after_press(after);
    };

    view! {
        <div class="settings">
            <form class="settings-form" novalidate on:submit=move |ev: SubmitEvent| {
                ev.prevent_default();
                pressed(PageFlow::save_pressed);
            }>
                <LoadStatus
                    state=Signal::derive(move || flow.with(|flow| flow.load().clone()))
                    on_retry=Callback::new(move |()| steps.after_press(flow.write().retry_load()))
                    on_start_empty=Callback::new(move |()| steps.after_call(Some(flow.write().start_empty())))
                />
                <SavedElsewhere
                    shown=Signal::derive(move || flow.with(PageFlow::saved_elsewhere))
                    on_load=Callback::new(move |()| steps.after_press(flow.write().load_saved_elsewhere(form.snapshot_untracked())))
                />
                <SettingsFields form />
                <FormActions flow form dirty current_call=steps.current_call() on_test=Callback::new(move |()| pressed(PageFlow::test_pressed)) />
                <StatusArea status=Signal::derive(move || flow.with(|flow| flow.status().cloned())) />
            </form>
            <ReviewDialog
                dialog=review_dialog
                flow
                on_confirm=Callback::new(move |()| steps.after_press(flow.write().confirm()))
                on_load_theirs=Callback::new(move |()| steps.after_call(Some(flow.write().load_theirs())))
                on_close=Callback::new(move |()| steps.after_call(Some(flow.write().review_closed())))
            />
            <ReauthDialog
                dialog=reauth_dialog
                on_signed_in_again=Callback::new(move |()| steps.signed_in_again())
                on_dismiss=Callback::new(move |()| steps.sign_in_again_dismissed())
            />
        </div>
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
