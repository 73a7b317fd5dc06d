//! The review before saving: every setting the save changes with its value now and after saving,
//! what the re-read of Command Center's settings found meanwhile, and a last chance to go back.
//! A native `<dialog>` opened with `showModal()`, so focus, Escape and the inert background come
//! from the browser rather than from code of ours.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::dom::close_dialog;
use crate::core::flow::{ConfirmAction, PageFlow, Recheck, Review};
use crate::core::recheck::TheirChange;
use crate::words::{self, catalog as t};

#[component]
pub fn ReviewDialog(
    dialog: NodeRef<Dialog>,
    flow: RwSignal<PageFlow>,
    on_confirm: Callback<()>,
    /// "Discard mine and load theirs", offered once the re-read found other settings.
    on_load_theirs: Callback<()>,
    /// However the dialog closed (Back to the form, Escape, a save that went out).
    on_close: Callback<()>,
) -> impl IntoView {
    // Each part reads what it shows from the flow, so that the review itself is never copied.
    let changes = Memo::new(move |_| reviewed(flow, |r| r.changes.clone()).unwrap_or_default());
    let action = Memo::new(move |_| reviewed(flow, Review::confirm_action));
    let theirs = Memo::new(move |_| {
        reviewed(flow, |r| match &r.recheck {
            Recheck::Changed { theirs, .. } => Some(theirs.clone()),
            _ => None,
        })
        .flatten()
    });
    let summary = move || {
        reviewed(flow, |r| {
            words::review_summary(r.changes.len(), r.updates())
        })
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
            <h2 id="review-title">{move || t::review_title()}</h2>
            <p id="review-summary">{summary}</p>
            <table class="changes" id="review-changes">
                <thead>
                    <tr>
                        <th scope="col">{move || t::review_setting()}</th>
                        <th scope="col">{move || t::review_now()}</th>
                        <th scope="col">{move || t::review_after()}</th>
                    </tr>
                </thead>
                // Replaced whole when the re-read changes what the save does: a handful of rows.
                <tbody>
                    {move || changes.get().into_iter().map(|change| view! {
                        <tr>
                            <th scope="row">{words::field_label(change.field)}</th>
                            <td>{words::shown(&change.before)}</td>
                            <td>{words::shown(&change.after)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p id="review-recheck" class="review-recheck" role="status">
                {move || reviewed(flow, words::recheck)}
            </p>
            {move || theirs.get().map(|theirs| view! { <TheirChanges theirs /> })}
            <div class="dialog-actions">
                <button type="button" id="review-back" on:click=move |_| close_dialog(dialog)>
                    {move || t::button_back()}
                </button>
                {move || theirs.with(Option::is_some).then(|| view! {
                    <button type="button" id="review-load-theirs" on:click=move |_| on_load_theirs.run(())>
                        {move || t::button_load_theirs()}
                    </button>
                })}
                <button
                    type="button"
                    id="review-confirm"
                    class="primary"
                    aria-describedby="review-recheck"
                    disabled=move || action.get() == Some(ConfirmAction::Blocked)
                    on:click=move |_| on_confirm.run(())
                >
                    {move || action.get().map(words::confirm_action)}
                </button>
            </div>
        </dialog>
    }
}

/// What the review under way shows, read from the flow.
fn reviewed<T>(flow: RwSignal<PageFlow>, read: impl FnOnce(&Review) -> T) -> Option<T> {
    flow.with(|flow| flow.under_review().map(read))
}

/// What someone changed in Command Center since the page loaded it: each setting when loaded,
/// now, and as the administrator typed it, with the ones both changed marked. A narrow screen
/// shows each setting as a block, its values named by their cells' `data-label`.
#[component]
fn TheirChanges(theirs: Vec<TheirChange>) -> impl IntoView {
    let rows = theirs
        .into_iter()
        .map(|change| {
            let both = change.both_changed.then(|| {
                view! { <span class="both-changed">{move || t::review_both_changed()}</span> }
            });
            view! {
                <tr class:conflict=change.both_changed>
                    <th scope="row">{words::field_label(change.field)}</th>
                    <td data-label=t::review_when_loaded>{words::shown(&change.loaded)}</td>
                    <td data-label=t::review_now_there>{words::shown(&change.now)}</td>
                    <td data-label=t::review_yours>{words::shown(&change.mine)}" "{both}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="their-changes" aria-labelledby="review-changed-title">
            <h3 id="review-changed-title">{move || t::review_changed_title()}</h3>
            <p>{move || t::review_changed_lead()}</p>
            <table class="changes" id="review-their-changes">
                <thead>
                    <tr>
                        <th scope="col">{move || t::review_setting()}</th>
                        <th scope="col">{move || t::review_when_loaded()}</th>
                        <th scope="col">{move || t::review_now_there()}</th>
                        <th scope="col">{move || t::review_yours()}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
