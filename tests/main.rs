//! The one integration-test binary (each test binary links all of Bevy): modules by concern.

mod bank;
mod cli;
mod draw_stats;
mod flow;
mod input_mapping;
mod matcher;
mod packs;
mod screens;
mod settings_file;
mod support;
