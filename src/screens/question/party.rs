//! The party's part of the question screen: what the mode asks ("Ann's turn", "Buzz in",
//! "Team talk 3"), who has answered or is locked out, and the host's "Reveal the answer".

use bevy::prelude::*;

use crate::game::mode::TEAM_TALK;
use crate::game::{Clock, FlowCommand, Game, Phase, PlayMode, Presented};
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, rem, send};

/// The line that says what the mode asks of the players now.
#[derive(Component)]
struct ModeLine;

/// Each player's mark: answered, waiting, locked out, not on the seat.
#[derive(Component)]
struct PlayerMarks {
    /// Only a count ("5 of 8 answered"): a crowd, or more names than large text has room for.
    counted: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (show_mode, show_marks).run_if(in_state(Phase::Question)).in_set(crate::game::GameSystems::Screens),
    );
}

/// `compact`: large text, where the names of more than three give way to a count.
pub(super) fn spawn(root: &mut ChildSpawnerCommands, game: &Game, compact: bool, fonts: &Fonts) {
    let counted = game.players.len() > if compact { 3 } else { CROWD };
    root.spawn((ModeLine, widgets::text("", 1.8, palette::ACCENT, &fonts.bold)));
    // Focus order after the Pass button, when there is one.
    root.spawn(widgets::button("Reveal the answer", 1, fonts, send(FlowCommand::CloseQuestion)));
    root.spawn((
        PlayerMarks { counted },
        // In the column, under the button: the foot of the screen is the hints' (and the join
        // line's, while phones can join).
        Node {
            margin: UiRect::top(rem(1.0)),
            max_width: Val::Percent(92.0),
            flex_wrap: FlexWrap::Wrap,
            justify_content: JustifyContent::Center,
            column_gap: rem(1.5),
            ..default()
        },
    ))
    .with_children(|marks| {
        if counted {
            marks.spawn(widgets::text("", 1.4, palette::TEXT, &fonts.bold));
            return;
        }
        let size = if game.players.len() > 8 { 1.1 } else { 1.4 };
        for player in &game.players {
            marks.spawn(widgets::text(player.name.clone(), size, palette::player(player.colour), &fonts.bold));
        }
    });
}

/// Past this many players, the marks are one count ("23 of 40 answered"), not names.
const CROWD: usize = 16;

fn show_mode(game: Res<Game>, clock: Res<Clock>, mut lines: Query<(&mut Text, &mut TextColor), With<ModeLine>>) {
    let name = |p: usize| game.players.get(p).map_or(String::new(), |p| p.name.clone());
    let colour = |p: usize| game.players.get(p).map_or(palette::ACCENT, |p| palette::player(p.colour));
    let options = matches!(game.question().map(|q| &q.presented), Some(Presented::Options { .. }));
    let (line, tint) = match game.settings.mode {
        PlayMode::Everyone => (String::new(), palette::ACCENT),
        PlayMode::HotSeat => match game.turn() {
            Some(p) => (format!("{}'s turn on the hot seat", name(p)), colour(p)),
            None => (String::new(), palette::ACCENT),
        },
        PlayMode::Teams if game.team_talk() => {
            let left = TEAM_TALK.saturating_sub(clock.elapsed).as_secs_f32().ceil();
            (format!("Team talk: {left:.0}"), palette::ACCENT)
        }
        PlayMode::Teams => ("One answer per team: any member answers".to_owned(), palette::ACCENT),
        PlayMode::Buzz => match game.buzz.holder {
            Some(p) => (format!("{} buzzed in!", name(p)), colour(p)),
            None if options => {
                ("Buzz in: the first answer counts, a wrong one is locked out".to_owned(), palette::ACCENT)
            }
            None => ("Buzz in: press your first key (1, Q, A, Z) or a pad's A, then type".to_owned(), palette::ACCENT),
        },
    };
    for (mut text, mut colour) in &mut lines {
        if text.0 != line {
            text.0.clone_from(&line);
            colour.0 = tint;
        }
    }
}

fn show_marks(
    game: Res<Game>,
    clock: Res<Clock>,
    marks: Query<(&PlayerMarks, &Children)>,
    mut texts: Query<&mut Text>,
) {
    for (marks, children) in &marks {
        if marks.counted {
            let asked: Vec<usize> = (0..game.players.len()).filter(|i| game.asked(*i)).collect();
            let answered = asked.iter().filter(|i| game.pending(**i).is_some()).count();
            let label = format!("{answered} of {} answered", asked.len());
            if let Ok(mut text) = texts.get_mut(children[0])
                && text.0 != label
            {
                text.0 = label;
            }
            continue;
        }
        let timed = game.time_limit(game.current).is_some();
        for (i, child) in children.iter().enumerate() {
            let (Some(player), Ok(mut text)) = (game.players.get(i), texts.get_mut(child)) else { continue };
            let team = player.team.and_then(|t| game.teams.get(t)).map_or(String::new(), |t| format!(" ({})", t.name));
            // The badge says why one player still has time when the others are done.
            // (More time means nothing on an untimed question; a superfan's half points do.)
            let shown = timed || player.handicap == crate::game::Handicap::Superfan;
            let badge = player.handicap.badge().filter(|_| shown).map_or(String::new(), |b| format!(" · {b}"));
            let late = game.pending(i).is_none() && game.out_of_time(i, clock.elapsed);
            let mark = if player.removed || !game.asked(i) || late {
                "–"
            } else if game.locked_out(i) {
                "✗"
            } else if game.pending(i).is_some() {
                "✓"
            } else {
                "…"
            };
            let label = format!("{}{team}{badge} {mark}", player.name);
            text.reborrow().map_unchanged(|v| &mut v.0).set_if_neq(label);
        }
    }
}
