//! Every translation against the English catalog: the same messages, no more and no fewer, each
//! with the same variables, its variants named by the language's own plural categories, and a
//! file that Fluent reads without an error. English itself is checked by the build (build.rs).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

const ENGLISH: &str = "en";

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Each message's id with the variables it uses and the variant keys of its selects.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shape {
    variables: BTreeSet<String>,
    variant_keys: BTreeSet<String>,
}

fn shapes(source: &str) -> Result<BTreeMap<String, Shape>, String> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| format!("not valid Fluent: {errors:?}"))?;
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name.to_owned();
                let pattern = message
                    .value
                    .ok_or_else(|| format!("`{id}` has no value"))?;
                let mut shape = Shape::default();
                collect(&pattern, &mut shape)?;
                if messages.insert(id.clone(), shape).is_some() {
                    return Err(format!("`{id}` is there twice"));
                }
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
            other => return Err(format!("only messages and comments belong here: {other:?}")),
        }
    }
    Ok(messages)
}

fn collect(pattern: &Pattern<&str>, into: &mut Shape) -> Result<(), String> {
    for element in &pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        match expression {
            Expression::Inline(inline) => into.variables.insert(variable(inline)?),
            Expression::Select { selector, variants } => {
                into.variables.insert(variable(selector)?);
                for variant in variants {
                    into.variant_keys.insert(match variant.key {
                        VariantKey::Identifier { name } => name.to_owned(),
                        VariantKey::NumberLiteral { value } => value.to_owned(),
                    });
                    collect(&variant.value, into)?;
                }
                true
            }
        };
    }
    Ok(())
}

fn variable(inline: &InlineExpression<&str>) -> Result<String, String> {
    match inline {
        InlineExpression::VariableReference { id } => Ok(id.name.to_owned()),
        other => Err(format!("only variables are understood, not {other:?}")),
    }
}

/// The plural categories CLDR gives each language for whole numbers, the only numbers the page
/// counts (a category a language lacks would never be chosen).
fn plural_categories(tag: &str) -> Option<&'static [&'static str]> {
    match tag {
        "en" | "de" | "es" => Some(&["one", "other"]),
        "fr" => Some(&["one", "many", "other"]),
        "ja" | "zh-Hans" => Some(&["other"]),
        _ => None,
    }
}

fn translations() -> anyhow::Result<Vec<String>> {
    let mut tags = Vec::new();
    for entry in std::fs::read_dir(locales())? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            tags.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    tags.retain(|tag| tag != ENGLISH);
    tags.sort();
    Ok(tags)
}

fn catalog(tag: &str) -> anyhow::Result<BTreeMap<String, Shape>> {
    let path = locales().join(tag).join("page.ftl");
    let source = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    shapes(&source).map_err(|problem| anyhow::anyhow!("{}: {problem}", path.display()))
}

/// What is wrong with a translation, measured against English: one line per problem.
fn problems(
    english: &BTreeMap<String, Shape>,
    tag: &str,
    translated: &BTreeMap<String, Shape>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let categories = plural_categories(tag);
    if categories.is_none() {
        problems.push(format!(
            "{tag}: the test knows no plural categories for this language"
        ));
    }
    for (id, shape) in english {
        let Some(theirs) = translated.get(id) else {
            problems.push(format!("{tag}: `{id}` is missing"));
            continue;
        };
        if theirs.variables != shape.variables {
            problems.push(format!(
                "{tag}: `{id}` uses {:?}, English {:?}",
                theirs.variables, shape.variables
            ));
        }
        for key in &theirs.variant_keys {
            let number = key.parse::<f64>().is_ok();
            if !number && !categories.is_some_and(|known| known.contains(&key.as_str())) {
                problems.push(format!(
                    "{tag}: `{id}` has a variant [{key}], which this language has no use for"
                ));
            }
        }
    }
    for id in translated.keys().filter(|id| !english.contains_key(*id)) {
        problems.push(format!("{tag}: `{id}` is not in English"));
    }
    problems
}

#[test]
fn every_translation_has_the_messages_and_variables_english_has() -> anyhow::Result<()> {
    let english = catalog(ENGLISH)?;
    let tags = translations()?;
    assert_eq!(
        tags,
        ["de", "es", "fr", "ja", "zh-Hans"],
        "the languages of locales/"
    );
    let mut all = Vec::new();
    for tag in &tags {
        all.extend(problems(&english, tag, &catalog(tag)?));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
    Ok(())
}

/// Fluent itself, as the page runs it, says every message of every language, each variable
/// filled in (a number, which is said as text where text is wanted and selects a variant where
/// a number is): none fails, none is blank, none shows a placeable.
#[test]
fn fluent_says_every_message_of_every_language() -> anyhow::Result<()> {
    use commandcenter_email::core::language::Language;
    use commandcenter_email::words::catalog::IDS;
    use commandcenter_email::words::translation::{Arg, Translation};

    let english = catalog(ENGLISH)?;
    assert_eq!(english.len(), IDS.len(), "the messages build.rs compiled");
    for language in Language::ALL
        .into_iter()
        .filter(|l| *l != Language::English)
    {
        let tag = language.tag();
        let source = std::fs::read_to_string(locales().join(tag).join("page.ftl"))?;
        let translation = Translation::parse(language, source, IDS)
            .map_err(|problem| anyhow::anyhow!("{tag}: {problem:?}"))?;
        for (id, shape) in &english {
            let args: Vec<(&str, Arg<'_>)> = shape
                .variables
                .iter()
                .map(|name| (name.as_str(), Arg::Number(2)))
                .collect();
            let said = translation
                .format(id, &args)
                .ok_or_else(|| anyhow::anyhow!("{tag}: `{id}` not said"))?;
            assert!(!said.trim().is_empty(), "{tag}: `{id}` is blank");
            assert!(!said.contains('{'), "{tag}: `{id}`: {said}");
        }
    }
    Ok(())
}

#[test]
fn a_missing_an_extra_and_a_misnamed_message_and_variable_are_each_found() -> anyhow::Result<()> {
    let english = shapes(
        "a = A\nb = B { $host }\nc = { $count ->\n    [one] one\n   *[other] { $count }\n}\n",
    )
    .map_err(anyhow::Error::msg)?;
    let translated =
        shapes("b = B { $hots }\nc = { $count ->\n    [few] f\n   *[other] { $count }\n}\nd = D\n")
            .map_err(anyhow::Error::msg)?;
    assert_eq!(
        problems(&english, "de", &translated),
        [
            "de: `a` is missing",
            "de: `b` uses {\"hots\"}, English {\"host\"}",
            "de: `c` has a variant [few], which this language has no use for",
            "de: `d` is not in English",
        ]
    );
    assert!(
        shapes("a = { $x ->\n    [one] y\n}\n").is_err(),
        "a select without a default"
    );
    Ok(())
}
