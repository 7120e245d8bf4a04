//! Composing an answer, headless: the text field's keys and Enter, and an ordering's moves.

use bevy::input::keyboard::{Key, NativeKey};
use bigtuna::game::Response;
use bigtuna::input::ordering::OrderDraft;
use bigtuna::input::text_entry::TextEntry;

fn typed(entry: &mut TextEntry, text: &str) {
    for c in text.chars() {
        entry.key(&Key::Character(c.to_string().into()), Some(&c.to_string()));
    }
}

#[test]
fn a_text_field_types_deletes_and_submits() {
    let mut entry = TextEntry::new(false);
    assert_eq!(entry.submit(), None, "nothing to submit");
    typed(&mut entry, "Stamfrd");
    entry.key(&Key::Backspace, None);
    typed(&mut entry, "d!");
    entry.key(&Key::Enter, Some("\r"));
    assert_eq!(entry.text, "Stamfrd!", "control characters are not typed");
    assert_eq!(entry.submit(), Some(Response::Text("Stamfrd!".into())));
    assert_eq!(entry.text, "", "the next player types into an empty field");
    typed(&mut entry, &"x".repeat(100));
    assert_eq!(entry.text.chars().count(), TextEntry::MAX_CHARS);
}

#[test]
fn a_number_field_takes_numbers_only_and_says_when_it_is_not_one() {
    let mut entry = TextEntry::new(true);
    typed(&mut entry, "-1a,5-");
    assert_eq!(entry.text, "-1,5", "letters and a second minus are refused");
    assert_eq!(entry.submit(), Some(Response::Number(-1.5)));
    typed(&mut entry, ".,.");
    assert_eq!(entry.submit(), None);
    assert!(entry.invalid, "Enter on a non-number is refused, and said");
    assert_eq!(entry.text, ".,.", "what was typed stays to be mended");
    entry.key(&Key::Unidentified(NativeKey::Unidentified), Some("7"));
    assert!(!entry.invalid, "typing again clears the message");
}

#[test]
fn an_ordering_picks_up_moves_and_puts_down() {
    let mut draft = OrderDraft::new(4);
    draft.nudge(1);
    assert_eq!(draft.order, [0, 1, 2, 3], "nothing held, nothing moves");
    draft.activate(0);
    draft.nudge(1);
    draft.nudge(1);
    assert_eq!((draft.order.clone(), draft.held), (vec![1, 2, 0, 3], Some(2)));
    draft.nudge(1);
    draft.nudge(1);
    assert_eq!((draft.order.clone(), draft.held), (vec![1, 2, 3, 0], Some(3)), "it stops at the end");
    draft.activate(3);
    assert_eq!(draft.held, None, "Enter on the held item puts it down");
    draft.activate(3);
    draft.activate(0);
    assert_eq!((draft.order.clone(), draft.held), (vec![0, 1, 2, 3], None), "a click elsewhere moves it there");
    draft.activate(9);
    assert_eq!(draft.held, None, "no such slot");
    assert_eq!(draft.response(), Response::Order(vec![0, 1, 2, 3]));
}

#[test]
fn a_line_of_text_stops_at_its_limit_takes_no_control_characters_and_deletes() {
    use bigtuna::input::text_entry::type_line;
    let mut name = String::new();
    let key = Key::Character("x".into());
    assert!(type_line(&mut name, &key, Some("Pam\u{7}ela Beesly"), 5, |_, _| true));
    assert_eq!(name, "Pamel", "five characters, the bell dropped");
    assert!(!type_line(&mut name, &key, Some("a"), 5, |_, _| true), "a full line takes nothing");
    assert!(type_line(&mut name, &Key::Backspace, None, 5, |_, _| true));
    assert_eq!(name, "Pame");
    let mut empty = String::new();
    assert!(!type_line(&mut empty, &Key::Backspace, None, 5, |_, _| true), "nothing to delete");
    assert!(!type_line(&mut empty, &key, Some("é"), 5, |_, c| c.is_ascii()), "what the field refuses");
}
