//! The review before saving: every changed setting with its value now and after saving, and a
//! last chance to go back. A native `<dialog>` opened with `showModal()`, so focus, Escape and
//! the inert background come from the browser rather than from code of ours.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::close_dialog;
use crate::core::changes::Change;

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
    let summary = move || {
        let count = changes.with(Vec::len);
        let settings = if count == 1 { "setting" } else { "settings" };
        if updating.get() {
            format!("Command Center's email server will be updated: {count} {settings} change.")
        } else {
            format!(
                "Command Center's email server will be configured with these {count} {settings}."
            )
        }
    };
    view! {
        <dialog
            node_ref=dialog
            id="review-dialog"
            class="review-dialog"
            aria-labelledby="review-title"
            aria-describedby="review-summary"
            on:close=move |_| on_close.run(())
        >
            <h2 id="review-title">"Review the changes"</h2>
            <p id="review-summary">{summary}</p>
            <table class="changes">
                <thead>
                    <tr>
                        <th scope="col">"Setting"</th>
                        <th scope="col">"Now"</th>
                        <th scope="col">"After saving"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || changes.get() key=|change| change.clone() let(change)>
                        <tr>
                            <th scope="row">{change.field.label()}</th>
                            <td>{change.before}</td>
                            <td>{change.after}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <div class="dialog-actions">
                <button type="button" id="review-back" on:click=move |_| close_dialog(dialog)>
                    "Back"
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
                    "Confirm"
                </button>
            </div>
        </dialog>
    }
}
