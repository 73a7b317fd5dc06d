//! The review before saving: every changed setting with its value now and after saving, and a
//! last chance to go back. A native `<dialog>` opened with `showModal()`, so focus, Escape and
//! the inert background come from the browser rather than from code of ours.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::core::changes::Change;

#[component]
pub fn ReviewDialog(
    dialog: NodeRef<Dialog>,
    /// The changes under review; `None` while the dialog is closed.
    changes: RwSignal<Option<Vec<Change>>>,
    /// Whether Command Center has settings already (then this is an update, not a first setup).
    updating: Signal<bool>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let summary = move || {
        let count = changes.with(|c| c.as_ref().map_or(0, Vec::len));
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
            // Escape closes the dialog too: whatever closed it, nothing is under review any more.
            on:close=super::handler(move |_| changes.set(None))
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
                    {move || {
                        changes
                            .get()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|change| view! {
                                <tr>
                                    <th scope="row">{change.field.label()}</th>
                                    <td>{change.before}</td>
                                    <td>{change.after}</td>
                                </tr>
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <div class="dialog-actions">
                <button type="button" id="review-back" on:click=super::handler(move |_| close())>
                    "Back"
                </button>
                <button
                    type="button"
                    id="review-confirm"
                    class="primary"
                    on:click=super::handler(move |_| {
                        on_confirm.run(());
                        close();
                    })
                >
                    "Confirm"
                </button>
            </div>
        </dialog>
    }
}
