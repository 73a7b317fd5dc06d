//! The page's languages other than English, as the build ships them (part of the post-build hook):
//! each catalog `locales/<tag>/page.ftl` under a name that changes with its content
//! (`locales/de/page-1f2e3d4c5b6a7980.ftl`, cached for a year like the other hashed files), and
//! beside it the start-up catalog that startup/early.js reads before the wasm runs: the messages
//! of the English catalog's groups that name startup/early.js, in that language, as plain JSON
//! with `{name}` for each variable. index.html's `<html>` names both, per language:
//! `data-language-files` for the app, `data-startup-files` for early.js.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use lol_html::{element, rewrite_str, RewriteStrSettings};
use sha2::{Digest, Sha256};

const ENGLISH: &str = "en";
/// A group comment naming it holds messages that early.js or index.html say (as build.rs reads it).
const STARTUP_MARK: &str = "startup/early.js";

/// One language's two files, as URLs relative to the page.
pub struct Shipped {
    pub tag: String,
    pub catalog: String,
    pub startup: String,
}

/// Writes every language's files into `staging/locales/` and returns their names.
pub fn ship(locales: &Path, staging: &Path) -> anyhow::Result<Vec<Shipped>> {
    let english = read(&locales.join(ENGLISH).join("page.ftl"))?;
    let startup_ids = startup_ids(&english)?;
    let mut tags = Vec::new();
    for entry in
        fs::read_dir(locales).with_context(|| format!("cannot list {}", locales.display()))?
    {
        let entry = entry?;
        let tag = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_dir() && tag != ENGLISH {
            tags.push(tag);
        }
    }
    tags.sort();
    let mut shipped = Vec::new();
    for tag in tags {
        let source = read(&locales.join(&tag).join("page.ftl"))?;
        let startup = startup_catalog(&source, &startup_ids)
            .with_context(|| format!("locales/{tag}/page.ftl"))?;
        let dir = staging.join("locales").join(&tag);
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let catalog = format!("page-{}.ftl", short_hash(source.as_bytes()));
        let startup_name = format!("startup-{}.json", short_hash(startup.as_bytes()));
        fs::write(dir.join(&catalog), &source)?;
        fs::write(dir.join(&startup_name), &startup)?;
        shipped.push(Shipped {
            catalog: format!("locales/{tag}/{catalog}"),
            startup: format!("locales/{tag}/{startup_name}"),
            tag,
        });
    }
    Ok(shipped)
}

/// index.html with `<html>` naming every language's files.
pub fn with_language_files(html: &str, shipped: &[Shipped]) -> anyhow::Result<String> {
    let list = |file: fn(&Shipped) -> &str| {
        shipped
            .iter()
            .map(|language| format!("{}={}", language.tag, file(language)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (catalogs, startups) = (list(|l| &l.catalog), list(|l| &l.startup));
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("html", |html| {
            html.set_attribute("data-language-files", &catalogs)?;
            html.set_attribute("data-startup-files", &startups)?;
            Ok(())
        }));
    Ok(rewrite_str(html, settings)?)
}

fn read(path: &Path) -> anyhow::Result<String> {
    fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The first 16 hex digits of the SHA-256 of `bytes`, as Trunk names its files.
fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The ids of the messages that early.js or index.html say: those of the English catalog's
/// groups that name startup/early.js.
fn startup_ids(english: &str) -> anyhow::Result<Vec<String>> {
    let resource = parse(english)?;
    let mut ids = Vec::new();
    let mut in_group = false;
    for entry in &resource.body {
        match entry {
            Entry::GroupComment(comment) => {
                in_group = comment
                    .content
                    .iter()
                    .any(|line| line.contains(STARTUP_MARK));
            }
            Entry::Message(message) if in_group => ids.push(message.id.name.to_owned()),
            _ => {}
        }
    }
    Ok(ids)
}

/// The start-up catalog of a translation, as JSON: each start-up message with `{name}` for each
/// variable. A message it lacks is left out (early.js keeps English for it); one it cannot flatten
/// (a select, which early.js cannot choose among) fails the build.
fn startup_catalog(source: &str, ids: &[String]) -> anyhow::Result<String> {
    let resource = parse(source)?;
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        if let Entry::Message(message) = entry {
            let id = message.id.name;
            if let (true, Some(pattern)) = (ids.iter().any(|known| known == id), &message.value) {
                messages.insert(id.to_owned(), flattened(id, pattern)?);
            }
        }
    }
    Ok(serde_json::to_string(&messages)?)
}

fn parse(source: &str) -> anyhow::Result<fluent_syntax::ast::Resource<&str>> {
    fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| anyhow::anyhow!("not valid Fluent: {errors:?}"))
}

fn flattened(id: &str, pattern: &Pattern<&str>) -> anyhow::Result<String> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => {
                text.push('{');
                text.push_str(id.name);
                text.push('}');
            }
            PatternElement::Placeable { .. } => {
                bail!("`{id}` is said by startup/early.js, which knows only text and variables")
            }
        }
    }
    // Fluent keeps the line breaks of a value written over several lines; a browser shows them
    // as spaces.
    Ok(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH_CATALOG: &str = "## The page (index.html, startup/early.js)\n\
        page-title = Email server\n\
        start-stalled = Nothing for { $seconds } seconds.\n\
        \n\
        ## The fields\n\
        field-port = Port\n";

    #[test]
    fn the_start_up_catalog_holds_the_start_up_groups_messages_only() -> anyhow::Result<()> {
        let ids = startup_ids(ENGLISH_CATALOG)?;
        assert_eq!(ids, ["page-title", "start-stalled"]);
        let german = "page-title = E-Mail-Server\n\
                      start-stalled = Seit { $seconds } Sekunden nichts.\n\
                      field-port = Port\n";
        assert_eq!(
            startup_catalog(german, &ids)?,
            r#"{"page-title":"E-Mail-Server","start-stalled":"Seit {seconds} Sekunden nichts."}"#
        );
        let select = "page-title = { $n ->\n    [one] a\n   *[other] b\n}\n";
        assert!(startup_catalog(select, &ids).is_err());
        Ok(())
    }

    #[test]
    fn index_html_names_each_languages_files() -> anyhow::Result<()> {
        let shipped = [Shipped {
            tag: "de".to_owned(),
            catalog: "locales/de/page-0123.ftl".to_owned(),
            startup: "locales/de/startup-4567.json".to_owned(),
        }];
        let html = with_language_files("<html lang=\"en\"><body></body></html>", &shipped)?;
        assert!(
            html.contains(r#"data-language-files="de=locales/de/page-0123.ftl""#),
            "{html}"
        );
        assert!(
            html.contains(r#"data-startup-files="de=locales/de/startup-4567.json""#),
            "{html}"
        );
        assert_eq!(short_hash(b"x").len(), 16);
        Ok(())
    }
}
