//! Lifelines from a phone, through the server: the phone is offered what applies, uses one,
//! and only it is told what it did; junk is refused, and a controller of a later protocol is
//! told why.

use bigtuna::game::{GameSettings, Presented};
use bigtuna::pack::AnswerKind;

use crate::support::*;

#[test]
fn a_phone_sees_its_lifelines_uses_one_and_only_it_sees_what_it_did() {
    use crate::phone_games::{Night, phone_night, pump, question_for};
    use crate::phones::{error_code, say, until};
    use bigtuna::net::protocol::{ErrorCode, ServerMessage};
    use bigtuna::net::views::Turn;
    let s = GameSettings {
        kinds: vec![AnswerKind::MultipleChoice],
        questions: 5,
        seed: Some(4),
        ..GameSettings::default()
    };
    let Night { mut app, mut phones, addr } = phone_night(&["Ann", "Bo"], s);
    let question = game(&app).current;
    let view = question_for(&mut phones[0], question, Turn::Answer);
    let offered: Vec<&str> = view.lifelines.offered.iter().map(|o| o.lifeline.as_str()).collect();
    assert!(offered.contains(&"remove") && offered.contains(&"double"), "{offered:?}");
    assert!(!offered.contains(&"freeze") && !offered.contains(&"audience"), "{offered:?}");
    let json = format!(r#"{{"type":"lifeline","question":{question},"lifeline":"remove"}}"#);
    assert_eq!(say(&mut phones[0], &json), ServerMessage::Ack { question });
    pump(&mut app, |app| !game(app).players[0].this_round.removed.is_empty());
    let seen = until(&mut phones[0], |m| matches!(m, ServerMessage::Question(v) if !v.lifelines.removed.is_empty()));
    let ServerMessage::Question(seen) = seen else { unreachable!() };
    let Some(Presented::Options { correct, .. }) = game(&app).question().map(|q| q.presented.clone()) else { panic!() };
    assert_eq!(seen.lifelines.removed.len(), 2);
    assert!(!seen.lifelines.removed.contains(&correct));
    assert!(seen.lifelines.offered.iter().all(|o| o.lifeline != "remove"), "used on this question");
    // The other phone is told nothing of it.
    let other = until(&mut phones[1], |m| matches!(m, ServerMessage::Question(_)));
    let ServerMessage::Question(other) = other else { unreachable!() };
    assert!(other.lifelines.removed.is_empty() && other.lifelines.used.is_empty());
    // A junk lifeline is refused clearly, and a controller of a later protocol is told why.
    let junk = format!(r#"{{"type":"lifeline","question":{question},"lifeline":"steal"}}"#);
    assert_eq!(error_code(&say(&mut phones[1], &junk)), ErrorCode::BadMessage);
    let mut later = crate::phone_games::connect_to(addr);
    let refused = say(&mut later, r#"{"type":"join","room":"TUNA","name":"Cy","version":4}"#);
    assert_eq!(error_code(&refused), ErrorCode::NewerProtocol);
}
