//! One record per participant: an id that stays theirs, the device they joined with, carried
//! from the lobby into the game; a player the host removes keeps their id and score.

use bevy::prelude::*;
use bigtuna::game::Party;
use bigtuna::game::{
    HostAction, JoinGame, PlayerId, PlayerSpec, Response, Role, ScoringPresets, Screen, Seat, Setting,
};
use bigtuna::input::seats::JoinRequest;

use crate::support::{answer, game, headless, right_response, screen, send, settings, start, synthetic_library};

fn party(app: &App) -> Vec<(PlayerId, String, Option<Seat>)> {
    let settings = app.world().resource::<bigtuna::game::GameSettings>();
    settings.players.iter().map(|p| (p.id, p.name.clone(), p.seat)).collect()
}

fn join(app: &mut App, seat: Seat, name: Option<&str>) {
    send(app, JoinRequest { seat, name: name.map(str::to_owned), watched_to: None, ..JoinRequest::device(seat) });
    app.update();
}

#[test]
fn each_device_that_joins_is_one_participant_with_an_id_nobody_else_gets() {
    let mut app = headless(synthetic_library(4), settings(0, 5, 3));
    app.add_plugins(bigtuna::input::plugin);
    join(&mut app, Seat::Keys(0), None);
    join(&mut app, Seat::Phone(7), Some("Pam"));
    join(&mut app, Seat::Keys(0), Some("again"));
    join(&mut app, Seat::Keys(2), None);
    // Keyboard players start with a name of the game's making, each their own.
    let (first, third) = (party(&app)[0].1.clone(), party(&app)[2].1.clone());
    for name in [&first, &third] {
        assert!(!name.starts_with("Player") && name.split(' ').count() == 2, "a generated name: {name}");
    }
    assert_ne!(first, third);
    assert_eq!(
        party(&app),
        [
            (PlayerId(0), first.clone(), Some(Seat::Keys(0))),
            (PlayerId(1), "Pam".into(), Some(Seat::Phone(7))),
            (PlayerId(2), third.clone(), Some(Seat::Keys(2))),
        ],
        "a device already seated is not seated twice"
    );
    assert!(app.world().resource::<bigtuna::game::GameSettings>().players.iter().all(|p| p.role == Role::Player));

    // Pam leaves the lobby: the others keep their ids, and whoever joins next gets a new one.
    app.world_mut().resource_mut::<bigtuna::game::GameSettings>().players.remove(1);
    join(&mut app, Seat::Phone(8), Some("Dwight"));
    let ids: Vec<PlayerId> = party(&app).iter().map(|p| p.0).collect();
    assert_eq!(ids, [PlayerId(0), PlayerId(2), PlayerId(3)]);
    assert_eq!(app.world().resource::<bigtuna::game::GameSettings>().players.player_for_phone(8), Some(2));
    assert_eq!(app.world().resource::<bigtuna::game::GameSettings>().players.player_for_row(2), Some(1));
    assert_eq!(
        app.world().resource::<bigtuna::game::GameSettings>().players.player_for_row(1),
        None,
        "row 1 never joined"
    );

    // The game's players are the participants, ids and all.
    start(&mut app);
    let in_game: Vec<(PlayerId, &str)> = game(&app).players.iter().map(|p| (p.id, p.name.as_str())).collect();
    assert_eq!(in_game, [(PlayerId(0), first.as_str()), (PlayerId(2), third.as_str()), (PlayerId(3), "Dwight")]);
}

#[test]
fn a_player_the_host_removes_keeps_their_id_and_score_and_one_who_joins_gets_a_new_id() {
    let mut app = headless(synthetic_library(4), settings(3, 5, 8));
    start(&mut app);
    let drawn = game(&app).question().expect("a question").clone();
    answer(&mut app, 1, right_response(&drawn));
    answer(&mut app, 0, Response::Pass);
    answer(&mut app, 2, Response::Pass);
    let score = game(&app).players[1].score;
    assert!(score > 0);
    send(&mut app, HostAction::Remove(1));
    app.update();
    let removed = &game(&app).players[1];
    assert_eq!((removed.id, removed.removed, removed.score), (PlayerId(1), true, score));
    let fresh = app.world().resource::<bigtuna::game::GameSettings>().players.new_player();
    assert_eq!(fresh.id, PlayerId(3));
    send(&mut app, JoinGame(PlayerSpec { name: "Karen".into(), ..fresh }));
    app.update();
    assert_eq!(game(&app).index_of(PlayerId(3)), Some(3));
    assert_eq!(game(&app).index_of(PlayerId(1)), Some(1), "still there, removed");
    assert_eq!(screen(&app), Screen::Playing);
}

