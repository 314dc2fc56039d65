//! Verity portal: verifies credentials in the browser. Nothing is sent anywhere except requests for
//! the documents a credential itself points to (a link the user pasted, the issuer's DID document).
// Leptos' #[component] macro makes the generated props types `pub`.
#![allow(unreachable_pub)]

use leptos::prelude::*;

mod app;
mod certs;
mod clock;
mod fetch;
mod i18n;
mod pathway;
mod qr;
mod trust;
mod verify;

fn main() {
    console_error_panic_hook::set_once();
    register_service_worker();
    mount_to_body(app::Root);
}

/// Offline use after the first load: sw.js (written by the build) caches the built assets. Only
/// where service workers exist (secure contexts); failing to register changes nothing else.
fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if supported {
        let promise = navigator.service_worker().register("sw.js");
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
