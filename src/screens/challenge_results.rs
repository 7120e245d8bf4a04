//! The results' challenge parts: the code of the game just played (copied with a button, for
//! a message to a friend), and, after a challenge, both games' scores side by side.

use bevy::prelude::*;

use crate::challenge::code_of;
use crate::game::PlayMode;
use crate::game::rivals::Rival;
use crate::game::{Game, GameResults, Screen};
use crate::pack::PackLibrary;
use crate::theme::focus::Activate;
use crate::theme::palette;
use crate::theme::widgets::{self, ButtonText, Fonts};
use crate::words::challenge::{side_by_side, verdict};
use crate::words::mode_name;

/// The code of the game on the results screen, if it has one.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ResultsCode(pub(super) Option<String>);

/// The copy button.
#[derive(Component)]
struct CopyButton;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ResultsCode>().add_systems(OnEnter(Screen::Results), work_out);
}

/// Worked out before the results screen is built, which shows it.
pub(super) fn work_out(game: Option<Res<Game>>, library: Res<PackLibrary>, mut code: ResMut<ResultsCode>) {
    *code = ResultsCode(game.and_then(|game| code_of(&game, &library)).map(|code| code.to_text()));
}

/// This game's players who were not removed, best first, as a challenge compares them.
fn ours(results: &GameResults, game: &Game) -> Vec<Rival> {
    results
        .players
        .iter()
        .filter_map(|r| game.players.get(r.player).filter(|p| !p.removed).map(|p| (r, p)))
        .map(|(r, p)| Rival { name: p.name.clone(), score: r.score })
        .collect()
}

/// "Challenge from Pam's game", the two games' places side by side and who came out ahead;
/// nothing for a game that answered no challenge.
pub(super) fn side_by_side_panel(root: &mut ChildSpawnerCommands, results: &GameResults, game: &Game, fonts: &Fonts) {
    let Some(challenge) = &game.challenge else { return };
    let ours = ours(results, game);
    let solo = ours.len() == 1;
    let Some(best) = challenge.rivals.first() else { return };
    root.spawn((Name::new("Challenge scores"), widgets::framed_panel(0.2, 0.0))).with_children(|panel| {
        // In hot seat or teams each of them answered only some of the questions.
        let how = match challenge.mode {
            PlayMode::HotSeat | PlayMode::Teams if challenge.rivals.len() > 1 => {
                format!(" ({}: each answered some)", mode_name(challenge.mode).to_lowercase())
            }
            _ => String::new(),
        };
        let title = format!("The challenge of {}'s game{how}", best.name);
        panel.spawn(widgets::text(title, 1.4, palette::ACCENT, &fonts.bold));
        for (mine, theirs) in side_by_side(&ours, &challenge.rivals).into_iter().take(4) {
            let cell = |r: Option<&Rival>, you: bool| {
                r.map_or_else(String::new, |r| {
                    if you && solo { format!("You {}", r.score) } else { format!("{} {}", r.name, r.score) }
                })
            };
            let line = format!("{:>18}   |   {:<18}", cell(mine, true), cell(theirs, false));
            panel.spawn(widgets::text(line, 1.2, palette::TEXT, &fonts.regular));
        }
        if let Some(mine) = ours.first() {
            panel.spawn(widgets::text(verdict(mine, best, solo), 1.3, palette::ACCENT, &fonts.bold));
        }
    });
}

/// The seed and the code, to send a friend: one small line (two for a game of several packs);
/// at large text, where it would take four, the seed and where to find the code instead.
pub(super) fn code_line(
    root: &mut ChildSpawnerCommands,
    seed: String,
    code: &ResultsCode,
    compact: bool,
    fonts: &Fonts,
) {
    let line = match (&code.0, compact) {
        (None, _) => seed,
        (Some(_), true) => format!("{seed} · challenge code: Copy challenge code, or bigtuna results"),
        (Some(code), false) => format!("{seed} · challenge code: {code}"),
    };
    root.spawn((
        Name::new("Challenge code"),
        Node { max_width: percent(90), ..default() },
        children![(widgets::text(line, 0.85, palette::MUTED, &fonts.regular), TextLayout::justify(Justify::Center))],
    ));
}

/// The button that copies the code, at `order`; none without a code.
pub(super) fn copy_button(buttons: &mut ChildSpawnerCommands, order: usize, code: &ResultsCode, fonts: &Fonts) {
    if code.0.is_some() {
        buttons.spawn((CopyButton, widgets::button("Copy challenge code", order, fonts, copy)));
    }
}

fn copy(activated: On<Activate>, code: Res<ResultsCode>, mut labels: Query<&mut ButtonText, With<CopyButton>>) {
    let Some(code) = &code.0 else { return };
    let said = match super::clipboard::copy(code) {
        Ok(()) => {
            info!("challenge code copied: {code}");
            "Copied".to_owned()
        }
        Err(why) => {
            warn!("challenge code not copied: {why}");
            "No clipboard: bigtuna results prints it".to_owned()
        }
    };
    if let Ok(mut label) = labels.get_mut(activated.entity) {
        label.set_if_neq(ButtonText(said));
    }
}
