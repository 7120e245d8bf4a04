//! Big Tuna Trivia: a trivia game about Jim Halpert of *The Office* (US), on Bevy.
//!
//! [`game`] and [`pack`] are the rules and the data; they run headless, with
//! `MinimalPlugins` and `StatesPlugin`. [`app`] assembles them with the window, [`screens`],
//! [`input`], [`audio`] and [`persist`]ed settings.

pub mod app;
pub mod audio;
pub mod challenge;
pub mod cli;
pub mod frame_limit;
pub mod game;
pub mod graphics;
pub mod input;
pub mod library_read;
pub mod loading;
pub mod net;
pub mod no_gpu;
pub mod pack;
pub mod paths;
pub mod persist;
pub mod question_sound;
pub mod reload;
pub mod report;
pub mod screens;
#[cfg(feature = "dev")]
pub mod script;
pub mod shipped;
pub mod theme;
pub mod unix_time;
pub mod window;
pub mod words;
