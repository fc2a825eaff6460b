//! Development server (in progress).
