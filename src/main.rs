use wasm_bindgen::JsCast;

fn main() {
    commandcenter_email::install_panic_report();
    let document = leptos::prelude::document();
    // index.html paints the page's header and its sign-in form before the wasm runs; the app
    // renders into #app-root beside them, and takes the form over where it stands.
    let Some(root) = document.get_element_by_id("app-root") else {
        return;
    };
    leptos::mount::mount_to(root.unchecked_into(), commandcenter_email::App).forget();
}
