//! The operator's theme: `config.json`'s `themeStylesheet`, a stylesheet of the page's own server
//! that sets the custom properties of style/main.css. Until `config.json` has been read the page
//! has its own colours; a theme it cannot use is reported, and only the theme is dropped.

use leptos::prelude::*;

use super::connection::ConnectionState;
use crate::core::config::ThemeProblem;
use crate::words;

#[component]
pub fn OperatorTheme() -> impl IntoView {
    let connection = expect_context::<ConnectionState>();
    let page_origin = window().location().origin().unwrap_or_default();
    let stylesheet =
        Memo::new(move |_| connection.config.with(|c| c.theme_stylesheet(&page_origin)));
    let load_failed = RwSignal::new(false);
    let problem = move || match stylesheet.get() {
        Err(problem) => Some(problem),
        Ok(Some(url)) if load_failed.get() => Some(ThemeProblem::NotLoaded { url }),
        Ok(_) => None,
    };
    // A stylesheet link may stand in the body; after main.css, it wins where both set a property.
    view! {
        {move || stylesheet.get().ok().flatten().map(|url| view! {
            <link rel="stylesheet" href=url on:error=move |_| load_failed.set(true) />
        })}
        {move || problem().map(|problem| view! {
            <p class="notice">{words::theme_problem(&problem)}</p>
        })}
    }
}
