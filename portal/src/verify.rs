//! Runs the core: fetch what the credential needs, then verify at the browser's current time.
use verifier_core::{Context, Limits, Report};

use crate::{clock, fetch};

/// Fetches the documents the credential refers to (DID documents), then verifies.
/// A document that cannot be fetched is simply absent: the core reports the check as skipped.
pub(crate) async fn verify_bytes(bytes: Vec<u8>) -> Report {
    let mut ctx = Context::default();
    for need in verifier_core::needs(&bytes, &Limits::default()) {
        if let Ok(doc) = fetch::fetch_bytes(&need.url).await {
            ctx.documents.insert(need.url, doc);
        }
    }
    verifier_core::verify(&bytes, &ctx, clock::now())
}
