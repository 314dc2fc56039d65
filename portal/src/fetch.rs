//! Fetching what a credential points to, with plain-language errors.
use gloo_net::http::Request;

/// Largest document fetched (a credential or a DID document is a few KB; 10 MiB is the core's input limit).
const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Fetches `url`; the error is a sentence for a person.
pub(crate) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let parsed = web_sys::Url::new(url).map_err(|_| format!("“{url}” is not a valid link."))?;
    let scheme = parsed.protocol();
    if scheme != "https:" && scheme != "http:" {
        return Err(format!(
            "Only http and https links can be fetched, not {scheme}"
        ));
    }
    let response = Request::get(url).send().await.map_err(|_| {
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
    let bytes = response
        .binary()
        .await
        .map_err(|_| "The download was interrupted.".to_string())?;
    if bytes.len() > MAX_BYTES {
        return Err("The linked file is too large to be a credential.".into());
    }
    Ok(bytes)
}
