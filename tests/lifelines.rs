//! Lifelines, headless: each one's rule on each answer kind (offered and applied, or not
//! offered and never used up), shredding that never takes the right option and works on the
//! order every device shows, double points that double exactly their question, a freeze that
//! holds a rival for three seconds, keys and pads that open a player's menu, and a resumed
//! game that keeps what each player has left.

use std::time::Duration;

use bevy::prelude::*;
use bigtuna::game::lifeline::{FREEZE, Lifeline, NotOffered, keep_fixed, remove_wrong};
use bigtuna::game::{BuzzIn, Device, GameSettings, HostAction, Phase, PlayMode, Presented, Response, UseLifeline};
use bigtuna::pack::{Answer, AnswerKind};
use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::support::*;

fn one_kind(kind: AnswerKind, mode: PlayMode, players: usize, seed: u64) -> App {
    let teams = if mode == PlayMode::Teams { vec!["Red".into(), "Blue".into()] } else { Vec::new() };
    let s = GameSettings { mode, kinds: vec![kind], teams, lifelines: 1, ..settings(players, 5, seed) };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    app
}

fn use_lifeline(app: &mut App, player: usize, lifeline: Lifeline, device: Device) {
    send(app, UseLifeline { player, lifeline, device });
    app.update();
}

fn left(app: &App, player: usize, lifeline: Lifeline) -> u8 {
    game(app).players[player].lifelines.of(lifeline)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(300), ..ProptestConfig::default() })]

    #[test]
    fn shredding_never_takes_the_right_option(count in 3usize..=6, correct in 0usize..6, seed in any::<u64>()) {
        let correct = correct % count;
        let removed = remove_wrong(count, correct, &mut StdRng::seed_from_u64(seed));
        prop_assert!(!removed.contains(&correct));
        prop_assert_eq!(removed.len(), count - 2, "all wrong options but one go");
        prop_assert!(removed.windows(2).all(|w| w[0] < w[1]) && removed.iter().all(|i| *i < count));
    }

    #[test]
    fn a_pinned_item_ends_in_its_place_and_the_rest_keep_their_order(
        order in Just((0..5usize).collect::<Vec<_>>()).prop_shuffle(), item in 0usize..5, slot in 0usize..5,
    ) {
        let mut kept = order.clone();
        keep_fixed(&mut kept, bigtuna::game::lifeline::FixedItem { item, slot });
        prop_assert_eq!(kept[slot], item);
        let others = |o: &[usize]| o.iter().copied().filter(|i| *i != item).collect::<Vec<_>>();
        prop_assert_eq!(others(&kept), others(&order));
    }
}

#[test]
fn shredding_over_many_seeds_keeps_the_right_option_on_the_tv_and_the_phone() {
    for seed in 0..40 {
        let mut app = one_kind(AnswerKind::MultipleChoice, PlayMode::Everyone, 1, seed);
        use_lifeline(&mut app, 0, Lifeline::RemoveWrong, Device::Keyboard);
        let g = game(&app);
        let Some(Presented::Options { options, correct }) = g.question().map(|q| q.presented.clone()) else {
            panic!("a multiple-choice question")
        };
        let removed = g.players[0].this_round.removed.clone();
        assert_eq!(removed.len(), options.len() - 2, "seed {seed}");
        assert!(!removed.contains(&correct), "seed {seed}: the right option was shredded");
        // The phone is sent the same indices into the same order of options.
        let view = bigtuna::net::publish::question_view(g).expect("a view");
        let phone = bigtuna::net::lifeline_view::lifeline_view(g, 0, Duration::ZERO, false);
        assert_eq!(view.choices, options);
        assert_eq!(phone.removed, removed);
        let right = &options[correct];
        assert!(phone.removed.iter().all(|i| &view.choices[*i] != right));
        // A shredded option cannot be chosen; the right one still can.
        answer(&mut app, 0, Response::Option(removed[0]));
        assert!(game(&app).pending(0).is_none(), "a shredded option is not an answer");
        answer(&mut app, 0, Response::Option(correct));
        app.update();
        assert_eq!(phase(&app), Some(Phase::Reveal));
    }
}

/// What the rules say of each lifeline on each kind, alone at the TV (solo) and on a phone.
fn expected(lifeline: Lifeline, kind: AnswerKind, mode: PlayMode, (hint, audience): (bool, bool)) -> bool {
    let options = matches!(kind, AnswerKind::MultipleChoice | AnswerKind::TrueFalse);
    match lifeline {
        Lifeline::RemoveWrong => matches!(kind, AnswerKind::MultipleChoice | AnswerKind::Ordering),
        Lifeline::Hint => hint,
        // Only while an audience plays along, and only on options.
        Lifeline::AskAudience => audience && options,
        Lifeline::DoublePoints => true,
        Lifeline::Freeze => mode == PlayMode::Buzz,
    }
}

