//! parallax puts several news articles about one event side by side and shows what they
//! agree on, where they diverge, who said what, and which claims conflict.
//!
//! The library runs the analysis ([`analyze`]) and produces an [`Analysis`], the one model
//! that the terminal viewer, `parallax analyze --json` and the exporters all read. Data
//! flows one way: load → segment → align → compare → model.

pub mod analysis;
pub mod atomic;
pub mod error;
pub mod export;
#[doc(hidden)]
pub mod fixture;
pub mod model;
pub mod span;
pub mod tui;

pub use analysis::load::Input;
pub use analysis::{Options, analyze, analyze_inputs};
pub use error::{Error, Result};
pub use model::Analysis;
pub use span::{ArticleId, SentenceId, Span};
