//! The few things the components do to the DOM directly: open and close a dialog, move the focus.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::fields::input_id;
use crate::core::settings::Field;

/// Opens a dialog as a modal: the browser keeps focus inside, closes it on Escape and makes the
/// page behind it inert.
pub fn show_modal(dialog: NodeRef<Dialog>) {
    if let Some(dialog) = dialog.get_untracked() {
        // Fails only if the dialog is already open, and then it is where it should be.
        let _ = dialog.show_modal();
    }
}

pub fn close_dialog(dialog: NodeRef<Dialog>) {
    if let Some(dialog) = dialog.get_untracked() {
        dialog.close();
    }
}

/// Waits a frame so that the field's error is in the page when focus lands and a screen reader
/// reads the field with its description.
pub fn focus_input(field: Field) {
    focus_element(input_id(field));
}

/// Focuses the element `id` after a frame, once the view has caught up.
pub fn focus_element(id: &'static str) {
    request_animation_frame(move || {
        let element = document()
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            // Focus can only fail on a detached element; then there is nothing to move to.
            let _ = element.focus();
        }
    });
}
