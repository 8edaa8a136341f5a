//! The domain: a masterplan and everything that can be known or done to it
//! without a file, a terminal or a clock. Nothing here does I/O.
//!
//! `model` is the data-file contract; `field` is the one registry of a
//! programme's fields (name, read, write, compare, label, parse) that `set`,
//! forms, merge, the audit diff and the reports iterate.

pub mod achievement;
pub mod canonical;
pub mod change;
pub mod conflicts;
pub mod edit;
pub mod evaluation;
pub mod field;
pub mod history;
pub mod merge;
pub mod model;
pub mod progress;
pub mod schema;
pub mod validate;
