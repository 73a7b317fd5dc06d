//! The page's components. They render signals and forward events; every decision (is this
//! valid, what does this answer mean, what is the message) is the core's.

mod fields;
mod form_state;
mod load_status;
mod page;
mod review;
mod status;

use leptos::prelude::*;

pub use page::EmailServerPage;

#[component]
pub fn App() -> impl IntoView {
    view! { <EmailServerPage /> }
}
