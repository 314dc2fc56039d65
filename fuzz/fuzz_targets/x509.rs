//! X.509: PEM/DER parsing and chain validation never panic and always report.
//! The input's own last certificate is also tried as the trust anchor, so that path building,
//! signature checks and name constraints run on fuzzed certificates, within the budgets.
#![no_main]
use libfuzzer_sys::fuzz_target;
use verifier_core::x509::{self, ChainOptions, Purpose, names::ServerName};
use verifier_core::{Limits, UnixTime};

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let now = UnixTime(1_780_000_000);
    let mut options = ChainOptions::new(Purpose::Server);
    options.name = ServerName::parse("www.example.com");
    assert!(!x509::verify_chain(data, &[], &options, &limits, now).checks.is_empty());
    if let Ok(certs) = x509::parse_certificates(data, &limits) {
        for c in &certs {
            let _ = (c.lifetime(now), c.public_key(), c.is_tls_server());
        }
        let anchor = &certs[certs.len() - 1..];
        assert!(!x509::verify_certificates(&certs, anchor, &options, &limits, now).checks.is_empty());
    }
});
