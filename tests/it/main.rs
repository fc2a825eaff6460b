//! The integration-test binary: small fixture sites under `tests/fixtures/`,
//! driven through the real `site` binary and the library.

mod support;

mod build;
mod ingest;
mod ingest_unseen;
mod properties;
mod publish;
mod search;
mod security;
mod serve;
mod wiki;
