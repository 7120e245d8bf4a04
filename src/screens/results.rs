//! Final results: scores, accuracy, time, streaks, categories, awards and the seed to replay.

use bevy::prelude::*;

use super::challenge_results::{ResultsCode, code_line, copy_button, side_by_side_panel};
use crate::game::high_scores::{HighScores, NewHighScores};
use crate::game::{FlowCommand, Game, GameResults, Screen};
use crate::persist::UserSettings;
use crate::theme::focus::Cancel;
use crate::theme::palette;
use crate::theme::widgets::{self, Fonts, Room, rem, send};
use crate::words::{award_detail, award_name, clipped, host_action_text, names_within, ordinal};

/// Lines of a party's results at 100% text, at most (fewer at larger text).
const PARTY_LINES: usize = 6;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Results), spawn.after(super::challenge_results::work_out));
}

fn spawn(
    mut commands: Commands,
    results: Option<Res<GameResults>>,
    game: Option<Res<Game>>,
    fonts: Res<Fonts>,
    settings: Option<Res<UserSettings>>,
    high_scores: Res<HighScores>,
    new_scores: Res<NewHighScores>,
    window: Query<&Window>,
    code: Res<ResultsCode>,
) {
    let (Some(results), Some(game)) = (results, game) else { return };
    let solo = results.players.len() == 1;
    let room = Room::of(window.iter().next(), settings.as_deref());
    // Under the podium, the top of a party's table: a crowd's others are counted.
    // Large text: the podium alone tells a party's top three, and the rest is shorter.
    let compact = room.scale >= 1.5;
    let lines = match (solo, compact) {
        (true, _) => 1,
        (false, true) => 0,
        (false, false) => results.players.len().min(room.rows(PARTY_LINES)),
    };
    let unlisted = results.players.len() - lines.max(if solo { 1 } else { 3 }.min(results.players.len()));
    let mut screen = commands.spawn((widgets::screen_root("Results screen"), DespawnOnExit(Screen::Results)));
    if compact {
        screen.entry::<Node>().and_modify(|mut node| {
            node.row_gap = rem(0.5);
            node.padding = UiRect::all(rem(1.0));
        });
    }
    screen.with_children(|root| {
        root.spawn(widgets::text("Final results", 3.2, palette::ACCENT, &fonts.bold));
        if !solo {
            super::podium::spawn(root, &results, &fonts, super::podium::reduced_motion(settings.as_deref()), compact);
        }
        // Teams: their score is their members' summed.
        for team in &results.teams {
            let line = format!("{} {}   {} points", ordinal(team.rank), team.name, team.score);
            root.spawn(widgets::text(line, 1.6, palette::player(team.colour), &fonts.bold));
        }
        player_table(root, &results, lines, unlisted, &fonts);
        side_by_side_panel(root, &results, &game, &fonts);
        super::audience::top_three(root, &game, &fonts);
        if let Some(player) = results.players.first()
            && solo
        {
            root.spawn(centred(category_line(player), 1.3, &fonts));
        }
        for award in award_lines(&results, &game, room).into_iter().take(if compact { 2 } else { usize::MAX }) {
            root.spawn(widgets::text(award, 1.5, palette::ACCENT, &fonts.regular));
        }
        // The night in two questions (large text leaves it to the game's record).
        if !compact {
            for text in recap_lines(&results, &game, room) {
                root.spawn(widgets::text(text, 1.2, palette::MUTED, &fonts.regular));
            }
        }
        if let Some(key) = &new_scores.key
            && let Some(board) = high_scores.board(key)
        {
            let fresh: Vec<usize> = new_scores.places.iter().map(|(_, place)| *place).collect();
            let heading = if fresh.is_empty() { "High scores" } else { "New high score!" };
            root.spawn(super::scoreboard::board(heading, board, &fresh, &fonts, compact));
        }
        // What the host did is in the game's record; large text leaves it out here.
        if !results.host.is_empty() && !compact {
            let actions: Vec<String> = results
                .host
                .iter()
                .map(|r| format!("{} (question {})", host_action_text(&game, r.action), r.question + 1))
                .collect();
            root.spawn(centred(format!("Host: {}", actions.join(" · ")), 1.1, &fonts));
        }
        footer(root, &results, &code, compact, &fonts);
    });
}

/// "Hardest: “…” (1 of 4 right)" and the easiest, prompts cut to a line.
fn recap_lines(results: &GameResults, game: &Game, room: Room) -> Vec<String> {
    let Some(recap) = results.recap.as_ref() else { return Vec::new() };
    let chars = room.letters(room.width * 0.85, 1.2).saturating_sub(30).max(20);
    let line = |what: &str, (question, right, asked): (usize, usize, usize)| {
        let prompt = game.questions.get(question).map_or("", |q| q.question.prompt.as_str());
        format!("{what}: \u{201c}{}\u{201d} ({right} of {asked} right)", clipped(prompt, chars))
    };
    vec![line("Hardest", recap.hardest), line("Easiest", recap.easiest)]
}

