//! A paragraph that comes and goes: a field's hint or error, the outcome of a save, a notice.
//!
//! They all render through [`Note`], one view type, so that tachys keeps a single copy of the
//! code that shows, changes and hides such a paragraph instead of one per place (0.4 KB of
//! brotli for the field notes alone).

use leptos::prelude::*;

pub struct Note {
    class: &'static str,
    text: String,
    id: Option<String>,
    /// `status` (polite) or `alert` (interrupts): a live region for screen readers.
    role: Option<&'static str>,
}

impl Note {
    pub fn new(class: &'static str, text: impl Into<String>) -> Self {
        Note {
            class,
            text: text.into(),
            id: None,
            role: None,
        }
    }

    pub fn id(self, id: String) -> Self {
        Note {
            id: Some(id),
            ..self
        }
    }

    pub fn role(self, role: &'static str) -> Self {
        Note {
            role: Some(role),
            ..self
        }
    }

    pub fn view(self) -> impl IntoView {
        let Note {
            class,
            text,
            id,
            role,
        } = self;
        view! { <p class=class id=id role=role>{text}</p> }
    }
}
