//! The domain: a masterplan and everything that can be known or done to it
//! without a file, a terminal or a clock. Nothing here does I/O.
//!
//! `model` is the data-file contract; `schema` names every field and says,
//! one row per programme field, of what kind it is and where it appears (the
//! form, the detail view, the sheet, a report, the data file); `field` reads,
//! parses, compares and copies each. `set`, the forms, the sheet, the
//! canonical writer, the merge and the audit diff loop over them.

pub mod achievement;
pub mod canonical;
pub mod change;
pub mod conflicts;
pub mod edit;
pub mod evaluation;
pub mod field;
pub mod fiscal;
pub mod followup;
pub mod history;
pub mod merge;
pub mod model;
pub mod progress;
pub mod province;
pub mod questions;
pub mod schema;
pub mod typed;
pub mod validate;
pub mod year;