/// Play again, back to the title, copy the challenge code; the code, or the seed that
/// replays the game.
fn footer(root: &mut ChildSpawnerCommands, results: &GameResults, code: &ResultsCode, compact: bool, fonts: &Fonts) {
    // A row that wraps: four buttons do not fit a small window at large text side by side.
    let row = Node {
        column_gap: rem(1.0),
        row_gap: rem(0.5),
        flex_wrap: FlexWrap::Wrap,
        justify_content: JustifyContent::Center,
        margin: UiRect::top(rem(1.0)),
        ..default()
    };
    root.spawn(row).with_children(|buttons| {
        buttons.spawn(widgets::button("Play again", 0, fonts, send(FlowCommand::PlayAgain)));
        buttons.spawn((widgets::button("Title screen", 1, fonts, send(FlowCommand::BackToTitle)), Cancel));
        super::dundies::button(buttons, 2, fonts);
        copy_button(buttons, 3, code, fonts);
    });
    let seed = match (results.least_seen, code.0.is_some()) {
        (true, _) => format!("Seed {}, with the questions you had seen least first", results.seed),
        // The code replays it exactly; the seed alone, with the same settings.
        (false, true) => format!("Seed {}", results.seed),
        (false, false) => format!("Seed {}: replay this game with  bigtuna play --seed {}", results.seed, results.seed),
    };
    code_line(root, seed, code, compact, fonts);
    super::dundies::note(root, fonts);
}

/// Muted text, centred, on lines at most 85% of the screen wide.
fn centred(text: String, size: f32, fonts: &Fonts) -> impl Bundle {
    (
        Node { max_width: percent(85), ..default() },
        children![(widgets::text(text, size, palette::MUTED, &fonts.regular), TextLayout::justify(Justify::Center))],
    )
}

/// Each listed player's score, accuracy, time and streak (and a small party's categories),
/// and a count of those not listed.
fn player_table(root: &mut ChildSpawnerCommands, results: &GameResults, lines: usize, unlisted: usize, fonts: &Fonts) {
    let solo = results.players.len() == 1;
    // A party's lines are smaller, to leave room for the podium.
    let size = if solo { 1.8 } else { 1.4 };
    root.spawn(Node { flex_direction: FlexDirection::Column, row_gap: rem(0.5), ..default() }).with_children(|list| {
        for player in results.players.iter().take(lines) {
            let colour = palette::player(player.colour);
            let time = player.average_time.map_or("–".to_owned(), |t| format!("{:.1} s", t.as_secs_f32()));
            let name = if solo { "You".to_owned() } else { format!("{} {}", ordinal(player.rank), player.name) };
            let line = format!(
                "{name}   {} points   {}/{} right ({:.0}%)   avg {time}   best streak {}",
                player.score,
                player.correct,
                player.asked,
                player.accuracy() * 100.0,
                player.best_streak
            );
            list.spawn(widgets::text(line, size, colour, &fonts.bold));
            // Party nights of up to four lines (players and teams) show each player's
            // categories too (solo's are below); more would not fit a TV screen.
            if !solo && results.players.len() + results.teams.len() <= 4 {
                list.spawn(widgets::text(category_line(player), 1.1, palette::MUTED, &fonts.regular));
            }
        }
        if unlisted > 0 {
            let line = format!("… and {unlisted} more players");
            list.spawn(widgets::text(line, 1.1, palette::MUTED, &fonts.regular));
        }
    });
}

/// "★ Fastest: Pam & Jim (2.1 s)": each award, a crowd's tie named as far as a line holds.
fn award_lines(results: &GameResults, game: &Game, room: Room) -> Vec<String> {
    let solo = results.players.len() == 1;
    results
        .awards
        .iter()
        .map(|award| {
            let names: Vec<&str> =
                award.players.iter().filter_map(|i| game.players.get(*i)).map(|p| p.name.as_str()).collect();
            let who = names_within(&names, room.letters(room.width * 0.8, 1.5).saturating_sub(30))
                .replace(" · and ", " and ")
                .replace(" · ", " & ");
            let (what, detail) = (award_name(award.kind), award_detail(award.detail));
            if solo { format!("★ {what}: {detail}") } else { format!("★ {what}: {who} ({detail})") }
        })
        .collect()
}

/// "Career 2/3  ·  Family 1/1": right answers of asked, by category.
fn category_line(player: &crate::game::results::PlayerResult) -> String {
    let parts: Vec<String> =
        player.by_category.iter().map(|(category, right, asked)| format!("{category} {right}/{asked}")).collect();
    parts.join("  ·  ")
}
