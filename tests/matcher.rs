//! Property tests of the lenient matcher for typed answers.

use bigtuna::game::judge::matches_leniently;
use proptest::prelude::*;

fn answer() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z]{1,8}", 1..4).prop_map(|words| words.join(" "))
}

/// Two answers of the same length, one from the first half of the alphabet and one from the
/// second: no letter in common, so every letter is a typo.
fn disjoint_pair() -> impl Strategy<Value = (String, String)> {
    let letters = |from, to, n| proptest::collection::vec(proptest::char::range(from, to), n);
    (1usize..16).prop_flat_map(move |n| {
        (letters('a', 'm', n), letters('n', 'z', n))
            .prop_map(|(a, b)| (a.into_iter().collect(), b.into_iter().collect()))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::support::fuzz_cases(256), ..ProptestConfig::default() })]

    #[test]
    fn an_accepted_form_matches_itself_after_case_and_punctuation_changes(
        form in answer(),
        upper in proptest::collection::vec(any::<bool>(), 40),
        punctuation in proptest::sample::select(vec!["", "!", ".", "?", "...", ","]),
        the in any::<bool>(),
    ) {
        let typed: String = form
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c })
            .collect();
        let typed = format!("  {}{typed}{punctuation} ", if the { "The " } else { "" });
        prop_assert!(matches_leniently(&typed, &form), "{typed:?} vs {form:?}");
    }

    #[test]
    fn an_answer_with_no_letter_in_common_never_matches((form, other) in disjoint_pair()) {
        prop_assert!(!matches_leniently(&other, &form), "{other:?} matched {form:?}");
    }

    #[test]
    fn one_typo_is_forgiven_from_five_letters(form in "[a-z]{5,9}", at in 0usize..5, with in "[a-z]") {
        let mut typed: Vec<char> = form.chars().collect();
        typed[at] = with.chars().next().unwrap_or('x');
        let typed: String = typed.into_iter().collect();
        prop_assert!(matches_leniently(&typed, &form));
    }
}

#[test]
fn lenient_rules_from_the_issue() {
    assert!(matches_leniently("cece", "Cece"));
    assert!(matches_leniently("Cecelia Marie Halpert", "cecelia marie halpert"));
    assert!(matches_leniently("Pam and Jim", "Pam & Jim"));
    assert!(matches_leniently("the office", "Office"));
    assert!(matches_leniently("Mónica", "Monica"));
    assert!(matches_leniently("Stamfrod", "Stamford"), "one swap in 8 letters");
    assert!(!matches_leniently("Stnfrod", "Stamford"), "three typos in 8 letters");
    assert!(matches_leniently("Athleed Incorporatd", "Athlead Incorporated"), "two typos from 10 letters");
    assert!(!matches_leniently("Athleed Incorportd", "Athlead Incorporated"), "three typos");
    assert!(!matches_leniently("Jom", "Jim"), "no typo under 5 letters");
    assert!(!matches_leniently("", "Jim"));
}
