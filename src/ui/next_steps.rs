//! What the settings page does next: it runs the calls the flow asks for, one at a time in one
//! `Action`, and carries out what the flow makes of their outcomes on the form, the dialogs,
//! the portal and the other tabs.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::connection::ConnectionState;
use super::current_call::CurrentCall;
use super::dom::{close_dialog, focus_element, focus_input, show_modal};
use super::form_state::FormState;
use super::other_tabs::OtherTabs;
use crate::api::{self, CallControl};
use crate::core::embedding::ToParent;
use crate::core::flow::{AfterCall, AfterPress, Call, PageFlow};
use crate::core::wire::ApiConnection;

/// The button whose press started a call, and what the page does next (`None`: the page was
/// left while the call was on its way).
type Outcome = (Option<&'static str>, Option<AfterCall>);

#[derive(Clone, Copy)]
pub struct NextSteps {
    connection: ConnectionState,
    form: FormState,
    flow: RwSignal<PageFlow>,
    current_call: CurrentCall,
    run: Action<Call, Outcome>,
    review_dialog: NodeRef<Dialog>,
    reauth_dialog: NodeRef<Dialog>,
    other_tabs: OtherTabs,
    /// Made once, with the page: "Sign in again" may be answered long after the call that
    /// asked for it.
    signed_in_again: Callback<()>,
}

impl NextSteps {
    /// For the page being built: every outcome is carried out as it arrives.
    pub fn new(
        form: FormState,
        flow: RwSignal<PageFlow>,
        review_dialog: NodeRef<Dialog>,
        reauth_dialog: NodeRef<Dialog>,
    ) -> Self {
        let connection = expect_context::<ConnectionState>();
        let current_call = CurrentCall::new();
        let run = Action::new_local(move |call: &Call| {
            let (call, control) = (call.clone(), current_call.start());
            let api_connection = connection.api_connection_untracked();
            async move { make_call(call, api_connection, &control, flow).await }
        });
        let other_tabs = OtherTabs::listen(
            move || connection.api_connection_untracked().map(|c| c.base_url),
            Callback::new(move |()| flow.write().heard_saved_elsewhere()),
        );
        let signed_in_again = Callback::new(move |()| {
            if let Some(api_connection) = connection.api_connection_untracked() {
                let after = flow.write().signed_in_again(&api_connection.token);
                run_after_press(run, review_dialog, after);
            }
        });
        let steps = NextSteps {
            connection,
            form,
            flow,
            current_call,
            run,
            review_dialog,
            reauth_dialog,
            other_tabs,
            signed_in_again,
        };
        Effect::new(move |_| {
            if let Some((pressed, after)) = run.value().get() {
                steps.after_call(after);
                give_focus_back_to(pressed);
            }
        });
        steps
    }

    /// The page's first step: signing in with a pasted token already fetched the settings;
    /// otherwise they are fetched now.
    pub fn start(self) {
        let first_load = self.connection.take_first_load();
        match first_load.zip(self.connection.api_connection_untracked()) {
            Some((outcome, api)) => {
                self.after_call(self.flow.try_update(|f| f.load_finished(&api, outcome)));
            }
            None => self.after_press(AfterPress::Run(Call::Load)),
        }
    }

    pub fn current_call(self) -> CurrentCall {
        self.current_call
    }

    pub fn after_press(self, after: AfterPress) {
        run_after_press(self.run, self.review_dialog, after);
    }

    pub fn after_call(self, after: Option<AfterCall>) {
        let form = self.form;
        match after {
            Some(AfterCall::AskToSignInAgain) => {
                let reauth_dialog = self.reauth_dialog;
                self.connection.ask_to_sign_in_again(
                    Some(self.signed_in_again),
                    Callback::new(move |()| show_modal(reauth_dialog)),
                );
            }
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
                close_dialog(self.review_dialog);
            }
            Some(AfterCall::Run(call)) => self.after_press(AfterPress::Run(call)),
            Some(AfterCall::ShowSaved {
                submitted,
                saved,
                read_back,
            }) => {
                form.take_saved(&submitted, saved);
                self.run.dispatch(read_back);
                let _ = self.connection.portal.tell(&ToParent::saved());
                if let Some(api) = self.connection.api_connection_untracked() {
                    self.other_tabs.tell_saved(&api.base_url);
                }
            }
            Some(AfterCall::Cancel) => self.current_call.cancel(),
            // `None`: the page was left while the call was on its way.
            Some(AfterCall::Nothing) | None => {}
        }
    }

    /// Signed in again: the call that met the 401 runs once more.
    pub fn signed_in_again(self) {
        self.signed_in_again.run(());
    }

    /// The "Sign in again" dialog closed without a sign-in. It gives the focus back to where it
    /// was when it opened: nowhere, as the pressed button was off then.
    pub fn sign_in_again_dismissed(self) {
        let waiting = self.flow.write().sign_in_again_dismissed();
        if let Some(button) = waiting.as_ref().and_then(button_of) {
            focus_element(button);
        }
    }
}

/// Does what a press (or a call's outcome) leads to: the review opens with its re-read, a field
/// gets the focus, or a call starts.
fn run_after_press(run: Action<Call, Outcome>, review_dialog: NodeRef<Dialog>, after: AfterPress) {
    match after {
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
