//! The QR decoder, in a web worker of its own: the page loads it (rqrr, about 90 KB) only when a
//! QR code is scanned, and decoding never blocks the page. Protocol: the worker posts `"ready"`,
//! then answers each `{width, height, data}` message (RGBA pixels) with the text of the first QR
//! code found, or `null`.
use js_sys::{Reflect, Uint8ClampedArray};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The first QR code found in an RGBA image.
fn decode_rgba(width: usize, height: usize, rgba: &[u8]) -> Option<String> {
    if width == 0 || height == 0 || rgba.len() < width.saturating_mul(height).saturating_mul(4) {
        return None;
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let i = y.saturating_mul(width).saturating_add(x).saturating_mul(4);
        match rgba.get(i..i.saturating_add(3)) {
            // ITU-R BT.601 luma.
            Some([r, g, b]) => {
                let l = 299 * u32::from(*r) + 587 * u32::from(*g) + 114 * u32::from(*b);
                u8::try_from(l / 1000).unwrap_or(u8::MAX)
            }
            _ => u8::MAX,
        }
    });
    image
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

fn dimension(data: &JsValue, key: &str) -> usize {
    Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 4096.0)
        .map_or(0, |v| {
            // Bounded to 4096 above: exact in usize.
            #[expect(clippy::as_conversions, reason = "a small non-negative whole number")]
            let n = v as usize;
            n
        })
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let (width, height) = (dimension(&data, "width"), dimension(&data, "height"));
        let pixels = Reflect::get(&data, &"data".into())
            .ok()
            .and_then(|v| v.dyn_into::<Uint8ClampedArray>().ok())
            .map(|a| a.to_vec())
            .unwrap_or_default();
        let answer = decode_rgba(width, height, &pixels).map_or(JsValue::NULL, JsValue::from);
        let _ = reply.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget(); // lives as long as the worker
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
