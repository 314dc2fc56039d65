//! Verity portal: verifies credentials in the browser. Nothing is sent anywhere except requests for
//! the documents a credential itself points to (a link the user pasted, the issuer's DID document).
// Leptos' #[component] macro makes the generated props types `pub`.
#![allow(unreachable_pub)]

use leptos::prelude::*;

mod app;
mod certs;
mod clock;
mod fetch;
mod pathway;
mod trust;
mod verify;

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(app::Root);
}
