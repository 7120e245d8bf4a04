//! The title screen: start solo or a party night, browse packs, settings, quit.

use bevy::prelude::*;

use super::go_to;
use crate::game::high_scores::HighScores;
use crate::game::{GameSettings, GameSystems, Screen};
use crate::input::AppCommand;
use crate::pack::PackLibrary;
use crate::persist::UserSettings;
use crate::persist::saved_game::{Interrupted, InterruptedChoice, SavedGame};
use crate::theme::focus::{Activate, FocusFirst, GridCell};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};
use crate::words::count;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), spawn)
        .add_systems(Update, (withdraw_offer, fit_scores).run_if(in_state(Screen::Title)).in_set(GameSystems::Screens));
}

/// The title's root, laid out again in place when the offer is put away.
#[derive(Component)]
struct TitleRoot;

/// The offer to resume an interrupted game, while there is one.
#[derive(Component)]
struct ResumeOffer;

fn spawn(
    mut commands: Commands,
    fonts: Res<Fonts>,
    library: Res<PackLibrary>,
    interrupted: Option<Res<Interrupted>>,
    high_scores: Res<HighScores>,
) {
    let questions: usize = library.packs.iter().map(|p| p.questions.len()).sum();
    let mut status = format!("{} · {questions} questions", count(library.packs.len(), "pack", "packs"));
    if !library.skipped.is_empty() {
        status.push_str(&format!(" · {} skipped: see Packs", count(library.skipped.len(), "pack", "packs")));
    }
    let status_colour = if library.skipped.is_empty() { palette::MUTED } else { palette::ACCENT };
    // With a game to resume, its two buttons come first (and Enter resumes).
    let first = if interrupted.is_some() { 2 } else { 0 };
    // The offer takes the subtitle's place, so that the screen still fits 800x600 at 200% text.
    let subtitle = if interrupted.is_some() { Display::None } else { Display::Flex };
    // So does the pack count, unless it warns of skipped packs.
    let quiet_status = if interrupted.is_some() && library.skipped.is_empty() { Display::None } else { Display::Flex };
    let root = commands
        .spawn((
            widgets::screen_root("Title screen"),
            TitleRoot,
            DespawnOnExit(Screen::Title),
            children![
                widgets::text(
                    "BIG TUNA TRIVIA",
                    if interrupted.is_some() { 3.6 } else { 5.0 },
                    palette::ACCENT,
                    &fonts.bold
                ),
                (
                    Node { display: subtitle, ..default() },
                    widgets::text("How well do you know Jim Halpert?", 1.8, palette::TEXT, &fonts.regular)
                ),
                (Node { height: rem(1.5), display: subtitle, ..default() }),
                widgets::button("Play solo", first, &fonts, prepare(GameSettings::make_solo, Screen::Setup)),
                widgets::button("Party night", first + 1, &fonts, prepare(GameSettings::make_party, Screen::Join)),
                widgets::button("Question packs", first + 2, &fonts, go_to(Screen::Packs)),
                widgets::button("Settings", first + 3, &fonts, go_to(Screen::Settings)),
                super::challenge_entry::button(first + 4, &fonts),
                widgets::button("Quit", first + 5, &fonts, send(AppCommand::Quit)),
                super::challenge_entry::note(&fonts),
                (Node { height: rem(1.0), display: quiet_status, ..default() }),
                (
                    Name::new("Pack status"),
                    Node { display: quiet_status, ..default() },
                    widgets::text(status, 1.2, status_colour, &fonts.regular)
                ),
                widgets::hints("↑ ↓ move · Enter choose · F11 fullscreen · M mute · Ctrl+Q quit", &fonts),
                version(&fonts),
            ],
        ))
        .id();
    // The board of the games played last, beside the menu.
    if let Some(board) = high_scores.boards.first() {
        let scores = commands.spawn((TitleScores, super::scoreboard::column(board, 5, &fonts))).id();
        commands.entity(root).add_child(scores);
    }
    if let Some(interrupted) = interrupted {
        let offer = commands.spawn(resume_offer(&interrupted.0, &fonts)).id();
        commands.entity(root).insert_children(3, &[offer]);
    }
}

/// The game's version, small in the top corner (`bigtuna --version` says the same).
fn version(fonts: &Fonts) -> impl Bundle {
    (
        Name::new("Version"),
        Node { position_type: PositionType::Absolute, top: rem(1.0), right: rem(1.5), ..default() },
        children![widgets::text(format!("v{}", env!("CARGO_PKG_VERSION")), 0.9, palette::MUTED, &fonts.regular)],
    )
}

