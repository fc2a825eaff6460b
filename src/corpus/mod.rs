//! Deterministic benchmark corpus generator (in progress).