/// Two audience members join and, on an options question, vote for the first and the second option.
fn audience_votes(app: &mut App) {
    use bigtuna::game::{AudienceAction, JoinAudience};
    for (member, name) in [(0, "Cy"), (1, "Di")] {
        send(app, JoinAudience { member, name: name.into() });
    }
    app.update();
    let question = game(app).current;
    for member in [0, 1] {
        send(app, AudienceAction { member, question, response: Response::Option(member as usize) });
    }
    app.update();
}

#[test]
fn every_lifeline_on_every_kind_applies_as_documented_or_is_not_offered_and_not_used_up() {
    let kinds = [
        AnswerKind::MultipleChoice,
        AnswerKind::TrueFalse,
        AnswerKind::Typed,
        AnswerKind::Number,
        AnswerKind::Ordering,
    ];
    for (mode, audience) in [(PlayMode::Everyone, false), (PlayMode::Buzz, false), (PlayMode::Everyone, true)] {
        for kind in kinds {
            for seed in 0..4 {
                let players = if mode == PlayMode::Buzz { 2 } else { 1 };
                let mut app = one_kind(kind, mode, players, seed);
                if audience {
                    audience_votes(&mut app);
                }
                let hint = game(&app).question().is_some_and(|q| q.question.hint.is_some());
                for lifeline in Lifeline::ALL {
                    let want = expected(lifeline, kind, mode, (hint, audience));
                    let offered = game(&app).lifeline_offered(0, lifeline, true);
                    assert_eq!(offered.is_ok(), want, "{lifeline:?} on {kind:?} in {mode:?}: {offered:?}");
                    let before = left(&app, 0, lifeline);
                    use_lifeline(&mut app, 0, lifeline, Device::Phone);
                    let after = left(&app, 0, lifeline);
                    assert_eq!(
                        before - after,
                        u8::from(want),
                        "{lifeline:?} on {kind:?}: used up only when it applied"
                    );
                    let round = &game(&app).players[0].this_round;
                    if want {
                        assert!(round.used.contains(&lifeline));
                    }
                    match (lifeline, kind) {
                        (Lifeline::RemoveWrong, AnswerKind::MultipleChoice) => assert_eq!(round.removed.len(), 2),
                        (Lifeline::RemoveWrong, AnswerKind::Ordering) => assert!(round.fixed.is_some()),
                        (Lifeline::Freeze, _) if want => {
                            assert!(game(&app).players[1].this_round.frozen_until.is_some());
                        }
                        (Lifeline::RemoveWrong, _) => assert!(round.removed.is_empty() && round.fixed.is_none()),
                        // Two of the audience voted, for the first option and the second.
                        (Lifeline::AskAudience, _) if want => {
                            let shares = round.audience.clone().unwrap_or_default();
                            assert_eq!((shares[0], shares[1], shares.iter().sum::<u32>()), (50, 50, 100), "{shares:?}");
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

#[test]
fn what_shows_is_not_offered_on_a_shared_screen_where_others_answer_too() {
    let app = one_kind(AnswerKind::MultipleChoice, PlayMode::Everyone, 3, 1);
    let g = game(&app);
    assert_eq!(g.lifeline_offered(0, Lifeline::RemoveWrong, false), Err(NotOffered::SharedScreen));
    assert_eq!(g.lifeline_offered(0, Lifeline::RemoveWrong, true), Ok(()), "a phone is private");
    assert_eq!(g.lifeline_offered(0, Lifeline::DoublePoints, false), Ok(()), "double points shows nothing");
    // On the hot seat the screen is the player's.
    let hot = one_kind(AnswerKind::MultipleChoice, PlayMode::HotSeat, 3, 1);
    let turn = game(&hot).turn().expect("a turn");
    assert_eq!(game(&hot).lifeline_offered(turn, Lifeline::RemoveWrong, false), Ok(()));
    let other = (turn + 1) % 3;
    assert_eq!(game(&hot).lifeline_offered(other, Lifeline::DoublePoints, true), Err(NotOffered::NotAnswering));
}

/// Plays a game to its end with every answer right, doubling question `double` if any.
fn scores_by_round(seed: u64, double: Option<usize>) -> Vec<u32> {
    let mut app = one_kind(AnswerKind::MultipleChoice, PlayMode::Everyone, 1, seed);
    let mut points = Vec::new();
    while phase(&app) == Some(Phase::Question) {
        if Some(game(&app).current) == double {
            use_lifeline(&mut app, 0, Lifeline::DoublePoints, Device::Screen);
        } else {
            // The same time passes as a lifeline's frame, so the answers are equally fast.
            app.update();
        }
        let drawn = game(&app).question().expect("question").clone();
        answer(&mut app, 0, right_response(&drawn));
        points.push(game(&app).last_round().expect("round").outcomes[0].points);
        command(&mut app, bigtuna::game::FlowCommand::Continue);
        if phase(&app) == Some(Phase::Standings) {
            command(&mut app, bigtuna::game::FlowCommand::Continue);
        }
    }
    points
}

#[test]
fn double_points_doubles_exactly_that_questions_points() {
    for seed in [3, 9] {
        let plain = scores_by_round(seed, None);
        for k in [0, 2, 4] {
            let doubled = scores_by_round(seed, Some(k));
            for (i, (a, b)) in plain.iter().zip(&doubled).enumerate() {
                assert_eq!(*b, if i == k { a * 2 } else { *a }, "seed {seed}, doubled {k}, round {i}");
            }
        }
    }
}

#[test]
fn a_freeze_holds_the_leader_for_three_seconds_then_lets_them_answer() {
    let mut app = one_kind(AnswerKind::Typed, PlayMode::Buzz, 3, 4);
    game_mut(&mut app).players[2].score = 500;
    use_lifeline(&mut app, 0, Lifeline::Freeze, Device::Gamepad);
    assert_eq!(game(&app).players[0].this_round.froze, Some(2), "the leader is frozen");
    send(&mut app, BuzzIn { player: 2, device: Device::Keyboard });
    app.update();
    assert_eq!(game(&app).buzz.holder, None, "a frozen player cannot buzz");
    for _ in 0..(FREEZE.as_millis() / FRAME.as_millis()) {
        app.update();
    }
    send(&mut app, BuzzIn { player: 2, device: Device::Keyboard });
    app.update();
    assert_eq!(game(&app).buzz.holder, Some(2), "after three seconds they may");
    assert_eq!(left(&app, 0, Lifeline::Freeze), 0);
}

fn game_mut(app: &mut App) -> Mut<'_, bigtuna::game::Game> {
    app.world_mut().resource_mut::<bigtuna::game::Game>()
}

#[test]
fn an_ordering_keeps_the_item_put_in_place_whatever_the_device_sends() {
    let mut app = one_kind(AnswerKind::Ordering, PlayMode::Everyone, 1, 5);
    use_lifeline(&mut app, 0, Lifeline::RemoveWrong, Device::Screen);
    let fixed = game(&app).players[0].this_round.fixed.expect("an item in place");
    let Some(Presented::Ordering { shown }) = game(&app).question().map(|q| q.presented.clone()) else { panic!() };
    let Some(Answer::Ordering { items }) = game(&app).question().map(|q| q.question.answer.clone()) else { panic!() };
    assert_eq!(items[fixed.slot], shown[fixed.item], "the item's right place");
    // The device sends the item elsewhere: it is kept where the lifeline put it.
    let mut order: Vec<usize> = (0..shown.len()).filter(|i| *i != fixed.item).collect();
    order.insert((fixed.slot + 1) % shown.len(), fixed.item);
    answer(&mut app, 0, Response::Order(order));
    let outcome = &game(&app).last_round().expect("round").outcomes[0];
    let Some(Response::Order(kept)) = outcome.response() else { panic!("an order") };
    assert_eq!(kept[fixed.slot], fixed.item);
    assert_eq!(outcome.lifelines, vec![Lifeline::RemoveWrong], "the record says what was used");
}

#[test]
fn a_skipped_question_gives_its_lifelines_back() {
    let mut app = one_kind(AnswerKind::MultipleChoice, PlayMode::Everyone, 1, 6);
    use_lifeline(&mut app, 0, Lifeline::DoublePoints, Device::Screen);
    assert_eq!(left(&app, 0, Lifeline::DoublePoints), 0);
    send(&mut app, HostAction::Skip);
    app.update();
    assert_eq!(left(&app, 0, Lifeline::DoublePoints), 1, "nobody was asked: it did nothing");
}

#[test]
fn a_teammate_doubling_doubles_the_teams_answer() {
    let mut app = one_kind(AnswerKind::MultipleChoice, PlayMode::Teams, 4, 2);
    let teams: Vec<Option<usize>> = game(&app).players.iter().map(|p| p.team).collect();
    let mate = (1..4).find(|p| teams[*p] == teams[0]).expect("a teammate");
    use_lifeline(&mut app, mate, Lifeline::DoublePoints, Device::Phone);
    for _ in 0..(bigtuna::game::mode::TEAM_TALK.as_millis() / FRAME.as_millis() + 1) {
        app.update();
    }
    let drawn = game(&app).question().expect("question").clone();
    let rivals = (1..4).find(|p| teams[*p] != teams[0]).expect("a rival");
    // Both answer in the same frame: equally fast.
    send(&mut app, bigtuna::game::PlayerAction::new(0, right_response(&drawn)));
    answer(&mut app, rivals, right_response(&drawn));
    let round = game(&app).last_round().expect("round");
    let (ours, theirs) = (round.outcomes[0].points, round.outcomes[rivals].points);
    assert!(theirs > 0);
    assert_eq!(ours, theirs * 2, "the team's answer is doubled");
}

#[test]
fn no_lifelines_when_the_host_sets_none() {
    let s = GameSettings { lifelines: 0, kinds: vec![AnswerKind::MultipleChoice], ..settings(1, 5, 1) };
    let mut app = headless(synthetic_library(8), s);
    start(&mut app);
    for lifeline in Lifeline::ALL {
        assert_eq!(game(&app).lifeline_offered(0, lifeline, true), Err(NotOffered::NoneLeft));
    }
    use_lifeline(&mut app, 0, Lifeline::DoublePoints, Device::Phone);
    assert!(game(&app).players[0].this_round.used.is_empty());
}

fn key(app: &mut App, key: KeyCode) {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
    app.world_mut().write_message(KeyboardInput {
        key_code: key,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state: ButtonState::Pressed,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
    app.update();
}

#[test]
fn a_key_rows_lifeline_key_opens_its_players_menu_and_its_keys_pick_from_it() {
    use bigtuna::input::lifeline_menu::{LifelineMenus, on_menu};
    let s = GameSettings { mode: PlayMode::Buzz, kinds: vec![AnswerKind::MultipleChoice], ..settings(2, 5, 3) };
    let mut app = headless(synthetic_library(8), s);
    app.add_plugins(bigtuna::input::plugin);
    start(&mut app);
    app.update();
    // Row two (Q W E R T Y) is player 2: U opens their menu. On a shared screen in buzz-in it
    // lists what shows nothing to the room: double points and the freeze.
    key(&mut app, KeyCode::KeyU);
    assert_eq!(app.world().resource::<LifelineMenus>().0, vec![1]);
    assert_eq!(on_menu(game(&app), 1), vec![Lifeline::DoublePoints, Lifeline::Freeze]);
    // Their second key picks the second: the freeze.
    key(&mut app, KeyCode::KeyW);
    app.update();
    assert_eq!(game(&app).players[1].this_round.used, vec![Lifeline::Freeze]);
    assert_eq!(game(&app).players[1].this_round.froze, Some(0));
    assert!(app.world().resource::<LifelineMenus>().0.is_empty(), "the menu closes once used");
    assert!(game(&app).pending(1).is_none(), "the pick was no answer");
    // With the menu closed, W answers again.
    key(&mut app, KeyCode::KeyW);
    assert!(game(&app).pending(1).is_some());
}

#[test]
fn solo_tab_opens_the_menu_and_a_number_key_picks() {
    use bigtuna::input::InputContext;
    let s = GameSettings { kinds: vec![AnswerKind::MultipleChoice], ..settings(1, 5, 8) };
    let mut app = headless(synthetic_library(8), s);
    app.add_plugins(bigtuna::input::plugin);
    start(&mut app);
    app.update();
    assert!(matches!(*app.world().resource::<InputContext>(), InputContext::Options { party: false, .. }));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Digit1);
    app.update();
    assert_eq!(game(&app).players[0].this_round.used, vec![Lifeline::RemoveWrong], "the first on the menu");
    assert_eq!(game(&app).players[0].this_round.removed.len(), 2);
}

#[test]
fn a_resumed_game_keeps_the_lifelines_each_player_has_left() {
    let dir = scratch_dir("lifelines-resume");
    let s = GameSettings { kinds: vec![AnswerKind::MultipleChoice], lifelines: 2, ..settings(2, 4, 12) };
    let mut app = crate::resume::saving_app_with(&dir, s.clone(), |_| {});
    start(&mut app);
    use_lifeline(&mut app, 0, Lifeline::DoublePoints, Device::Phone);
    use_lifeline(&mut app, 1, Lifeline::RemoveWrong, Device::Phone);
    let drawn = game(&app).question().expect("question").clone();
    answer(&mut app, 0, right_response(&drawn));
    answer(&mut app, 1, right_response(&drawn));
    app.update();
    assert_eq!(phase(&app), Some(Phase::Reveal));
    let kept: Vec<_> = game(&app).players.iter().map(|p| p.lifelines).collect();
    drop(app);
    let app = crate::resume::resumed(&dir, s);
    assert_eq!(phase(&app), Some(Phase::Question));
    let now: Vec<_> = game(&app).players.iter().map(|p| p.lifelines).collect();
    assert_eq!(now, kept);
    assert_eq!((now[0].of(Lifeline::DoublePoints), now[1].of(Lifeline::RemoveWrong)), (1, 1));
    let first = &game(&app).rounds[0].outcomes;
    assert_eq!(
        (first[0].lifelines.clone(), first[1].lifelines.clone()),
        (vec![Lifeline::DoublePoints], vec![Lifeline::RemoveWrong])
    );
}
