//! What a browser downloads for the page, how big it is compressed, and its size budget.
//!
//! The page is one download before anyone can use it, often over a VPN to a backup server, so its
//! size is checked on every `cargo xtask test`. Compressed sizes are what counts: every web server
//! in front of Command Center compresses, and the files written here let it send them brotli- or
//! gzip-compressed at the highest level without compressing on each request.
//!
//! The budget lives in size-budget.toml at the workspace root and nowhere else: a regression
//! guard (what the build measures, plus at most a kilobyte) under the product's ceiling.

use std::{
    fmt::Write as _,
    fs,
    io::Write as _,
    path::{Path, PathBuf},
    thread,
};

use anyhow::{bail, ensure, Context};
use xshell::Shell;

use crate::pins::Pins;

pub const BUDGET_FILE: &str = "size-budget.toml";

/// gzip -9: what `gzip --best` and nginx's `gzip_comp_level 9` produce (give or take a few bytes:
/// miniz_oxide is not zlib).
const GZIP_LEVEL: u32 = 9;
/// brotli -q 11, the highest quality: too slow to compress on each request, which is why the
/// siblings are written once here.
const BROTLI_QUALITY: u32 = 11;
/// A 4 MiB window holds each of our files whole, so it finds every repeat (the brotli CLI picks
/// the smallest window that covers the file, which compresses the same).
const BROTLI_LGWIN: u32 = 22;

/// `cargo xtask size`, and `cargo xtask test`'s step after the release build: write the
/// precompressed siblings of the release bundle in dist/, print the sizes, and fail when the
/// page is over its budget.
pub fn run(sh: &Shell) -> anyhow::Result<()> {
    let (budget, assets) = measure(sh)?;
    budget.check(&assets)
}

fn measure(sh: &Shell) -> anyhow::Result<(Budget, Vec<Asset>)> {
    let root = sh.current_dir();
    let budget = Budget::load(&root)?;
    let dist = root.join(Pins::load(&root)?.dist);
    let assets = precompress_and_measure(&dist)?;
    print!("{}", table(&assets));
    println!("\n{}", budget.verdict(&assets));
    Ok((budget, assets))
}

/// The size limits of the page, from size-budget.toml.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The regression guard: the most that html + js + wasm + css may add up to, each
    /// brotli-compressed (quality 11). It holds the measured figure plus at most `SLACK`.
    pub brotli_total_bytes: u64,
    /// What the whole product may ever weigh; the guard never goes past it.
    pub ceiling_brotli_total_bytes: u64,
}

/// How far the guard may stand above what the build measures: a change that makes the page
/// smaller lowers the guard with it, so that the bytes saved cannot be spent unnoticed.
pub const SLACK: u64 = 1024;

