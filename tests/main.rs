//! The one integration-test binary (each test binary links all of Bevy): modules by concern.

mod answer_drafts;
mod architecture;
mod bank;
mod cli;
mod draw_stats;
mod flags;
mod flow;
mod fuzz;
mod history;
mod importers;
mod input_mapping;
mod matcher;
mod pack_reload;
mod packs;
mod party_modes;
mod party_screens;
mod phone_browser;
mod phone_games;
mod phone_page;
mod phone_screens;
mod phones;
mod replay;
mod screens;
mod settings_file;
mod setup_steps;
mod support;
