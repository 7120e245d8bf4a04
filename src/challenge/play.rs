//! Playing a challenge: a code in ([`PlayChallenge`]), the code's questions in its order and
//! under its timer, scoring, lifelines and wager, for this computer's players; or, when the
//! code cannot be played here, the reason ([`ChallengeProblem`]) for the screen to show.

use bevy::prelude::*;

use super::code::ChallengeCode;
use super::resolve::{questions_of, rivals};
use crate::game::flow::{begin, game_of};
use crate::game::rivals::ChallengedBy;
use crate::game::{Game, GameSettings, GameSystems, Phase, ScoringPresets, Screen};
use crate::pack::PackLibrary;

/// Play the game of a challenge code, as typed or pasted.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct PlayChallenge {
    /// The code.
    pub code: String,
    /// Play it alone under this name (a friend at home), rather than with the party set up;
    /// the settings stay as they were, so a refused code costs nobody their seat.
    pub solo: Option<String>,
}

/// Why the last [`PlayChallenge`] did not start a game, in words for the player.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct ChallengeProblem(pub String);

/// Starts challenge games.
pub fn plugin(app: &mut App) {
    app.add_message::<PlayChallenge>().add_systems(Update, start.in_set(GameSystems::Flow));
}

fn start(
    mut commands: Commands,
    mut reader: MessageReader<PlayChallenge>,
    screen: Res<State<Screen>>,
    library: Res<PackLibrary>,
    presets: Res<ScoringPresets>,
    settings: Res<GameSettings>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut next_phase: ResMut<NextState<Phase>>,
) {
    // One a frame, and never over a game under way.
    let Some(PlayChallenge { code: text, solo }) = reader.read().last() else { return };
    if *screen.get() == Screen::Playing {
        return;
    }
    let mut settings = settings.clone();
    if let Some(name) = solo {
        settings.make_solo();
        if let Some(player) = settings.players.first_mut() {
            player.name.clone_from(name);
        }
    }
    match challenge_game(text, &library, &presets, &settings) {
        Ok(game) => {
            info!("a challenge of {} questions started, code {}", game.questions.len(), text.trim());
            commands.remove_resource::<ChallengeProblem>();
            begin(&mut commands, game, &mut next_screen, &mut next_phase);
        }
        Err(why) => {
            info!("challenge code refused: {why}");
            commands.insert_resource(ChallengeProblem(why));
            // Refused as the game started (`--challenge`): the title's field says why.
            if *screen.get() == Screen::Loading {
                next_screen.set(Screen::Title);
            }
        }
    }
}

/// The game a code asks for, with `settings`' players; else why not, in words.
pub fn challenge_game(
    text: &str,
    library: &PackLibrary,
    presets: &ScoringPresets,
    settings: &GameSettings,
) -> Result<Game, String> {
    let code = ChallengeCode::from_text(text).map_err(|e| e.to_string())?;
    let questions = questions_of(&code, library, presets).map_err(|e| e.to_string())?;
    if questions.is_empty() {
        return Err("this challenge code holds no question: ask your friend for the code again".to_owned());
    }
    // Fair to whoever plays it: nothing past how far they have watched, and no word of what.
    let limit = settings.lowest_limit();
    let latest = questions.iter().filter_map(|q| q.question.seasons.map(|s| s.last())).max().unwrap_or(0);
    if latest > limit {
        return Err(format!(
            "this challenge asks about season {latest}, past your spoiler limit (season {limit}): raise Seasons on the setup screen (or give --max-season {latest}) to play it"
        ));
    }
    let mut settings = settings.clone();
    settings.timer = code.timer;
    settings.scoring.clone_from(&code.scoring);
    settings.lifelines = code.lifelines;
    settings.wager = code.wager;
    settings.questions = questions.len();
    let mut game = game_of(questions.clone(), &settings, presets, code.seed, false);
    // The code's order, even for a hot seat of superfans, who are otherwise dealt the hardest.
    game.questions = questions;
    game.challenge = Some(ChallengedBy { code: code.to_text(), rivals: rivals(&code), mode: code.mode });
    Ok(game)
}
