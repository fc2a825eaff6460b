//! The integration-test binary: small fixture sites under `tests/fixtures/`,
//! driven through the real `site` binary and the library.

mod support;

mod build;
mod ingest;
mod ingest_corpus;
mod ingest_unseen;
mod search;
mod serve;
mod wiki;