impl Budget {
    pub fn load(root: &Path) -> anyhow::Result<Budget> {
        let path = root.join(BUDGET_FILE);
        let text =
            fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        Budget::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    pub fn parse(text: &str) -> anyhow::Result<Budget> {
        let budget: Budget = toml::from_str(text)?;
        ensure!(
            budget.brotli_total_bytes > 0,
            "brotli_total_bytes must be a positive number of bytes"
        );
        ensure!(
            budget.brotli_total_bytes <= budget.ceiling_brotli_total_bytes,
            "brotli_total_bytes ({}) is over the product's ceiling, ceiling_brotli_total_bytes \
             ({})",
            budget.brotli_total_bytes,
            budget.ceiling_brotli_total_bytes
        );
        Ok(budget)
    }

    /// The brotli-compressed bytes that count toward the budget.
    pub fn counted(assets: &[Asset]) -> u64 {
        assets
            .iter()
            .filter(|asset| asset.kind.counts_toward_budget())
            .map(|asset| asset.brotli)
            .sum()
    }

    /// One line saying how the page stands against the guard and the ceiling.
    pub fn verdict(&self, assets: &[Asset]) -> String {
        let total = Budget::counted(assets);
        let guard = self.brotli_total_bytes;
        let head = format!(
            "size: html+js+wasm+css brotli total {}; guard {}, ceiling {} ({BUDGET_FILE})",
            bytes_and_kib(total),
            bytes_and_kib(guard),
            bytes_and_kib(self.ceiling_brotli_total_bytes)
        );
        if total > guard {
            format!("{head}: OVER the guard by {}", bytes_and_kib(total - guard))
        } else if guard - total > SLACK {
            format!(
                "{head}: the guard is {} above the build, more than {SLACK} B",
                bytes_and_kib(guard - total)
            )
        } else {
            format!(
                "{head}: within the guard, {} to spare",
                bytes_and_kib(guard - total)
            )
        }
    }

    pub fn check(&self, assets: &[Asset]) -> anyhow::Result<()> {
        let total = Budget::counted(assets);
        let guard = self.brotli_total_bytes;
        ensure!(
            total <= guard,
            "the page grew by {} past its guard: html+js+wasm+css add up to {} brotli-compressed, \
             brotli_total_bytes in {BUDGET_FILE} is {}. If the bytes buy a feature, raise the \
             guard by what it costs in a commit of its own that says so (never past the ceiling, \
             {}); otherwise make the bundle smaller.",
            bytes_and_kib(total - guard),
            bytes_and_kib(total),
            bytes_and_kib(guard),
            bytes_and_kib(self.ceiling_brotli_total_bytes)
        );
        ensure!(
            guard - total <= SLACK,
            "the page is {} smaller than its guard: lower brotli_total_bytes in {BUDGET_FILE} to \
             {total} (or up to {SLACK} B above it), so that the bytes saved are not spent \
             unnoticed",
            bytes_and_kib(guard - total)
        );
        Ok(())
    }
}

/// What a file of dist/ is to the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Html,
    Js,
    Wasm,
    Css,
    /// config.json, fetched by the page at start-up.
    Config,
    /// embed.html, the entry page for portals: index.html with the sign-in form hidden. A browser
    /// loads one entry page or the other, so only index.html counts.
    PortalEntry,
    Favicon,
    /// A language's catalog or start-up catalog (locales/): only the chosen one travels, after
    /// the page has started, so none counts; each is listed.
    Language,
    /// Anything else Trunk copied; measured, but not counted.
    Other,
}

impl Kind {
    /// `relative` is the path inside dist/.
    pub fn of(relative: &Path) -> Kind {
        let name = relative
            .file_name()
            .map(|name| name.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let extension = name
            .rsplit_once('.')
            .map(|(_, ext)| ext)
            .unwrap_or_default();
        match extension {
            _ if name.starts_with("favicon") || extension == "ico" => Kind::Favicon,
            _ if name == "embed.html" => Kind::PortalEntry,
            _ if relative.starts_with("locales") => Kind::Language,
            "html" => Kind::Html,
            // wasm-bindgen's glue, and its snippets/ should the app ever get any.
            "js" | "mjs" => Kind::Js,
            "wasm" => Kind::Wasm,
            "css" => Kind::Css,
            _ if name == "config.json" => Kind::Config,
            _ => Kind::Other,
        }
    }

    pub fn counts_toward_budget(self) -> bool {
        matches!(self, Kind::Html | Kind::Js | Kind::Wasm | Kind::Css)
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Html => "html",
            Kind::Js => "js",
            Kind::Wasm => "wasm",
            Kind::Css => "css",
            Kind::Config => "config",
            Kind::PortalEntry => "embed",
            Kind::Favicon => "favicon",
            Kind::Language => "language",
            Kind::Other => "other",
        }
    }
}

/// Whether a file gets .br and .gz siblings.
fn precompresses(kind: Kind, relative: &Path) -> bool {
    match kind {
        Kind::Html | Kind::PortalEntry | Kind::Js | Kind::Wasm | Kind::Css | Kind::Language => true,
        // An SVG icon is text; .ico and .png are compressed already or too small to matter.
        Kind::Favicon => relative.extension().is_some_and(|ext| ext == "svg"),
        // Operators edit config.json after deployment; a server with gzip_static/precompressed
        // on would go on serving the stale config.json.gz or .br instead of their edit.
        Kind::Config | Kind::Other => false,
    }
}

/// One file of dist/ and its sizes in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    /// The path inside dist/, with '/' separators.
    pub name: String,
    pub kind: Kind,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// Whether `name.br` and `name.gz` were written next to it.
    pub precompressed: bool,
}

