//! The review before saving: every changed setting with its value now and after saving, and a
//! last chance to go back. A native `<dialog>` opened with `showModal()`, so focus, Escape and
//! the inert background come from the browser rather than from code of ours.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::dom::close_dialog;
use crate::core::changes::Change;
use crate::words::{self, catalog as t};

#[component]
pub fn ReviewDialog(
    dialog: NodeRef<Dialog>,
    /// The changes under review; empty while the dialog is closed.
    #[prop(into)]
    changes: Signal<Vec<Change>>,
    /// Whether Command Center has settings already (then this is an update, not a first setup).
    #[prop(into)]
    updating: Signal<bool>,
    on_confirm: Callback<()>,
    /// However the dialog closed (Back, Confirm, Escape).
    on_close: Callback<()>,
) -> impl IntoView {
    let summary = move || words::review_summary(changes.with(Vec::len), updating.get());
    view! {
        <dialog
            node_ref=dialog
            id="review-dialog"
            class="review-dialog"
            aria-labelledby="review-title"
            aria-describedby="review-summary"
            on:close=move |_| on_close.run(())
        >
            <h2 id="review-title">{t::review_title()}</h2>
            <p id="review-summary">{summary}</p>
            <table class="changes">
                <thead>
                    <tr>
                        <th scope="col">{t::review_setting()}</th>
                        <th scope="col">{t::review_now()}</th>
                        <th scope="col">{t::review_after()}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || changes.get() key=|change| change.clone() let(change)>
                        <tr>
                            <th scope="row">{words::field_label(change.field)}</th>
                            <td>{words::shown(&change.before)}</td>
                            <td>{words::shown(&change.after)}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <div class="dialog-actions">
                <button type="button" id="review-back" on:click=move |_| close_dialog(dialog)>
                    {t::button_back()}
                </button>
                <button
                    type="button"
                    id="review-confirm"
                    class="primary"
                    on:click=move |_| {
                        on_confirm.run(());
                        close_dialog(dialog);
                    }
                >
                    {t::button_confirm()}
                </button>
            </div>
        </dialog>
    }
}
