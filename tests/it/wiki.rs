//! Integration tests: wiki.
