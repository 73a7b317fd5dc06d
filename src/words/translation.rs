//! The page in a language other than English: a catalog file (`locales/<tag>/page.ftl`, the
//! same messages as English) read by Fluent, and the one the page speaks now. English needs
//! none of this: it is compiled into [`super::catalog`], which asks [`translated`] first.

use std::cell::RefCell;
use std::fmt::Display;
use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::{ArcTrigger, Notify, Track};
use unic_langid::LanguageIdentifier;

use crate::core::language::{CatalogProblem, Language};

/// The largest catalog file the page takes: English's is a small fraction of it, and a file
/// far larger is not a catalog.
pub const MAX_CATALOG_BYTES: usize = 256 * 1024;

/// A catalog of one language, checked and ready to say each message.
pub struct Translation {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

/// A value for a message's variable.
pub enum Arg<'a> {
    Text(&'a dyn Display),
    Number(usize),
}

impl Translation {
    /// The catalog in `source`, once it is known to be one: small enough, read by Fluent without
    /// a complaint, and holding every message English has (`english_ids`), so that the page never
    /// shows a language half.
    pub fn parse(
        language: Language,
        source: String,
        english_ids: &[&str],
    ) -> Result<Self, CatalogProblem> {
        if source.len() > MAX_CATALOG_BYTES {
            return Err(CatalogProblem::TooLarge);
        }
        let resource = FluentResource::try_new(source).map_err(|(_, errors)| {
            CatalogProblem::NotFluent(errors.first().map(ToString::to_string).unwrap_or_default())
        })?;
        let tag: LanguageIdentifier = language
            .tag()
            .parse()
            .map_err(|_| CatalogProblem::NotFluent(String::new()))?;
        let mut bundle = FluentBundle::new(vec![tag]);
        // Isolation marks keep a right-to-left value from reordering the text around it; none
        // of the page's languages is written right to left, and the marks would reach the
        // clipboard with every copied message.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| CatalogProblem::NotFluent(format!("{:?}", errors.first())))?;
        let missing: Vec<String> = english_ids
            .iter()
            .filter(|id| bundle.get_message(id).and_then(|m| m.value()).is_none())
            .take(3)
            .map(|id| (*id).to_owned())
            .collect();
        if !missing.is_empty() {
            return Err(CatalogProblem::Incomplete(missing));
        }
        Ok(Self { language, bundle })
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The message in this language, or `None` when it cannot say it (then English does).
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut values = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(text) => values.set(*name, FluentValue::from(text.to_string())),
                Arg::Number(number) => values.set(*name, FluentValue::from(*number)),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&values), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Translation>>> = const { RefCell::new(None) };
    // Every text the page shows asks for its message inside a reactive closure, so a change of
    // language re-says each of them where it stands, keeping what was typed.
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

/// Speak `translation` from now on; `None` is English.
pub fn speak(translation: Option<Translation>) {
    CURRENT.with(|current| *current.borrow_mut() = translation.map(Rc::new));
    CHANGED.with(ArcTrigger::notify);
}

/// The language the page speaks now.
pub fn current_language() -> Language {
    CURRENT.with(|current| {
        current
            .borrow()
            .as_ref()
            .map_or(Language::English, |t| t.language)
    })
}

/// The message `id` in the language spoken now, unless that is English (or the translation cannot
/// say it): [`super::catalog`]'s functions call this before their English text.
pub fn translated(id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    CHANGED.with(ArcTrigger::track);
    let translation = CURRENT.with(|current| current.borrow().clone())?;
    translation.format(id, args)
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::words::catalog;

    fn catalog_file(language: Language) -> String {
        let path = format!(
            "{}/locales/{}/page.ftl",
            env!("CARGO_MANIFEST_DIR"),
            language.tag()
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn translation(language: Language) -> Translation {
        match Translation::parse(language, catalog_file(language), catalog::IDS) {
            Ok(translation) => translation,
            Err(problem) => panic!("{}: {problem:?}", language.tag()),
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let one = |language, id| translation(language).format(id, &[("count", Arg::Number(1))]);
        let two = |language, id| translation(language).format(id, &[("count", Arg::Number(2))]);
        for language in [Language::German, Language::French, Language::Spanish] {
            let (singular, plural) = (
                one(language, "status-invalid-save"),
                two(language, "status-invalid-save"),
            );
            assert_ne!(singular, plural, "{}", language.tag());
            assert!(
                plural.is_some_and(|p| p.contains('2')),
                "{}",
                language.tag()
            );
        }
        // French counts 0 with 1; Japanese and Chinese have one form, with the number in it.
        let french = translation(Language::French);
        assert_eq!(
            french.format("review-update", &[("count", Arg::Number(0))]),
            french
                .format("review-update", &[("count", Arg::Number(1))])
                .map(|t| t.replace('1', "0"))
        );
        for language in [Language::Japanese, Language::SimplifiedChinese] {
            let said = two(language, "review-update");
            assert!(said.is_some_and(|s| s.contains('2')), "{}", language.tag());
        }
    }

    #[test]
    fn a_broken_an_oversized_and_an_incomplete_catalog_are_refused() {
        let refused = |source: &str| {
            Translation::parse(Language::German, source.to_owned(), &["a", "b"]).err()
        };
        assert!(matches!(
            refused("a = A\nb = {"),
            Some(CatalogProblem::NotFluent(_))
        ));
        assert_eq!(
            refused("a = A\n"),
            Some(CatalogProblem::Incomplete(vec!["b".to_owned()]))
        );
        assert_eq!(
            refused(&"# x\n".repeat(MAX_CATALOG_BYTES)),
            Some(CatalogProblem::TooLarge)
        );
        assert!(refused("a = A\nb = B { $x }\n").is_none());
    }

    #[test]
    fn the_catalog_speaks_the_language_chosen_and_english_again_after() {
        speak(Some(translation(Language::German)));
        assert_eq!(current_language(), Language::German);
        let german = catalog::button_sign_in();
        speak(None);
        assert_eq!(current_language(), Language::English);
        assert_eq!(catalog::button_sign_in(), "Sign in");
        assert_ne!(german, "Sign in");
    }
}
