//! QR codes: from a photo (a file, or the phone camera through the file picker) or live from the
//! camera (getUserMedia). The page draws the image on a canvas; the pixels are decoded by rqrr in
//! a web worker of its own (src/bin/qr-worker.rs), loaded on first use so the decoder is not part
//! of the first load. What the code holds (a link to a credential, a portal deep link, or a
//! credential itself) goes to the Verify page.
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{T, use_lang};

/// Longest side an image is scaled down to before decoding: enough for a printed code, and it
/// bounds the decoder's work on a 50-megapixel photo.
const MAX_SIDE: f64 = 1024.0;

/// What a QR code held, for the Verify page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Scanned {
    /// A link to a credential (a portal deep link is unwrapped to its `url`).
    Link(String),
    /// A credential itself (JSON or a JWT).
    Credential(String),
}

/// Reads a QR code's text.
pub(crate) fn interpret(text: &str) -> Option<Scanned> {
    let text = text.trim();
    if text.starts_with("https://") || text.starts_with("http://") {
        let inner = text
            .split_once('#')
            .and_then(|(_, hash)| crate::app::deep_link(&format!("#{hash}")));
        return Some(Scanned::Link(inner.unwrap_or_else(|| text.to_string())));
    }
    (text.starts_with('{') || text.starts_with("eyJ")).then(|| Scanned::Credential(text.into()))
}

thread_local! {
    static WORKER: core::cell::RefCell<Option<web_sys::Worker>> = const { core::cell::RefCell::new(None) };
}

/// A promise and the function that resolves it.
fn futures_channel() -> (js_sys::Function, js_sys::Promise) {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
    (
        resolve.unwrap_or_else(|| js_sys::Function::new_no_args("")),
        promise,
    )
}

/// The decoder worker (qr-worker, built by Trunk as a worker of its own), started on first use.
async fn worker() -> Option<web_sys::Worker> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Some(w);
    }
    let url = crate::fetch::resolve("qr-worker_loader.js")?;
    let worker = web_sys::Worker::new(&url).ok()?;
    // It says "ready" once its handler is in place.
    next_message(&worker, None).await?;
    WORKER.with(|w| *w.borrow_mut() = Some(worker.clone()));
    Some(worker)
}

/// The first QR code found in an RGBA image, decoded in the worker.
async fn decode_rgba(
    width: u32,
    height: u32,
    rgba: wasm_bindgen::Clamped<Vec<u8>>,
) -> Option<String> {
    let worker = worker().await?;
    let message = js_sys::Object::new();
    let pixels = js_sys::Uint8ClampedArray::from(rgba.0.as_slice());
    let _ = js_sys::Reflect::set(&message, &"width".into(), &width.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = js_sys::Reflect::set(&message, &"data".into(), &pixels);
    let reply = next_message(&worker, Some(&message)).await?;
    reply.as_string()
}

/// Posts `message` (if any) and waits for the worker's next message.
async fn next_message(worker: &web_sys::Worker, message: Option<&JsValue>) -> Option<JsValue> {
    let (tx, rx) = futures_channel();
    let on_message =
        wasm_bindgen::closure::Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = tx.call1(&JsValue::UNDEFINED, &event.data());
        });
    worker.set_onmessage(Some(on_message.unchecked_ref()));
    if let Some(message) = message {
        worker.post_message(message).ok()?;
    }
    let value = JsFuture::from(rx).await.ok();
    worker.set_onmessage(None);
    value
}

/// Draws `source` (scaled to at most MAX_SIDE) on a canvas and decodes it.
#[expect(
    clippy::as_conversions,
    reason = "canvas sizes are small whole numbers of pixels"
)]
async fn decode_drawn(
    width: f64,
    height: f64,
    draw: impl Fn(&web_sys::CanvasRenderingContext2d, f64, f64),
) -> Option<String> {
    if width < 1.0 || height < 1.0 {
        return None;
    }
    let scale = (MAX_SIDE / width.max(height)).min(1.0);
    let (w, h) = ((width * scale).round(), (height * scale).round());
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    draw(&ctx, w, h);
    let data = ctx.get_image_data(0.0, 0.0, w, h).ok()?;
    decode_rgba(w as u32, h as u32, data.data()).await
}

