//! What a key means now, derived from the states, the game and the widget that takes text:
//! never set by hand, so no screen can forget to reset it on the way out.

use bevy::prelude::*;

use crate::game::{Game, GameSystems, Phase, PlayMode, Presented, Screen};

/// What the keys mean right now (see [`derive`] for the rules).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputContext {
    /// Menus: arrows move, Enter confirms, letters do nothing.
    #[default]
    Menu,
    /// A question with options: number/letter keys and face buttons answer directly.
    Options {
        /// How many options there are.
        count: usize,
        /// Party play: each player has their own row of keys and their own gamepad.
        party: bool,
    },
    /// Typing an answer: letters are text, so no letter shortcuts.
    TextEntry,
    /// Buzz-in on a typed or number question: any key of a player's row, or a pad's face
    /// button, buzzes to answer.
    Buzzers,
    /// The join screen: a row's first key, or an unseated pad's South, joins the party.
    Joining,
    /// The final wager: answer keys and face buttons bet a share of the score (the first
    /// nothing, the fifth everything).
    Wager {
        /// Party play: each player bets on their own row of keys and their own gamepad.
        party: bool,
    },
}

/// A widget that takes typed text: the TV's answer field, or a player's name (on the join
/// screen, or the solo player's on the setup screen). `now` says whether it is taking it (a
/// name is typed only once chosen).
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TakesText {
    /// Letters are text while this is so.
    pub now: bool,
}

/// Where the context is derived: the keys and pads are read after it, so that a press lands
/// in the context the screen showed.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeriveContext;

/// The context follows whatever it is derived from, and only when that changed.
pub(super) fn plugin(app: &mut App) {
    let moved = state_changed::<Screen>
        .or_eager(state_changed::<Phase>)
        .or_eager(resource_exists_and_changed::<Game>)
        .or_eager(resource_removed::<Game>)
        .or_eager(|fields: Query<(), Changed<TakesText>>| !fields.is_empty());
    app.init_resource::<InputContext>()
        .add_systems(Update, derive.run_if(moved).in_set(GameSystems::Input).in_set(DeriveContext));
}

/// The rules: a name being typed (on the join screen, or the solo player's) takes letters;
/// the join screen joins; a question with options answers
/// with keys; a typed question types at the TV's field, if it has one, unless in a buzz-in
/// party nobody holds the buzzer yet (the keys buzz) or the room says it aloud; everything
/// else is a menu.
fn derive(
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
    game: Option<Res<Game>>,
    fields: Query<&TakesText>,
    mut context: ResMut<InputContext>,
) {
    let typing = fields.iter().any(|f| f.now);
    let asking = phase.as_ref().is_some_and(|p| *p.get() == Phase::Question);
    let question = game.as_deref().filter(|_| asking && *screen.get() == Screen::Playing);
    let betting = phase.as_ref().is_some_and(|p| *p.get() == Phase::Wager);
    let wanted = match (screen.get(), question, game.as_deref()) {
        (Screen::Playing, Some(game), _) => question_context(game, typing),
        (Screen::Playing, None, Some(game)) if betting => InputContext::Wager { party: game.is_party() },
        _ if typing => InputContext::TextEntry,
        (Screen::Join, ..) => InputContext::Joining,
        _ => InputContext::Menu,
    };
    context.set_if_neq(wanted);
}

fn question_context(game: &Game, field: bool) -> InputContext {
    let party = game.is_party();
    let buzz = game.settings.mode == PlayMode::Buzz;
    match game.question().map(|q| &q.presented) {
        Some(Presented::Options { options, .. }) => InputContext::Options { count: options.len(), party },
        // Said aloud, the first to buzz has the floor.
        Some(Presented::Typed | Presented::Number) if game.said_aloud() => {
            if buzz {
                InputContext::Buzzers
            } else {
                InputContext::Menu
            }
        }
        // With every player on a phone, the TV has no field of its own.
        Some(Presented::Typed | Presented::Number) if !field => InputContext::Menu,
        Some(Presented::Typed | Presented::Number) if buzz && party && game.buzz.holder.is_none() => {
            InputContext::Buzzers
        }
        Some(Presented::Typed | Presented::Number) => InputContext::TextEntry,
        Some(Presented::Ordering { .. }) | None => InputContext::Menu,
    }
}
