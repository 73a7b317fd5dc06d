use wasm_bindgen::JsCast;

fn main() {
    commandcenter_email::install_panic_report();
    let document = leptos::prelude::document();
    // index.html shows a loading text in #app until the wasm runs; the app takes its place.
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    root.set_inner_html("");
    leptos::mount::mount_to(root.unchecked_into(), commandcenter_email::App).forget();
}
