//! What the TV shows, as phones and the host remote see it: rebuilt from the game when it
//! changes and handed to the server, which sends each connection its own part only when it changed.

use std::collections::HashMap;

use bevy::prelude::*;

use super::audience_view;
use super::inbound::PhoneLink;
use super::server::Snapshot;
use super::server_state::PhoneTurn;
use super::views::{AnswerShape, FinalView, HostPlayer, HostView, QuestionView, ResultView, Stage, Turn};
use crate::game::Party;
use crate::game::results::rank_of;
use crate::game::{Clock, Game, GameResults, GameSettings, GameSystems, Overlay, Phase, PlayMode, Presented, Screen};
use crate::pack::{Answer, PackLibrary};
use crate::theme::palette;
use crate::words::{answer_text, response_text, unit_leads};

/// Publishes the snapshot after the game has moved this frame, when something it shows
/// changed (runs only while phones are on). The clock is not in it: each phone counts down
/// from the question's time limit on its own.
pub fn plugin(app: &mut App) {
    let shown = resource_added::<PhoneLink>
        .or_eager(resource_exists_and_changed::<Game>)
        .or_eager(resource_removed::<Game>)
        .or_eager(resource_exists_and_changed::<GameResults>)
        .or_eager(resource_changed::<GameSettings>)
        .or_eager(state_changed::<Screen>)
        .or_eager(state_changed::<Phase>)
        .or_eager(state_changed::<Overlay>);
    app.add_systems(Update, publish.run_if(resource_exists::<PhoneLink>.and_eager(shown)).after(GameSystems::Flow));
}

#[allow(clippy::too_many_arguments)] // each is one thing the phones see
fn publish(
    link: Res<PhoneLink>,
    library: Res<PackLibrary>,
    mut pictures: Local<super::media::Read>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
    overlay: Option<Res<State<Overlay>>>,
    game: Option<Res<Game>>,
    results: Option<Res<GameResults>>,
    settings: Res<GameSettings>,
    clock: Res<Clock>,
) {
    let stage = match (screen.get(), phase.as_deref().map(State::get), &game) {
        (Screen::Playing, Some(Phase::Question), Some(_)) => Stage::Question,
        (Screen::Playing, Some(Phase::Reveal), Some(_)) => Stage::Reveal,
        (Screen::Playing, Some(Phase::Standings), Some(_)) => Stage::Standings,
        (Screen::Playing, Some(Phase::Wager), Some(_)) => Stage::Wager,
        (Screen::Results, _, Some(_)) if results.is_some() => Stage::Over,
        _ => Stage::Lobby,
    };
    let paused = overlay.is_some_and(|o| *o.get() != Overlay::None);
    let phones = || settings.players.phones();
    let mut snapshot = Snapshot {
        stage,
        overlay_delay: u32::from(settings.overlay_delay),
        lobby: settings.players.iter().map(|p| p.name.clone()).collect(),
        seats: phones()
            .filter_map(|(id, player)| {
                let spec = settings.players.get(player)?;
                Some((id, (spec.name.clone(), hex(spec.colour))))
            })
            .collect(),
        ..default()
    };
    let Some(game) = game.filter(|_| stage != Stage::Lobby) else {
        link.0.publish(snapshot);
        return;
    };
    // Going on from a reveal moves to the next question a frame before its phase opens: the
    // phones keep the reveal they have rather than see the coming question's answer.
    if matches!(stage, Stage::Reveal | Stage::Standings) && revealed_round(&game).is_none() {
        return;
    }
    if stage == Stage::Wager {
        // The question stays on the game until every bet is in: only its category goes out.
        snapshot.wagers = phones().map(|(id, player)| (id, super::wager_view::wager_view(&game, player))).collect();
        snapshot.audience.wager = Some(audience_view::wager(super::wager_view::wager_view(&game, usize::MAX)));
        snapshot.host = host_view(&game, stage, paused);
        return link.0.publish(snapshot);
    }
    snapshot.question = question_view(&game);
    if library.is_changed() {
        // Read again: a picture may have changed.
        *pictures = default();
    }
    let revealed = matches!(stage, Stage::Reveal | Stage::Standings);
    let (picture, reveal_picture, shelf) =
        super::media::question_pictures(&game, &library, &settings, revealed, &mut pictures);
    if let Some(question) = &mut snapshot.question {
        question.picture = picture;
    }
    link.0.shelve(shelf);
    parts(&mut snapshot, &game, &settings, (paused, &clock), reveal_picture, results.as_deref());
    snapshot.host = host_view(&game, stage, paused);
    link.0.publish(snapshot);
}

