//! A bug in the page must not leave a frozen form that silently does nothing: a panic puts a
//! plain notice at the top of the page (and the details in the browser console).

use leptos::prelude::document;

use crate::words::catalog;

const NOTICE_ID: &str = "page-error";

/// Installs the panic hook; call once, before mounting.
pub fn install_panic_report() {
    std::panic::set_hook(Box::new(|info| {
        // A JS Error, so that the console shows the message with the stack at the panic.
        web_sys::console::error_1(&js_sys::Error::new(&info.to_string()));
        show_notice();
    }));
}

fn show_notice() {
    let document = document();
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id(NOTICE_ID);
    notice.set_class_name("status status-failure page-error");
    // Failing to set the role only costs the announcement; the text still shows.
    let _ = notice.set_attribute("role", "alert");
    // The panic message stays in the console: it is for developers, and the page must never
    // risk showing data it was handling.
    notice.set_text_content(Some(&catalog::page_error()));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&notice);
    }
}
