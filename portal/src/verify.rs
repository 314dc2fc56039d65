//! Runs the core: fetch what the credentials need, then verify at the browser's current time.
use verifier_core::{Context, Report};

use crate::trust::Trust;
use crate::{clock, fetch};

/// A context for these inputs: the portal's trust list and the documents they refer to (DID
/// documents, status lists, and what those refer to). A document that cannot be fetched is
/// simply absent: the core reports the checks that needed it as skipped.
pub(crate) async fn context_for(inputs: &[&[u8]], trust: &Trust) -> Context {
    let mut ctx = Context::default();
    let config = trust.config.as_ref();
    if let Some(config) = config {
        config.apply(&mut ctx);
    }
    let loopback = config.is_some_and(|c| c.allow_http_loopback);
    let mut tried = std::collections::BTreeSet::new();
    // A status list names its issuer's key document only once fetched: a few rounds.
    for _ in 0..3 {
        let mut fetched_any = false;
        let needs: Vec<verifier_core::Need> = inputs
            .iter()
            .flat_map(|bytes| verifier_core::needs_with(bytes, &ctx))
            .collect();
        for need in needs {
            if !tried.insert(need.url.clone()) {
                continue;
            }
            // A mirror named in trust.json (relative to the portal) replaces the original URL.
            let source = config
                .and_then(|c| c.resource(&need.url))
                .and_then(fetch::resolve)
                .unwrap_or_else(|| need.url.clone());
            if let Ok(doc) =
                fetch::fetch_bytes(&source, ctx.limits.max_document_bytes, loopback).await
            {
                ctx.documents.insert(need.url, doc);
                fetched_any = true;
            }
        }
        if !fetched_any {
            break;
        }
    }
    ctx
}

/// Fetches what the credential needs, then verifies it with the portal's trust list.
pub(crate) async fn verify_bytes(bytes: Vec<u8>, trust: &Trust) -> Report {
    let ctx = context_for(&[&bytes], trust).await;
    verifier_core::verify(&bytes, &ctx, clock::now())
}
