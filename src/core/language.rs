//! Which language the page speaks: the languages it has, how a language tag (a browser's, an
//! operator's, a portal's) maps onto one of them, and the order in which the sources count.

/// A language the page has. English is built into the page; every other one is a catalog file
/// beside it (`locales/<tag>/page.ftl`), fetched only when it is chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    English,
    German,
    French,
    Spanish,
    Japanese,
    SimplifiedChinese,
}

impl Language {
    /// In the order the language menu lists them.
    pub const ALL: [Language; 6] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Japanese,
        Language::SimplifiedChinese,
    ];

    /// The BCP 47 tag: `<html lang>`, the catalog's folder, what the menu stores.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Japanese => "ja",
            Language::SimplifiedChinese => "zh-Hans",
        }
    }

    /// The language's name in itself, as a language menu shows it, so that someone who cannot
    /// read the page's current language still finds their own.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "Deutsch",
            Language::French => "Français",
            Language::Spanish => "Español",
            Language::Japanese => "日本語",
            Language::SimplifiedChinese => "简体中文",
        }
    }

    /// The page's language for a BCP 47 tag as browsers and people write it (`de-CH`, `fr_FR`,
    /// `zh-Hans-CN`, `ZH-cn`), or `None` when the page does not have it. Chinese written in
    /// Traditional characters (`zh-Hant`, or the regions that write it: Taiwan, Hong Kong,
    /// Macao) is not Simplified Chinese, and is not given it.
    pub fn matching(tag: &str) -> Option<Language> {
        let mut subtags = tag.trim().split(['-', '_']).map(str::to_ascii_lowercase);
        let language = match subtags.next()?.as_str() {
            "en" => Language::English,
            "de" => Language::German,
            "fr" => Language::French,
            "es" => Language::Spanish,
            "ja" => Language::Japanese,
            "zh" => Language::SimplifiedChinese,
            _ => return None,
        };
        if language == Language::SimplifiedChinese {
            let rest: Vec<String> = subtags.collect();
            let traditional = rest
                .iter()
                .any(|subtag| matches!(subtag.as_str(), "hant" | "tw" | "hk" | "mo"));
            let simplified = rest.iter().any(|subtag| subtag == "hans");
            if traditional && !simplified {
                return None;
            }
        }
        Some(language)
    }
}

/// Where a language may come from, each as it was found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LanguageSources<'a> {
    /// The administrator's own choice from the language menu, as it was stored.
    pub chosen: Option<&'a str>,
    /// `config.json`'s `language` (already checked: [`Language::matching`] took it).
    pub configured: Option<Language>,
    /// The `language` of the portal's session message.
    pub portal: Option<&'a str>,
    /// `navigator.languages`, the browser's order of preference.
    pub browser: &'a [String],
}

/// The page's language: the administrator's choice (unless `config.json` says that the language
/// may not be changed), otherwise `config.json`'s, otherwise the portal's, otherwise the first of
/// the browser's languages the page has, otherwise English.
pub fn choose(sources: &LanguageSources<'_>, allow_change: bool) -> Language {
    let chosen = sources.chosen.filter(|_| allow_change);
    chosen
        .and_then(Language::matching)
        .or(sources.configured)
        .or_else(|| sources.portal.and_then(Language::matching))
        .or_else(|| {
            sources
                .browser
                .iter()
                .find_map(|tag| Language::matching(tag))
        })
        .unwrap_or_default()
}

/// Where a language's catalog is, from index.html's `data-language-files` (`de=locales/de/page-1f2e.ftl
/// fr=…`, written by the build, which gives each file a name that changes with its content), or
/// the unhashed path when the attribute does not name it.
pub fn catalog_url(language_files: Option<&str>, language: Language) -> String {
    language_files
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .find(|(tag, _)| *tag == language.tag())
        .map_or_else(
            || format!("locales/{}/page.ftl", language.tag()),
            |(_, url)| url.to_owned(),
        )
}

