//! Ratings as written, read or refused with the reason, in each language.

use super::*;

#[test]
fn values_and_expressions_are_well_formed() {
    for good in [
        "4",
        "4.5",
        " 4.5 ",
        "gt 3",
        "gte 4",
        "lt 2",
        "lte 5",
        "gte4",
        "gt 3 && lte 5",
        "gt 3&&lte 5",
        "lt 2 || gt 4",
        "gte 4 && lte 5 || 3",
        "0",
    ] {
        assert!(
            parse_rating(good).is_ok(),
            "{good}: {:?}",
            parse_rating(good)
        );
    }
}

#[test]
fn malformed_ratings_say_where_and_why() {
    let cases = [
        ("", "blank"),
        ("   ", "blank"),
        ("gt", "needs a number after “gt” at character 1"),
        ("gte && 4", "needs a number after “gte”"),
        ("4 5", "between two numbers at character 3"),
        ("4 gt 3", "needs && or || before “gt” at character 3"),
        ("gt gte 3", "one operator per number"),
        ("&& 4", "needs a comparison before && at character 1"),
        ("4 &&", "ends with && or ||"),
        ("4 & 5", "single “&” at character 3"),
        ("4 | 5", "single “|”"),
        ("eq 4", "“eq” at character 1"),
        ("GT 4", "“GT”"),
        ("> 4", "“>” at character 1"),
        ("-1", "“-”"),
        ("4.", "ending in “.”"),
        ("(gt 3)", "“(”"),
        ("4 && || 5", "needs a comparison before ||"),
    ];
    for (raw, expected) in cases {
        let error = parse_rating(raw).expect_err(raw).to_string();
        assert!(error.contains(expected), "{raw}: {error}");
    }
    assert!(parse_rating(&"4 || ".repeat(30))
        .unwrap_err()
        .to_string()
        .contains("100"));
}

#[test]
fn the_english_refusals_are_unchanged() {
    let said = |raw: &str| parse_rating(raw).unwrap_err().to_string();
    let cases = [
        (
            "",
            "must not be blank: give a value (4.5) or an expression (gte 4)",
        ),
        ("4 gt 3", "needs && or || before “gt” at character 3"),
        (
            "gt gte 3",
            "has “gte” right after “gt” at character 4: one operator per number",
        ),
        ("4 5", "needs && or || between two numbers at character 3"),
        (
            "gte && 4",
            "needs a number after “gte”, not && at character 5",
        ),
        ("|| 4", "needs a comparison before || at character 1"),
        ("4 && gt", "needs a number after “gt” at character 6"),
        ("4 ||", "ends with && or ||: a comparison must follow"),
        ("4 & 5", "has a single “&” at character 3: write &&"),
        (
            "4.",
            "has a number ending in “.” at character 1: write 4 or 4.5",
        ),
        (
            "eq 4",
            "has “eq” at character 1: the operators are gt, gte, lt and lte",
        ),
        (
            "> 4",
            "has “>” at character 1: a rating is a number, gt, gte, lt, lte, && and ||",
        ),
    ];
    for (raw, expected) in cases {
        assert_eq!(said(raw), expected, "{raw}");
    }
    assert_eq!(said(&"4 || ".repeat(30)), "must be at most 100 characters");
}

#[test]
fn refusals_and_expressions_read_in_french_and_spanish() {
    let problem = parse_rating("4 & 5").unwrap_err();
    assert_eq!(
        problem.say(Lang::Fr),
        "contient un « & » isolé au caractère 3 : écrivez &&"
    );
    assert_eq!(
        problem.say(Lang::Es),
        "tiene un «&» suelto en el carácter 3: escribe &&"
    );
    let problem = parse_rating("gte && 4").unwrap_err();
    assert!(problem.say(Lang::Fr).contains("après « gte »"), "{problem}");
    assert!(
        problem.say(Lang::Es).contains("después de «gte»"),
        "{problem}"
    );
    assert!(parse_rating("")
        .unwrap_err()
        .say(Lang::Es)
        .starts_with("no puede estar vacía"));
    let rating = parse_rating("gte 4 && lte 5 || 2").unwrap();
    assert_eq!(rating.say(Lang::Fr), "≥ 4 et ≤ 5, ou 2");
    assert_eq!(rating.say(Lang::Es), "≥ 4 y ≤ 5, o 2");
}

#[test]
fn the_expression_means_what_it_says() {
    let rating = parse_rating("gte 4 && lte 5 || 2").unwrap();
    assert_eq!(rating.any_of.len(), 2, "&& binds tighter than ||");
    assert!(rating.holds_for(4.5));
    assert!(rating.holds_for(2.0));
    assert!(!rating.holds_for(3.0));
    assert!(!rating.holds_for(5.5));
    assert_eq!(rating.to_string(), "≥ 4 and ≤ 5, or 2");
    assert_eq!(rating.as_value(), None);
    assert_eq!(parse_rating("4.8").unwrap().as_value(), Some("4.8"));
    assert!(parse_rating("gt 3").unwrap().holds_for(3.5));
    assert!(!parse_rating("lt 3").unwrap().holds_for(3.0));
}
