//! Library side of the `verity` CLI: key files and credential issuance, shared with the tests.
pub mod anchor;
pub mod fetch;
pub mod issuance;
pub mod keyfile;
pub mod status;