#[cfg(test)]
impl Asset {
    /// A made-up file of `kind` that compresses to `brotli` bytes, for tests of the tables.
    pub fn sample(kind: Kind, brotli: u64) -> Asset {
        Asset {
            name: format!("{kind:?}"),
            kind,
            raw: brotli * 3,
            gzip: brotli + 1,
            brotli,
            precompressed: true,
        }
    }
}

/// Measures every file of `dist` raw, gzip -9 and brotli 11, and writes the `.br` and `.gz`
/// siblings of the text and wasm files (for nginx's gzip_static/brotli_static or Caddy's
/// `file_server { precompressed }`). Siblings left from an earlier run are removed first, so no
/// server can find one that no longer matches its file. A sibling that would be no smaller than
/// its file is not written: a server would send it anyway.
pub fn precompress_and_measure(dist: &Path) -> anyhow::Result<Vec<Asset>> {
    ensure!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build the page first (trunk build --release)",
        dist.display()
    );
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dist) {
        let entry = entry.with_context(|| format!("cannot list {}", dist.display()))?;
        if entry.file_type().is_file() {
            if let Ok(relative) = entry.path().strip_prefix(dist) {
                files.push(relative.to_path_buf());
            }
        }
    }
    let (siblings, files): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_iter().partition(|path| is_sibling(path));
    for sibling in siblings {
        let path = dist.join(&sibling);
        fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
    }

    // brotli at quality 11 takes seconds for the wasm; the other files compress meanwhile.
    let mut assets = thread::scope(|scope| {
        let jobs: Vec<_> = files
            .iter()
            .map(|relative| scope.spawn(|| measure_one(dist, relative)))
            .collect();
        jobs.into_iter()
            .map(|job| match job.join() {
                Ok(result) => result,
                Err(_) => bail!("compressing a file of {} panicked", dist.display()),
            })
            .collect::<anyhow::Result<Vec<Asset>>>()
    })?;
    assets.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    Ok(assets)
}

fn measure_one(dist: &Path, relative: &Path) -> anyhow::Result<Asset> {
    let path = dist.join(relative);
    let raw = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let gzip = gzip(&raw)?;
    let brotli = brotli(&raw)?;
    let kind = Kind::of(relative);
    let precompressed = precompresses(kind, relative);
    if precompressed {
        for (compressed, extension) in [(&brotli, "br"), (&gzip, "gz")] {
            if compressed.len() < raw.len() {
                let sibling = with_suffix(&path, extension);
                fs::write(&sibling, compressed)
                    .with_context(|| format!("cannot write {}", sibling.display()))?;
            }
        }
    }
    Ok(Asset {
        name: relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        kind,
        raw: len(&raw),
        gzip: len(&gzip),
        brotli: len(&brotli),
        precompressed: precompressed && brotli.len() < raw.len(),
    })
}

/// Trunk writes no .br or .gz of its own, so each one in dist/ is a sibling from this module.
fn is_sibling(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == "br" || extension == "gz")
}

fn with_suffix(path: &Path, extension: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

pub fn gzip(data: &[u8]) -> anyhow::Result<Vec<u8>> {
    // flate2 writes mtime 0 and no file name into the header: the same input gives the same .gz.
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(GZIP_LEVEL));
    encoder.write_all(data)?;
    Ok(encoder.finish()?)
}

pub fn brotli(data: &[u8]) -> anyhow::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: BROTLI_LGWIN as i32,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)?;
    Ok(out)
}

fn len(bytes: &[u8]) -> u64 {
    u64::try_from(bytes.len()).unwrap_or(u64::MAX)
}