/// Why a catalog file is not used; the page then stays in English and says so in one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogProblem {
    /// The file is not there, or the server refused it.
    NotLoaded {
        status: Option<u16>,
    },
    TooLarge,
    /// Fluent could not read it: the first of its complaints.
    NotFluent(String),
    /// It lacks messages that English has (the first few, by id).
    Incomplete(Vec<String>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_as_browsers_and_people_write_them_find_the_language() {
        for (tag, language) in [
            ("en", Language::English),
            ("en-GB", Language::English),
            ("de", Language::German),
            ("de-CH", Language::German),
            ("DE-at", Language::German),
            ("fr_FR", Language::French),
            ("fr-CA", Language::French),
            ("es-419", Language::Spanish),
            ("ja-JP", Language::Japanese),
            ("zh", Language::SimplifiedChinese),
            ("zh-CN", Language::SimplifiedChinese),
            ("zh-SG", Language::SimplifiedChinese),
            ("zh-Hans", Language::SimplifiedChinese),
            ("zh-Hans-HK", Language::SimplifiedChinese),
            (" zh-hans-cn ", Language::SimplifiedChinese),
        ] {
            assert_eq!(Language::matching(tag), Some(language), "{tag}");
        }
    }

    #[test]
    fn languages_the_page_lacks_and_traditional_chinese_find_none() {
        for tag in [
            "",
            "pt-BR",
            "nl",
            "zh-TW",
            "zh-HK",
            "zh-MO",
            "zh-Hant",
            "zh-Hant-CN",
            "d",
        ] {
            assert_eq!(Language::matching(tag), None, "{tag:?}");
        }
    }

    #[test]
    fn every_language_finds_itself_by_its_own_tag() {
        for language in Language::ALL {
            assert_eq!(Language::matching(language.tag()), Some(language));
        }
    }

    fn browser(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|tag| (*tag).to_owned()).collect()
    }

    #[test]
    fn the_sources_count_in_their_order() {
        let languages = browser(&["pt-BR", "es-ES", "de"]);
        let all = LanguageSources {
            chosen: Some("ja"),
            configured: Some(Language::French),
            portal: Some("de-DE"),
            browser: &languages,
        };
        assert_eq!(choose(&all, true), Language::Japanese);
        let configured = LanguageSources {
            chosen: None,
            ..all.clone()
        };
        assert_eq!(choose(&configured, true), Language::French);
        let portal = LanguageSources {
            configured: None,
            ..configured.clone()
        };
        assert_eq!(choose(&portal, true), Language::German);
        let from_browser = LanguageSources {
            portal: None,
            ..portal.clone()
        };
        assert_eq!(choose(&from_browser, true), Language::Spanish);
        assert_eq!(choose(&LanguageSources::default(), true), Language::English);
    }

    #[test]
    fn a_stored_choice_counts_only_while_the_language_may_be_changed() {
        let languages = browser(&["es"]);
        let sources = LanguageSources {
            chosen: Some("ja"),
            configured: None,
            portal: None,
            browser: &languages,
        };
        assert_eq!(choose(&sources, false), Language::Spanish);
        let configured = LanguageSources {
            configured: Some(Language::German),
            ..sources
        };
        assert_eq!(choose(&configured, false), Language::German);
    }

    #[test]
    fn a_catalog_is_found_under_the_name_the_build_gave_it() {
        let files = Some("de=locales/de/page-1f2e.ftl  zh-Hans=locales/zh-Hans/page-9a.ftl");
        assert_eq!(
            catalog_url(files, Language::German),
            "locales/de/page-1f2e.ftl"
        );
        assert_eq!(
            catalog_url(files, Language::SimplifiedChinese),
            "locales/zh-Hans/page-9a.ftl"
        );
        assert_eq!(catalog_url(files, Language::French), "locales/fr/page.ftl");
        assert_eq!(catalog_url(None, Language::Japanese), "locales/ja/page.ftl");
    }

    #[test]
    fn a_source_the_page_cannot_use_gives_way_to_the_next() {
        let languages = browser(&["zh-TW", "nl", "fr-BE"]);
        let sources = LanguageSources {
            chosen: Some("klingon"),
            configured: None,
            portal: Some("pt"),
            browser: &languages,
        };
        assert_eq!(choose(&sources, true), Language::French);
    }
}
