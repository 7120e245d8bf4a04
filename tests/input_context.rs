//! What a key means follows the game by itself: derived from the screen, the phase, the
//! question, the buzzer and the widget that takes text, headless as on screen.

use bevy::prelude::*;
use bigtuna::game::{BuzzIn, Device, FlowCommand, GameSettings, Phase, PlayMode, Presented, Screen};
use bigtuna::input::{InputContext, TakesText};
use bigtuna::pack::AnswerKind;

use crate::support::{
    answer, command, game, headless, phase, right_response, send, settings, start, synthetic_library,
};

fn app_with(s: GameSettings) -> App {
    let mut app = headless(synthetic_library(4), s);
    app.add_plugins(bigtuna::input::plugin);
    app.update();
    app
}

fn context(app: &App) -> InputContext {
    *app.world().resource::<InputContext>()
}

#[test]
fn menus_the_join_screen_and_a_question_with_options() {
    let s = GameSettings { kinds: vec![AnswerKind::MultipleChoice], ..settings(1, 3, 21) };
    let mut app = app_with(s);
    assert_eq!(context(&app), InputContext::Menu, "the title is a menu");
    app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Join);
    app.update();
    assert_eq!(context(&app), InputContext::Joining);
    // A player's name chosen for typing: letters are text, and Enter ends it.
    let name = app.world_mut().spawn(TakesText { now: true }).id();
    app.update();
    assert_eq!(context(&app), InputContext::TextEntry);
    app.world_mut().entity_mut(name).insert(TakesText { now: false });
    app.update();
    assert_eq!(context(&app), InputContext::Joining);
    app.world_mut().entity_mut(name).despawn();
    app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Title);
    app.update();
    assert_eq!(context(&app), InputContext::Menu, "leaving the join screen resets nothing by hand");
    start(&mut app);
    let Presented::Options { options, .. } = &game(&app).question().expect("question").presented else {
        panic!("options only")
    };
    assert_eq!(context(&app), InputContext::Options { count: options.len(), party: false });
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    assert_eq!(context(&app), InputContext::Menu, "a reveal is a menu");
}

#[test]
fn a_typed_question_types_at_the_tvs_field_only_when_it_has_one() {
    let s = GameSettings { kinds: vec![AnswerKind::Typed], ..settings(1, 3, 22) };
    let mut app = app_with(s);
    start(&mut app);
    assert_eq!(context(&app), InputContext::Menu, "no field on the TV (every player on a phone)");
    app.world_mut().spawn((TakesText { now: true }, DespawnOnExit(Phase::Question)));
    app.update();
    assert_eq!(context(&app), InputContext::TextEntry);
    command(&mut app, FlowCommand::CloseQuestion);
    assert_eq!(phase(&app), Some(Phase::Reveal));
    assert_eq!(context(&app), InputContext::Menu);
}

#[test]
fn buzz_in_keys_buzz_until_someone_holds_the_buzzer_and_then_type() {
    let s = GameSettings { mode: PlayMode::Buzz, kinds: vec![AnswerKind::Typed], ..settings(3, 3, 23) };
    let mut app = app_with(s);
    start(&mut app);
    app.world_mut().spawn((TakesText { now: true }, DespawnOnExit(Phase::Question)));
    app.update();
    assert_eq!(context(&app), InputContext::Buzzers);
    send(&mut app, BuzzIn { player: 1, device: Device::Keyboard });
    app.update();
    assert_eq!(game(&app).buzz.holder, Some(1));
    app.update();
    assert_eq!(context(&app), InputContext::TextEntry, "the one who buzzed types");
}

#[test]
fn said_aloud_the_room_buzzes_or_the_host_listens() {
    let aloud = |mode| GameSettings { mode, aloud: true, kinds: vec![AnswerKind::Typed], ..settings(3, 3, 24) };
    let mut app = app_with(aloud(PlayMode::Buzz));
    start(&mut app);
    app.update();
    assert_eq!(context(&app), InputContext::Buzzers);
    let mut app = app_with(aloud(PlayMode::Everyone));
    start(&mut app);
    app.update();
    assert_eq!(context(&app), InputContext::Menu);
}