/// The sizes as a Markdown table: readable in a terminal and in report.md alike.
pub fn table(assets: &[Asset]) -> String {
    let counted: Vec<&Asset> = assets
        .iter()
        .filter(|asset| asset.kind.counts_toward_budget())
        .collect();
    let sum = |list: &[&Asset], size: fn(&Asset) -> u64| list.iter().map(|a| size(a)).sum::<u64>();
    let all: Vec<&Asset> = assets.iter().collect();

    let mut rows: Vec<[String; 6]> = assets
        .iter()
        .map(|asset| {
            [
                asset.name.clone(),
                asset.kind.label().to_owned(),
                grouped(asset.raw),
                grouped(asset.gzip),
                grouped(asset.brotli),
                if asset.precompressed { ".br .gz" } else { "-" }.to_owned(),
            ]
        })
        .collect();
    for (label, list) in [
        ("total html+js+wasm+css", &counted),
        ("total, all files", &all),
    ] {
        rows.push([
            label.to_owned(),
            String::new(),
            grouped(sum(list, |a| a.raw)),
            grouped(sum(list, |a| a.gzip)),
            grouped(sum(list, |a| a.brotli)),
            String::new(),
        ]);
    }

    let header = [
        "file (dist/)",
        "kind",
        "raw B",
        "gzip -9 B",
        "brotli 11 B",
        "siblings",
    ];
    let numeric = [false, false, true, true, true, false];
    let mut widths = header.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut line = String::from("|");
        for ((cell, width), right) in cells.iter().zip(widths).zip(numeric) {
            let pad = " ".repeat(width - cell.chars().count());
            if right {
                let _ = write!(line, " {pad}{cell} |");
            } else {
                let _ = write!(line, " {cell}{pad} |");
            }
        }
        line.push('\n');
        line
    };
    let mut out = line(&header.map(str::to_owned));
    out.push('|');
    for (width, right) in widths.iter().zip(numeric) {
        let dashes = "-".repeat(width + 1);
        out.push_str(&if right {
            format!("{dashes}:|")
        } else {
            format!("{dashes}-|")
        });
    }
    out.push('\n');
    for row in &rows {
        out.push_str(&line(row));
    }
    out
}

/// 436970 -> "436 970": digits in groups of three, easy to compare down a column.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    // The first group takes what is left over, so that the others have three digits each.
    let first = match digits.len() % 3 {
        0 => 3.min(digits.len()),
        rest => rest,
    };
    let mut out = digits[..first].to_owned();
    for group in digits.as_bytes()[first..].chunks(3) {
        out.push(' ');
        out.push_str(&String::from_utf8_lossy(group));
    }
    out
}