#[test]
fn setting_up_fewer_players_drops_their_seats_too_and_new_ids_come_past_the_highest() {
    let library = synthetic_library(2);
    let presets = ScoringPresets::default();
    let mut s = settings(3, 5, 1);
    s.players[2].seat = Some(Seat::Keys(2));
    Setting::Players.step(&mut s, -1, &library, &presets);
    Setting::Players.step(&mut s, 1, &library, &presets);
    let ids: Vec<(PlayerId, Option<Seat>)> = s.players.iter().map(|p| (p.id, p.seat)).collect();
    assert_eq!(ids, [(PlayerId(0), None), (PlayerId(1), None), (PlayerId(2), None)], "one list: the seat went too");
    s.players[1].id = PlayerId(5);
    Setting::Players.step(&mut s, 1, &library, &presets);
    assert_eq!(s.players[3].id, PlayerId(6), "past the highest id, never one in use");
    // A file where two share an id (as every file before ids) is numbered by place.
    s.players[3].id = PlayerId(0);
    s.players.mend_ids();
    assert_eq!(s.players.iter().map(|p| p.id.0).collect::<Vec<_>>(), [0, 1, 2, 3]);
}

#[test]
fn a_resumed_party_is_everyone_who_played_each_on_their_device_who_joined_mid_game_too() {
    use bigtuna::persist::saved_game::InterruptedChoice;

    use crate::resume::saving_app_with;
    use crate::support::{phase, seat};

    let dir = crate::support::scratch_dir("participants-resume");
    let seated = |app: &mut App| {
        app.add_plugins(bigtuna::input::plugin);
        seat(app, [Seat::Keys(0), Seat::Keys(1)]);
    };
    let mut app = saving_app_with(&dir, settings(2, 5, 12), seated);
    start(&mut app);
    join(&mut app, Seat::Phone(4), Some("Cy"));
    assert_eq!(game(&app).players.len(), 3, "Cy plays from the open question on");
    let drawn = game(&app).question().expect("a question").clone();
    for player in 0..3 {
        answer(&mut app, player, right_response(&drawn));
    }
    app.update();
    assert_eq!(phase(&app), Some(bigtuna::game::Phase::Reveal));
    drop(app);

    let mut app = saving_app_with(&dir, settings(2, 5, 12), |app| {
        app.add_plugins(bigtuna::input::plugin);
    });
    send(&mut app, InterruptedChoice::Resume);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Playing);
    assert_eq!(
        party(&app),
        [
            (PlayerId(0), "Player 1".into(), Some(Seat::Keys(0))),
            (PlayerId(1), "Player 2".into(), Some(Seat::Keys(1))),
            (PlayerId(2), "Cy".into(), Some(Seat::Phone(4))),
        ]
    );
    assert_eq!(app.world().resource::<bigtuna::game::GameSettings>().players.player_for_phone(4), Some(2));
}

#[test]
fn a_phone_joining_mid_game_beside_a_player_with_no_device_answers_for_itself() {
    let mut app = headless(synthetic_library(4), settings(2, 5, 4));
    app.add_plugins(bigtuna::input::plugin);
    // Player 1 joined on keys; player 2 was set up without a device.
    app.world_mut().resource_mut::<bigtuna::game::GameSettings>().players[0].seat = Some(Seat::Keys(0));
    start(&mut app);
    join(&mut app, Seat::Phone(3), Some("Cy"));
    let party = party(&app);
    assert_eq!(party.len(), 3, "nobody in the game is dropped from the party: {party:?}");
    let in_game: Vec<(PlayerId, &str)> = game(&app).players.iter().map(|p| (p.id, p.name.as_str())).collect();
    assert_eq!(in_game, [(PlayerId(0), "Player 1"), (PlayerId(1), "Player 2"), (PlayerId(2), "Cy")]);
    let settings = app.world().resource::<bigtuna::game::GameSettings>();
    assert_eq!(settings.players.player_for_phone(3), Some(2), "Cy's phone answers for Cy");
}

#[test]
fn a_command_line_night_keeps_its_pads_when_a_phone_joins_and_a_solo_game_drops_the_seat() {
    use bevy::input::gamepad::Gamepad;

    let mut app = headless(synthetic_library(4), settings(5, 5, 6));
    app.add_plugins(bigtuna::input::plugin);
    let pads: Vec<Entity> = (0..5).map(|_| app.world_mut().spawn(Gamepad::default()).id()).collect();
    app.update();
    join(&mut app, Seat::Phone(1), Some("Pam"));
    let seats: Vec<Option<Seat>> = party(&app).into_iter().map(|p| p.2).collect();
    assert_eq!(seats[3], Some(Seat::Keys(3)));
    assert_eq!(seats[4], Some(Seat::Pad(Some(pads[4]))), "the fifth player's pad still answers for them");
    let settings = app.world().resource::<bigtuna::game::GameSettings>();
    assert_eq!(settings.players.player_for_pad(pads[4], Some(4)), Some(4));

    let mut solo = settings.clone();
    solo.players.swap(0, 5);
    solo.make_solo();
    assert_eq!((solo.players[0].name.as_str(), solo.players[0].seat), ("Pam", None), "alone, any device answers");
}
