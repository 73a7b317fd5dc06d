use wasm_bindgen::JsCast;

fn main() {
    commandcenter_email::install_panic_report();
    let document = leptos::prelude::document();
    // index.html shows the outline of the sign-in panel in #app until the wasm runs; the app
    // takes its place (the page's header around #app is index.html's own).
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    root.set_inner_html("");
    leptos::mount::mount_to(root.unchecked_into(), commandcenter_email::App).forget();
}