fn bytes_and_kib(n: u64) -> String {
    format!("{} B ({:.1} KiB)", grouped(n), n as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;
    use crate::project_root;

    #[test]
    fn the_budget_file_is_valid() -> anyhow::Result<()> {
        Budget::load(&project_root()?)?;
        Ok(())
    }

    #[test]
    fn parses_budgets() -> anyhow::Result<()> {
        let text = "# what counts\nbrotli_total_bytes = 102_400  # 100 KiB\n\
                    ceiling_brotli_total_bytes = 180_000\n";
        assert_eq!(
            Budget::parse(text)?,
            Budget {
                brotli_total_bytes: 102_400,
                ceiling_brotli_total_bytes: 180_000,
            }
        );
        let ceiling = "\nceiling_brotli_total_bytes = 180_000";
        for bad in [
            String::new(),
            "brotli_total_bytes = 100".to_owned(),
            format!("brotli_total_bytes = \"100 KiB\"{ceiling}"),
            format!("brotli_total_bytes = 0{ceiling}"),
            format!("brotli_total_bytes = -5{ceiling}"),
            format!("brotli_total_byte = 100{ceiling}"),
            format!("brotli_total_bytes = 1\nbrotli_total_bytes = 2{ceiling}"),
            format!("[budget]\nbrotli_total_bytes = 1{ceiling}"),
            // The guard never stands above the ceiling.
            format!("brotli_total_bytes = 180_001{ceiling}"),
        ] {
            assert!(Budget::parse(&bad).is_err(), "accepted {bad:?}");
        }
        Ok(())
    }

    #[test]
    fn sorts_files_into_kinds() {
        for (name, kind) in [
            ("index.html", Kind::Html),
            ("commandcenter-email-bae6d1f40e5499cb.js", Kind::Js),
            ("snippets/leptos-0123/inline0.js", Kind::Js),
            ("commandcenter-email-bae6d1f40e5499cb_bg.wasm", Kind::Wasm),
            ("main-f114764911652b71.css", Kind::Css),
            ("config.json", Kind::Config),
            ("favicon-7cdd9cd7361169af.svg", Kind::Favicon),
            ("favicon.ico", Kind::Favicon),
            ("robots.txt", Kind::Other),
            ("locales/de/page-0123456789abcdef.ftl", Kind::Language),
            ("locales/de/startup-0123456789abcdef.json", Kind::Language),
        ] {
            assert_eq!(Kind::of(Path::new(name)), kind, "{name}");
        }
    }

    fn asset(kind: Kind, brotli: u64) -> Asset {
        Asset::sample(kind, brotli)
    }

    #[test]
    fn only_the_page_code_counts_toward_the_budget() -> anyhow::Result<()> {
        let assets = [
            asset(Kind::Html, 1_000),
            asset(Kind::Js, 10_000),
            asset(Kind::Wasm, 80_000),
            asset(Kind::Css, 2_000),
            asset(Kind::Config, 50_000),
            asset(Kind::Favicon, 50_000),
        ];
        assert_eq!(Budget::counted(&assets), 93_000);
        let guard = |bytes| Budget {
            brotli_total_bytes: bytes,
            ceiling_brotli_total_bytes: 180_000,
        };
        guard(93_000).check(&assets)?;
        guard(93_000 + SLACK).check(&assets)?;

        let grown = guard(92_000)
            .check(&assets)
            .err()
            .context("a page over its guard passed")?
            .to_string();
        assert!(grown.contains("grew by 1 000 B (1.0 KiB)"), "{grown}");
        assert!(guard(92_000)
            .verdict(&assets)
            .contains("OVER the guard by 1 000 B"));

        let slack = guard(93_000 + SLACK + 1)
            .check(&assets)
            .err()
            .context("a guard far above the page passed")?
            .to_string();
        assert!(slack.contains("lower brotli_total_bytes"), "{slack}");
        assert!(slack.contains("to 93000"), "{slack}");
        Ok(())
    }

    #[test]
    fn groups_digits() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1 000");
        assert_eq!(grouped(436_970), "436 970");
        assert_eq!(grouped(1_234_567), "1 234 567");
    }

    #[test]
    fn table_has_aligned_rows_and_totals() {
        let table = table(&[asset(Kind::Html, 1_000), asset(Kind::Config, 10)]);
        let lines: Vec<&str> = table.lines().collect();
        // Header, rule, two files, two totals.
        assert_eq!(lines.len(), 6, "{table}");
        assert!(lines.iter().all(|l| l.len() == lines[0].len()), "{table}");
        assert!(lines[4].starts_with("| total html+js+wasm+css"), "{table}");
        assert!(lines[5].contains("1 010"), "{table}");
    }

    /// A scratch dist/ under the target directory, removed when dropped.
    struct ScratchDist(PathBuf);

    impl Drop for ScratchDist {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn writes_siblings_that_decompress_to_the_file() -> anyhow::Result<()> {
        let dir = std::env::temp_dir().join(format!("xtask-sizes-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let scratch = ScratchDist(dir.clone());
        fs::create_dir_all(dir.join("snippets"))?;
        let html = "<!DOCTYPE html><p>hello</p>".repeat(50);
        fs::write(dir.join("index.html"), &html)?;
        fs::write(
            dir.join("snippets/x.js"),
            "export const x = 1;\n".repeat(50),
        )?;
        fs::write(
            dir.join("config.json"),
            "{\"apiBaseUrl\": \"/commandcenter/api\"}",
        )?;
        // Left from an earlier build: must go.
        fs::write(dir.join("old-1234.wasm.br"), "stale")?;

        let assets = precompress_and_measure(&dir)?;
        let names: Vec<&str> = assets.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["index.html", "snippets/x.js", "config.json"]);
        assert!(!dir.join("old-1234.wasm.br").exists());
        assert!(!dir.join("config.json.br").exists() && !dir.join("config.json.gz").exists());

        let mut from_gzip = String::new();
        flate2::read::GzDecoder::new(fs::File::open(dir.join("index.html.gz"))?)
            .read_to_string(&mut from_gzip)?;
        assert_eq!(from_gzip, html);
        let mut from_brotli = String::new();
        brotli::Decompressor::new(fs::File::open(dir.join("index.html.br"))?, 4096)
            .read_to_string(&mut from_brotli)?;
        assert_eq!(from_brotli, html);
        assert_eq!(
            assets[0].brotli,
            fs::metadata(dir.join("index.html.br"))?.len()
        );
        assert!(assets[0].precompressed && !assets[2].precompressed);
        drop(scratch);
        Ok(())
    }
}