/// Each phone's part of the stage (its turn, its result, its end), and the audience's.
fn parts(
    snapshot: &mut Snapshot,
    game: &Game,
    settings: &GameSettings,
    (paused, clock): (bool, &Clock),
    reveal_picture: Option<super::views::PictureView>,
    results: Option<&GameResults>,
) {
    let phones = || settings.players.phones();
    match snapshot.stage {
        Stage::Question => {
            snapshot.turns = phone_turns(game, phones(), paused, clock);
            snapshot.audience.question = snapshot.question.clone().map(|q| audience_view::question(game, q, paused));
        }
        Stage::Reveal | Stage::Standings => {
            snapshot.results = round_results(game, phones());
            for result in snapshot.results.values_mut() {
                result.picture.clone_from(&reveal_picture);
            }
            if let Some(template) = result_template(game) {
                let template = ResultView { picture: reveal_picture, ..template };
                snapshot.audience.results = audience_view::results(game, &template);
            }
        }
        Stage::Over => {
            if let Some(results) = results {
                snapshot.finals = finals(game, results, phones());
                let (winner, tie) = winner(results);
                snapshot.audience.finals = audience_view::finals(game, &winner, tie);
            }
        }
        Stage::Lobby | Stage::Wager => {}
    }
}

/// What each phone may do with the open question, and its lifelines.
fn phone_turns(
    game: &Game,
    phones: impl Iterator<Item = (u32, usize)>,
    paused: bool,
    clock: &Clock,
) -> HashMap<u32, PhoneTurn> {
    phones
        .map(|(id, player)| {
            let (turn, note) = turn(game, player, paused);
            let lifelines = super::lifeline_view::lifeline_view(game, player, clock.elapsed, paused);
            // Each phone counts down its own player's time (a handicap may give more).
            let seconds = game.time_for(player, game.current).map(|limit| limit.as_secs() as u32);
            (id, PhoneTurn { turn, note, lifelines, seconds })
        })
        .collect()
}

/// A player colour as `#rrggbb`.
fn hex(colour: usize) -> String {
    palette::player(colour).to_srgba().to_hex().chars().take(7).collect()
}

/// What `player` may do with the open question, and why not.
fn turn(game: &Game, player: usize, paused: bool) -> (Turn, String) {
    let name = |p: usize| game.players.get(p).map_or(String::new(), |p| p.name.clone());
    let typed = matches!(game.question().map(|q| &q.presented), Some(Presented::Typed | Presented::Number));
    if game.players.get(player).is_none_or(|p| p.removed) {
        return (Turn::Wait, "The host took you out of this game".into());
    }
    let locked_out = game.settings.mode == PlayMode::Buzz && game.locked_out(player);
    if locked_out {
        return (Turn::Wait, "Locked out: wrong buzz".into());
    }
    if game.pending(player).is_some() {
        return (Turn::Answered, String::new());
    }
    if paused {
        // The clock stands still: nobody answers while the TV hides the question.
        return (Turn::Wait, "Paused: answer when the game goes on".into());
    }
    if game.said_aloud() {
        return (Turn::Wait, "Say your answer out loud: the host judges it".into());
    }
    if game.may_answer(player) {
        return (Turn::Answer, String::new());
    }
    if typed && game.may_buzz(player) {
        return (Turn::Buzz, String::new());
    }
    let why = match game.settings.mode {
        PlayMode::HotSeat => game.turn().map_or(String::new(), |p| format!("{}'s turn on the hot seat", name(p))),
        PlayMode::Teams if game.team_talk() => "Team talk: agree on an answer".into(),
        PlayMode::Teams => "Your team has answered".into(),
        PlayMode::Buzz => game.buzz.holder.map_or(String::new(), |p| format!("{} buzzed in", name(p))),
        PlayMode::Everyone => String::new(),
    };
    (Turn::Wait, why)
}

/// The open question as phones show it (each phone's `turn` is set per connection).
pub fn question_view(game: &Game) -> Option<QuestionView> {
    let drawn = game.question()?;
    let (shape, choices) = match &drawn.presented {
        _ if game.said_aloud() => (AnswerShape::Aloud, Vec::new()),
        Presented::Options { options, .. } => (AnswerShape::Options, options.clone()),
        Presented::Typed => (AnswerShape::Typed, Vec::new()),
        Presented::Number => (AnswerShape::Number, Vec::new()),
        Presented::Ordering { shown } => (AnswerShape::Ordering, shown.clone()),
    };
    let unit = match &drawn.question.answer {
        Answer::Number { unit, .. } => unit.clone(),
        _ => None,
    };
    Some(QuestionView {
        question: game.current,
        number: game.current + 1,
        of: game.questions.len(),
        prompt: drawn.question.prompt.clone(),
        shape,
        choices,
        unit_first: unit.as_deref().is_some_and(unit_leads),
        unit,
        seconds: game.time_limit(game.current).map(|limit| limit.as_secs() as u32),
        turn: Turn::Wait,
        note: String::new(),
        picture: None,
        lifelines: Default::default(),
    })
}