/// The high-score column beside the menu.
#[derive(Component)]
struct TitleScores;

/// Logical window widths, at 100% text, below which the high-score column would cover the
/// menu, and the wider resume offer.
const SCORES_NEED_WIDTH: [f32; 2] = [600.0, 1000.0];

/// The column shows only where it fits beside the menu (and the results have the board).
fn fit_scores(
    windows: Query<&Window, With<bevy::window::PrimaryWindow>>,
    user: Option<Res<UserSettings>>,
    offer: Option<Res<Interrupted>>,
    mut columns: Query<&mut Node, With<TitleScores>>,
) {
    let Ok(window) = windows.single() else { return };
    let scale = user.map_or(1.0, |user| f32::from(user.text_scale) / 100.0);
    let need = SCORES_NEED_WIDTH[usize::from(offer.is_some())] * scale;
    let display = if window.width() >= need { Display::Flex } else { Display::None };
    for mut node in &mut columns {
        node.reborrow().map_unchanged(|v| &mut v.display).set_if_neq(display);
    }
}

/// "Resume the party from question 12?", who was winning, and the two ways on.
fn resume_offer(saved: &SavedGame, fonts: &Fonts) -> impl Bundle {
    let game = &saved.game;
    let question = game.resume_at() + 1;
    let title = match (game.is_party(), question > game.questions.len()) {
        (true, false) => format!("Resume the party from question {question}?"),
        (false, false) => format!("Resume your game from question {question}?"),
        (true, true) => "Every question was played: see the party's results?".to_owned(),
        (false, true) => "Every question was played: see your results?".to_owned(),
    };
    let mut players: Vec<_> = game.players.iter().filter(|p| !p.removed).collect();
    players.sort_by_key(|p| std::cmp::Reverse(p.score));
    let scores: Vec<String> = players.iter().take(4).map(|p| format!("{} {}", p.name, p.score)).collect();
    let mut detail = format!("{} questions · {} · {}", game.questions.len(), ago(saved.saved), scores.join(" · "));
    if players.len() > 4 {
        detail.push_str(&format!(" · {} more", players.len() - 4));
    }
    (
        Name::new("Resume offer"),
        ResumeOffer,
        widgets::framed_panel(0.3, 0.4),
        children![
            widgets::text(title, 1.6, palette::ACCENT, &fonts.bold),
            widgets::text(detail, 1.0, palette::TEXT, &fonts.regular),
            (
                Node { column_gap: rem(1.0), ..default() },
                children![
                    // Side by side: left and right move between them.
                    (widgets::button("Resume", 0, fonts, send(InterruptedChoice::Resume)), GridCell { row: 0, col: 0 }),
                    (
                        widgets::button("Put it away", 1, fonts, send(InterruptedChoice::Discard)),
                        GridCell { row: 0, col: 1 }
                    ),
                ],
            ),
        ],
    )
}

/// Put away: the title is laid out again, in place, without the offer, the focus on "Play
/// solo". The screen stays: nothing that follows a change of screen (its guard against
/// presses, the saved game's bookkeeping) runs for it.
fn withdraw_offer(
    interrupted: Option<Res<Interrupted>>,
    offers: Query<(), With<ResumeOffer>>,
    roots: Query<Entity, With<TitleRoot>>,
    mut commands: Commands,
) {
    if interrupted.is_none() && !offers.is_empty() {
        for root in &roots {
            commands.entity(root).despawn();
        }
        commands.run_system_cached(spawn);
        commands.trigger(FocusFirst);
    }
}

/// When it was saved, as people say it.
fn ago(saved: u64) -> String {
    let now = crate::unix_time::now();
    let minutes = now.saturating_sub(saved) / 60;
    match minutes {
        0 => "saved just now".to_owned(),
        1..60 => format!("saved {} ago", count(minutes as usize, "minute", "minutes")),
        60..2880 => format!("saved {} ago", count(minutes as usize / 60, "hour", "hours")),
        _ => format!("saved {} ago", count(minutes as usize / 1440, "day", "days")),
    }
}

/// The action of a button that prepares the settings (solo or party), then opens `screen`.
fn prepare(
    prepare: fn(&mut GameSettings),
    screen: Screen,
) -> impl FnMut(On<Activate>, ResMut<GameSettings>, ResMut<NextState<Screen>>) + Send + Sync + 'static {
    move |_, mut settings, mut next| {
        prepare(&mut settings);
        next.set(screen);
    }
}
