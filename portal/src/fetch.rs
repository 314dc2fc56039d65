//! Fetching what a credential points to, with plain-language errors.
use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::{Lang, T, fill};

/// How long a fetch may take, body included.
const TIMEOUT_MS: i32 = 10_000;

/// Largest linked credential fetched (the core's input limit: a baked badge can be large).
pub(crate) const MAX_CREDENTIAL_BYTES: usize = 10 * 1024 * 1024;

/// Why a document could not be fetched, told in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FetchError {
    BadLink(String),
    Scheme(String),
    Timeout,
    Failed,
    Status(u16, String),
    TooLarge,
    Interrupted,
}

impl FetchError {
    pub(crate) fn text(&self, lang: Lang) -> String {
        match self {
            Self::BadLink(url) => fill(T::FetchBadLink.get(lang), &[url]),
            Self::Scheme(scheme) => fill(T::FetchScheme.get(lang), &[scheme]),
            Self::Timeout => T::FetchTimeout.get(lang).into(),
            Self::Failed => T::FetchFailed.get(lang).into(),
            Self::Status(code, text) => fill(T::FetchStatus.get(lang), &[&code.to_string(), text]),
            Self::TooLarge => T::FetchTooLarge.get(lang).into(),
            Self::Interrupted => T::FetchInterrupted.get(lang).into(),
        }
    }
}

/// `url` made absolute against the page's address (so the portal works under any sub-path).
pub(crate) fn resolve(url: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(url, &base)
        .ok()
        .map(|u| u.href())
}

/// Whether `url` points to this machine (127.0.0.1, localhost, [::1]).
fn is_loopback(url: &web_sys::Url) -> bool {
    matches!(url.hostname().as_str(), "127.0.0.1" | "localhost" | "[::1]")
}

/// Fetches `url` (at most `max_bytes`); the error is a sentence for a person. With
/// `http_loopback` (a test setting from trust.json), `https://127.0.0.1…` is fetched over http.
pub(crate) async fn fetch_bytes(
    url: &str,
    max_bytes: usize,
    http_loopback: bool,
) -> Result<Vec<u8>, FetchError> {
    let parsed = web_sys::Url::new(url).map_err(|_| FetchError::BadLink(url.into()))?;
    let scheme = parsed.protocol();
    if scheme != "https:" && scheme != "http:" {
        return Err(FetchError::Scheme(scheme));
    }
    if http_loopback && scheme == "https:" && is_loopback(&parsed) {
        parsed.set_protocol("http:");
    }
    // Give up after TIMEOUT_MS: a server that never answers must not leave the page waiting.
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.as_ref().and_then(|c| {
        let controller = c.clone();
        let abort = Closure::once_into_js(move || controller.abort());
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok()
    });
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let sent = Request::get(&parsed.href())
        .abort_signal(signal.as_ref())
        .send()
        .await;
    let clear = || {
        if let (Some(window), Some(timer)) = (web_sys::window(), timer) {
            window.clear_timeout_with_handle(timer);
        }
    };
    let response = sent.map_err(|_| {
        clear();
        if signal.as_ref().is_some_and(web_sys::AbortSignal::aborted) {
            return FetchError::Timeout;
        }
        FetchError::Failed
    })?;
    if !response.ok() {
        return Err(FetchError::Status(
            response.status(),
            response.status_text(),
        ));
    }
    let too_large = || FetchError::TooLarge;
    if response
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok())
        .is_some_and(|l| l > max_bytes)
    {
        return Err(too_large());
    }
    let bytes = response.binary().await;
    clear();
    let bytes = bytes.map_err(|_| FetchError::Interrupted)?;
    if bytes.len() > max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}
