//! The terminal viewer, built the Elm way: [`App`] is the whole state, [`Action`] every way
//! it can change, [`App::update`] the only place it changes, and [`view::render`] a pure
//! function of it. [`keymap`] turns key presses into actions; [`layout`] places the panes
//! for both update and view; [`terminal`] is the one impure part (terminal set-up, the
//! event loop, running effects).
//!
//! Nothing here is used by the analysis: `analysis`, `model` and `span` never import
//! ratatui.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

pub use action::{Action, Effect};
pub use app::App;
pub use terminal::run;
