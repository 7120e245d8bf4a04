//! The game's end of the phone server: what phones did becomes join requests and the same
//! [`PlayerAction`]s as keys and pads, for the seat each phone joined (an answer to a question
//! no longer open is dropped); and each question, then each phone's result, goes back out.

use bevy::prelude::*;

use std::collections::HashMap;

use super::protocol::{AnswerShape, QuestionView, ResultView};
use super::server::{Inbound, PhoneServer, Snapshot};
use crate::game::{BuzzIn, Device, Game, GameSystems, Phase, PlayerAction, Presented};
use crate::input::seats::{JoinRequest, PartySeats, Seat};
use crate::pack::Answer;
use crate::words::answer_text;

/// The running phone server, while phones are on.
#[derive(Resource)]
pub struct PhoneLink(pub PhoneServer);

/// Turns what phones send into the game's messages, and shows phones each question and their
/// result (runs only while phones are on).
pub fn plugin(app: &mut App) {
    let phones_on = resource_exists::<PhoneLink>;
    app.add_systems(Update, receive.run_if(phones_on).in_set(GameSystems::Input))
        .add_systems(OnEnter(Phase::Question), show_question.run_if(phones_on))
        .add_systems(OnEnter(Phase::Reveal), show_results.run_if(phones_on));
}

/// A question opens: every phone shows it (the round is new, so no results).
fn show_question(link: Res<PhoneLink>, game: Res<Game>) {
    link.0.publish(Snapshot { question: question_view(&game), results: HashMap::new() });
}

/// The round was scored as it closed: each phone gets its own result.
fn show_results(link: Res<PhoneLink>, game: Res<Game>, seats: Res<PartySeats>) {
    let (Some(drawn), Some(round)) = (game.question(), game.last_round()) else { return };
    let scores: Vec<u32> = game.players.iter().map(|p| p.score).collect();
    let answer = answer_text(drawn);
    let results = seats
        .0
        .iter()
        .enumerate()
        .filter_map(|(player, seat)| {
            let Seat::Phone(phone) = seat else { return None };
            let outcome = round.outcomes.get(player)?;
            let score = scores.get(player).copied().unwrap_or(0);
            let rank = 1 + scores.iter().filter(|s| **s > score).count();
            let view = ResultView {
                question: game.current,
                answer: answer.clone(),
                right: outcome.correct,
                points: outcome.points,
                score,
                rank,
            };
            Some((*phone, view))
        })
        .collect();
    link.0.publish(Snapshot { question: question_view(&game), results });
}

/// The open question as phones show it.
fn question_view(game: &Game) -> Option<QuestionView> {
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
        unit,
        seconds: game.clock.limit.map(|limit| limit.as_secs() as u32),
    })
}

fn receive(
    link: Res<PhoneLink>,
    seats: Res<PartySeats>,
    game: Option<Res<Game>>,
    mut joins: MessageWriter<JoinRequest>,
    mut answers: MessageWriter<PlayerAction>,
    mut buzzes: MessageWriter<BuzzIn>,
) {
    let current = game.as_ref().map(|g| g.current);
    // In order of arrival across phones, so buzz-in stays fair.
    for event in link.0.drain() {
        match event {
            Inbound::Joined { phone, name } => {
                joins.write(JoinRequest { seat: Seat::Phone(phone), name: Some(name) });
            }
            Inbound::Answer { phone, question, response, .. } if Some(question) == current => {
                if let Some(player) = seats.player_for_phone(phone) {
                    answers.write(PlayerAction { player, response, device: Device::Phone });
                }
            }
            Inbound::Buzz { phone, question, .. } if Some(question) == current => {
                if let Some(player) = seats.player_for_phone(phone) {
                    buzzes.write(BuzzIn { player, device: Device::Phone });
                }
            }
            Inbound::Answer { phone, question, .. } | Inbound::Buzz { phone, question, .. } => {
                info!("phone {phone}: an answer to question {} came after it closed", question + 1);
            }
            Inbound::Returned { phone } => info!("phone {phone} is back"),
            Inbound::Left { phone } => info!("phone {phone} lost its connection (its seat waits)"),
        }
    }
}