/// The open question's source, as players read it.
fn source(game: &Game) -> Option<String> {
    game.question().map(|q| q.source().to_owned()).filter(|s| !s.trim().is_empty())
}

fn explanation(game: &Game) -> Option<String> {
    game.question().map(|q| q.question.explanation.clone()).filter(|e| !e.trim().is_empty())
}

/// The round of the question on screen, once it closed. Nothing of a question's answer
/// reaches a phone before this: every result below is built from it.
fn revealed_round(game: &Game) -> Option<&crate::game::Round> {
    game.last_round().filter(|round| round.question == game.current && !round.skipped)
}

/// What every result of the round just revealed shares: the question, its answer, what it
/// teaches and where it comes from. `None` before the reveal.
fn result_template(game: &Game) -> Option<ResultView> {
    let (drawn, _) = (game.question()?, revealed_round(game)?);
    Some(ResultView {
        question: game.current,
        answer: answer_text(drawn),
        right: false,
        points: 0,
        penalty: 0,
        host: 0,
        score: 0,
        rank: 0,
        explanation: explanation(game),
        source: source(game),
        picture: None,
        wager: None,
    })
}

/// Each seated phone's result of the round just closed.
fn round_results(game: &Game, phones: impl Iterator<Item = (u32, usize)>) -> HashMap<u32, ResultView> {
    let (Some(template), Some(round)) = (result_template(game), revealed_round(game)) else { return HashMap::new() };
    let scores: Vec<u32> = game.players.iter().map(|p| p.score).collect();
    phones
        .filter_map(|(id, player)| {
            let outcome = round.outcomes.get(player)?;
            let score = scores.get(player).copied().unwrap_or(0);
            let view = ResultView {
                right: outcome.correct,
                points: outcome.points,
                penalty: outcome.penalty,
                host: game.host_points(player, round.question),
                score,
                rank: rank_of(score, &scores),
                wager: outcome.wager,
                ..template.clone()
            };
            Some((id, view))
        })
        .collect()
}

/// Who won (every first place, joined), and whether it is a tie.
fn winner(results: &GameResults) -> (String, bool) {
    let firsts: Vec<&str> = if results.teams.is_empty() {
        results.players.iter().filter(|p| p.rank == 1).map(|p| p.name.as_str()).collect()
    } else {
        results.teams.iter().filter(|t| t.rank == 1).map(|t| t.name.as_str()).collect()
    };
    (firsts.join(" & "), firsts.len() > 1)
}

/// Each seated phone's end of the game.
fn finals(game: &Game, results: &GameResults, phones: impl Iterator<Item = (u32, usize)>) -> HashMap<u32, FinalView> {
    let (winner, tie) = winner(results);
    let players = game.players.len();
    phones
        .filter_map(|(id, player)| {
            let result = results.players.iter().find(|r| r.player == player)?;
            let (score, rank) = (result.score, result.rank);
            Some((id, FinalView { score, rank, players, winner: winner.clone(), tie, audience: false }))
        })
        .collect()
}

/// What the host remote shows: the answer key and every player's answer so far.
fn host_view(game: &Game, stage: Stage, paused: bool) -> HostView {
    let revealed = matches!(stage, Stage::Reveal | Stage::Standings);
    let round = revealed_round(game).filter(|_| revealed);
    let presented = game.question().map(|q| &q.presented);
    let players = game
        .players
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let given = match round {
                Some(round) => round.outcomes.get(i).and_then(|o| o.response().cloned()),
                None => game.pending(i).map(|p| p.response.clone()),
            };
            HostPlayer {
                player: i,
                name: p.name.clone(),
                colour: hex(p.colour),
                score: p.score,
                answered: given.is_some(),
                said: given.zip(presented).map(|(response, presented)| response_text(presented, &response)),
                right: round.and_then(|r| r.outcomes.get(i)).map(|o| o.correct),
                removed: p.removed,
                handicap: p.handicap,
            }
        })
        .collect();
    HostView {
        stage,
        paused,
        locked: false,
        question: question_view(game),
        key: game.question().map(answer_text),
        explanation: explanation(game),
        source: source(game),
        players,
        audience: game.audience.members.len(),
        audience_open: !game.audience.closed,
        // The room's, filled in by each host session.
        approve_names: false,
        waiting: Vec::new(),
    }
}
