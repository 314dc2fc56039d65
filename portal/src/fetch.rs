//! Fetching what a credential points to, with plain-language errors.
use gloo_net::http::Request;

/// Largest linked credential fetched (the core's input limit: a baked badge can be large).
pub(crate) const MAX_CREDENTIAL_BYTES: usize = 10 * 1024 * 1024;

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
) -> Result<Vec<u8>, String> {
    let parsed = web_sys::Url::new(url).map_err(|_| format!("“{url}” is not a valid link."))?;
    let scheme = parsed.protocol();
    if scheme != "https:" && scheme != "http:" {
        return Err(format!(
            "Only http and https links can be fetched, not {scheme}"
        ));
    }
    if http_loopback && scheme == "https:" && is_loopback(&parsed) {
        parsed.set_protocol("http:");
    }
    let response = Request::get(&parsed.href()).send().await.map_err(|_| {
        "The link could not be fetched. The server may be unreachable, or it does not allow other sites \
         to read this file (CORS). Download the file and drop it here instead."
            .to_string()
    })?;
    if !response.ok() {
        return Err(format!(
            "The server answered {} {} for this link.",
            response.status(),
            response.status_text()
        ));
    }
    let too_large = || "The linked file is too large.".to_string();
    if response
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok())
        .is_some_and(|l| l > max_bytes)
    {
        return Err(too_large());
    }
    let bytes = response
        .binary()
        .await
        .map_err(|_| "The download was interrupted.".to_string())?;
    if bytes.len() > max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}
