//! Under the settings: Save, Discard changes, Send test email and Cancel, and the line that says
//! why a button is off.

use leptos::prelude::*;

use super::current_call::{CancelButton, CurrentCall};
use super::form_state::FormState;
use crate::core::flow::PageFlow;
use crate::words::{self, catalog as t};

#[component]
pub fn FormActions(
    flow: RwSignal<PageFlow>,
    form: FormState,
    /// Whether anything differs from what Command Center holds.
    dirty: Memo<bool>,
    current_call: CurrentCall,
    on_test: Callback<()>,
) -> impl IntoView {
    let busy = Memo::new(move |_| flow.with(PageFlow::busy));
    let can_save = Memo::new(move |_| flow.with(|flow| flow.can_save(dirty.get())));
    view! {
        <div class="form-actions">
            <button type="submit" id="save" class="primary" aria-describedby="buttons-off" disabled=move || !can_save.get()>
                {move || if flow.with(PageFlow::saving) { t::button_saving() } else { t::button_save() }}
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
                {move || t::button_discard()}
            </button>
            <button
                type="button"
                id="send-test"
                aria-describedby="send-test-note buttons-off"
                disabled=busy
                on:click=move |_| on_test.run(())
            >
                {move || if flow.with(PageFlow::sending_test) { t::button_sending() } else { t::button_send_test() }}
            </button>
            <CancelButton id="cancel-request" call=current_call waiting=busy />
        </div>
        // Why a button is off, under them; empty (and hidden by main.css) while both are on.
        <p class="form-note" id="buttons-off" aria-live="polite">
            {move || flow.with(|flow| flow.buttons_off_because(dirty.get())).map(words::buttons_off).unwrap_or_default()}
        </p>
        <p class="form-note" id="send-test-note">
            {move || words::send_test_note(form.test_mail_recipient().as_deref())}
        </p>
    }
}
