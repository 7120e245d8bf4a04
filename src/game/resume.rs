//! Taking an interrupted game back (a crash, a power cut, a closed window): the same
//! questions, players, teams and scores, from the question after the last one finished.
//! Where the game was kept is [`crate::persist::saved_game`]'s business; this is the rule.

use bevy::prelude::*;

use super::GameSystems;
use super::draw::Presented;
use super::model::Game;
use super::participant::Party;
use super::participant::{PlayerSpec, Role, Seat, mend_ids};
use super::settings::GameSettings;
use super::state::{Phase, Screen};
use crate::pack::Answer;

/// Go on with this game, interrupted earlier, each player with what they answered with (in
/// the order of [`Game::players`]; empty when nobody had joined with a device).
#[derive(Message, Debug, Clone)]
pub struct ResumeGame(pub Box<Game>, pub Vec<Option<Seat>>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ResumeGame>().add_systems(Update, resume.in_set(GameSystems::Flow));
}

impl Game {
    /// The question an interrupted game goes on from: the one after the last finished round
    /// (past the last question when every round was played: only the results are left).
    pub fn resume_at(&self) -> usize {
        self.rounds.last().map_or(0, |round| round.question + 1)
    }

    /// Whether the game's parts agree with each other, so that no system indexes past an end:
    /// a saved game is a file, and a file can be damaged or edited. Says what is wrong.
    pub fn check(&self) -> Result<(), String> {
        let players = self.players.len();
        if players == 0 {
            return Err("the game has no players".into());
        }
        if self.questions.is_empty() {
            return Err("the game has no questions".into());
        }
        if let Some(player) = self.players.iter().find(|p| p.team.is_some_and(|t| t >= self.teams.len())) {
            return Err(format!("{} is on a team the game does not have", player.name));
        }
        for (n, round) in self.rounds.iter().enumerate() {
            if round.question >= self.questions.len() || n > 0 && round.question <= self.rounds[n - 1].question {
                return Err(format!("round {} is of a question the game does not have", n + 1));
            }
            if round.outcomes.len() > players {
                return Err(format!("round {} has more answers than players", n + 1));
            }
        }
        for (n, drawn) in self.questions.iter().enumerate() {
            let fits = match (&drawn.presented, &drawn.question.answer) {
                (Presented::Options { options, correct }, Answer::MultipleChoice { .. } | Answer::TrueFalse { .. }) => {
                    *correct < options.len()
                }
                (Presented::Ordering { shown }, Answer::Ordering { items }) => shown.len() == items.len(),
                (Presented::Typed, Answer::Typed { .. }) | (Presented::Number, Answer::Number { .. }) => true,
                _ => false,
            };
            if !fits {
                return Err(format!("question {} is shown in a way its answer does not allow", n + 1));
            }
        }
        let rounds = self.rounds.len() as u32;
        if self.players.iter().any(|p| p.streak > rounds || p.best_streak > rounds) {
            return Err("a streak is longer than the game".into());
        }
        let day = std::time::Duration::from_secs(24 * 60 * 60);
        let answers = self.rounds.iter().flat_map(|r| &r.outcomes).filter_map(|o| o.answer.as_ref());
        if answers.into_iter().any(|a| a.time > day) {
            return Err("an answer took longer than a day".into());
        }
        if self.settings.questions > *super::settings::QUESTION_COUNT.end() {
            return Err("its settings ask for more questions than a game has".into());
        }
        if self.preset.largest_value() > super::scoring::MAX_POINTS {
            return Err(format!("its scoring gives more than {} points for an answer", super::scoring::MAX_POINTS));
        }
        if self.host_log.iter().any(|record| record.question >= self.questions.len()) {
            return Err("the host's record names a question the game does not have".into());
        }
        Ok(())
    }
}

/// The game's players as participants, with their seats and the teams they chose.
fn participants(game: &Game, seats: &[Option<Seat>]) -> Vec<PlayerSpec> {
    game.players
        .iter()
        .enumerate()
        .map(|(n, player)| {
            let before = game.settings.players.iter().find(|spec| spec.id == player.id);
            PlayerSpec {
                id: player.id,
                name: player.name.clone(),
                colour: player.colour,
                team: before.map_or(player.team, |spec| spec.team),
                seat: seats.get(n).copied().flatten(),
                role: Role::Player,
                watched_to: before.and_then(|spec| spec.watched_to),
                handicap: player.handicap,
            }
        })
        .collect()
}

fn resume(
    mut commands: Commands,
    mut reader: MessageReader<ResumeGame>,
    screen: Res<State<Screen>>,
    mut settings: ResMut<GameSettings>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut next_phase: ResMut<NextState<Phase>>,
) {
    let Some(ResumeGame(game, seats)) = reader.read().last() else { return };
    if *screen.get() == Screen::Playing {
        warn!("a game is under way: the interrupted one waits");
        return;
    }
    if let Err(why) = game.check() {
        warn!("the interrupted game cannot go on: {why}");
        return;
    }
    let mut game = game.as_ref().clone();
    game.current = game.resume_at();
    mend_ids(game.players.iter_mut().map(|p| &mut p.id));
    game.settings.players.mend_ids();
    // The next game is set up like this one (play again, the setup screen), with everyone
    // in it, those who joined during it too.
    *settings = GameSettings { seed: None, players: participants(&game, seats), ..game.settings.clone() };
    info!("resuming the game of seed {} at question {} of {}", game.seed, game.current + 1, game.questions.len());
    if game.current >= game.questions.len() {
        // Every question was played: go on from the last reveal, so the way to the results
        // (standings, high scores, the questions seen) is the usual one.
        game.current = game.questions.len() - 1;
        next_phase.set(Phase::Reveal);
    } else if !game.bets_in() {
        // Stopped while bets were placed: the bets so far stand, and the rest are asked for.
        next_phase.set(Phase::Wager);
    } else {
        next_phase.set(Phase::Question);
    }
    next_screen.set(Screen::Playing);
    commands.insert_resource(game);
}