async fn decode_file(file: web_sys::File) -> Option<String> {
    let window = web_sys::window()?;
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window.create_image_bitmap_with_blob(&file).ok()?)
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    let (width, height) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    decode_drawn(width, height, |ctx, w, h| {
        let _ = ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w, h);
    })
    .await
}

fn stop(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// Opens the camera and decodes frames until a code is found, the user stops, or a minute passes.
async fn scan_camera(
    video: web_sys::HtmlVideoElement,
    running: RwSignal<bool>,
) -> Result<Option<String>, ()> {
    let window = web_sys::window().ok_or(())?;
    let devices = window.navigator().media_devices().map_err(|_| ())?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video_constraints = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &video_constraints,
        &"facingMode".into(),
        &"environment".into(),
    );
    constraints.set_video(&video_constraints);
    let stream: web_sys::MediaStream = JsFuture::from(
        devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|_| ())?,
    )
    .await
    .map_err(|_| ())?
    .dyn_into()
    .map_err(|_| ())?;
    video.set_src_object(Some(&stream));
    if let Ok(p) = video.play() {
        let _ = JsFuture::from(p).await;
    }
    let mut found = None;
    for _ in 0..200 {
        if !running.get_untracked() {
            break;
        }
        sleep(300).await;
        let (w, h) = (
            f64::from(video.video_width()),
            f64::from(video.video_height()),
        );
        if let Some(text) = decode_drawn(w, h, |ctx, dw, dh| {
            let _ = ctx.draw_image_with_html_video_element_and_dw_and_dh(&video, 0.0, 0.0, dw, dh);
        })
        .await
        {
            found = Some(text);
            break;
        }
    }
    stop(&stream);
    video.set_src_object(None);
    Ok(found)
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The QR inputs: a photo, and the live camera.
#[component]
pub(crate) fn QrScan(on_scan: Callback<Scanned>) -> impl IntoView {
    let lang = use_lang();
    let t = move |key: T| key.get(lang.get());
    let (problem, set_problem) = signal(None::<T>);
    let running = RwSignal::new(false);
    let video_ref = NodeRef::<leptos::html::Video>::new();
    let found = move |text: Option<String>| match text.as_deref().and_then(interpret) {
        Some(scanned) => {
            set_problem.set(None);
            on_scan.run(scanned);
        }
        None if text.is_some() => set_problem.set(Some(T::QrNotCredential)),
        None => set_problem.set(Some(T::QrNone)),
    };
    let on_photo = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        spawn_local(async move { found(decode_file(file).await) });
    };
    let camera = move |_| {
        if running.get_untracked() {
            running.set(false);
            return;
        }
        let Some(video) = video_ref.get_untracked() else {
            return;
        };
        let video: web_sys::HtmlVideoElement = video.unchecked_into::<JsValue>().unchecked_into();
        running.set(true);
        spawn_local(async move {
            match scan_camera(video, running).await {
                Ok(Some(text)) => found(Some(text)),
                Ok(None) => {}
                Err(()) => set_problem.set(Some(T::QrNoCamera)),
            }
            running.set(false);
        });
    };
    view! {
        <div class="qr">
            <label for="qr-file">{move || t(T::QrPhotoLabel)}</label>
            <input id="qr-file" data-testid="qr-file" type="file" accept="image/*" capture="environment" on:change=on_photo />
            <button type="button" data-testid="qr-camera" on:click=camera>
                {move || if running.get() { t(T::QrStop) } else { t(T::QrCamera) }}
            </button>
            <video node_ref=video_ref data-testid="qr-video" class:hidden=move || !running.get() muted=true playsinline=true></video>
            {move || problem.get().map(|p| view! { <p class="error" role="alert" data-testid="qr-error">{t(p)}</p> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_code_holds() {
        assert_eq!(
            interpret(" https://u.example/badges/1.json "),
            Some(Scanned::Link("https://u.example/badges/1.json".into()))
        );
        assert_eq!(
            interpret("eyJhbGciOi.x.y"),
            Some(Scanned::Credential("eyJhbGciOi.x.y".into()))
        );
        assert_eq!(interpret("hello"), None);
        assert_eq!(interpret("javascript:alert(1)"), None);
    }
}
