//! The integration-test binary: small fixture sites under `tests/fixtures/`,
//! driven through the real `site` binary and the library.

mod support;

mod autolink;
mod build;
mod entity_corpus;
mod entity_pages;
mod ingest;
mod ingest_corpus;
mod ingest_unseen;
mod markdown_safety;
mod owners;
mod properties;
mod publish;
mod reports;
mod search;
mod security;
mod serve;
mod vault;
mod wiki;
