//! The page against two builds of the same form (`../shared/perf-reference`: React 18 + Vite, and
//! plain HTML + JS), in one run: the same browser, the same server and serving rules, loads taken
//! in turn, over three links. What a person feels is how soon they can type, and how soon their
//! action goes through; both are measured inside each page by bench/probe.js.

use std::{collections::BTreeMap, fmt::Write as _, time::Duration};

use anyhow::Context;
use headless_chromium::{ChromeDriver, Console, Session};
use serde_json::json;

use super::{cold_load, summarize, Link, Load, Summary, SLOW_LINK};

/// A modest laptop on that VPN: DevTools runs the page's main thread four times slower.
const SLOW_CPU_RATE: u32 = 4;
/// How long a repeat visit may take.
const REPEAT_LIMIT: Duration = Duration::from_secs(60);

/// How the page reaches the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Profile {
    Loopback,
    SlowVpn,
    SlowVpnSlowCpu,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::Loopback, Profile::SlowVpn, Profile::SlowVpnSlowCpu];

    fn title(self) -> String {
        match self {
            Profile::Loopback => "loopback, no throttling".to_owned(),
            Profile::SlowVpn => format!("slow VPN ({})", SLOW_LINK.describe()),
            Profile::SlowVpnSlowCpu => format!(
                "slow VPN and a {SLOW_CPU_RATE}x slower CPU ({})",
                SLOW_LINK.describe()
            ),
        }
    }

    fn link(self) -> Option<Link> {
        match self {
            Profile::Loopback => None,
            Profile::SlowVpn | Profile::SlowVpnSlowCpu => Some(SLOW_LINK),
        }
    }

    async fn apply(self, session: &Session) -> anyhow::Result<()> {
        if let Some(link) = self.link() {
            session.cdp("Network.enable", json!({})).await?;
            session
                .cdp("Network.emulateNetworkConditions", link.emulation())
                .await?;
        }
        if self == Profile::SlowVpnSlowCpu {
            session
                .cdp(
                    "Emulation.setCPUThrottlingRate",
                    json!({ "rate": SLOW_CPU_RATE }),
                )
                .await?;
        }
        Ok(())
    }
}

/// One of the three pages, served on a loopback origin of its own.
pub struct Contender {
    pub name: &'static str,
    pub url: String,
}

/// Which of the contenders are the yardsticks.
pub const OURS: usize = 0;
pub const REACT: usize = 1;
pub const PLAIN: usize = 2;

/// A cold load in a fresh browser, then the same page again from its cache.
pub struct Visit {
    pub cold: Load,
    pub repeat: Load,
}

/// Every visit, by link and contender.
#[derive(Default)]
pub struct Results(pub BTreeMap<(Profile, usize), Vec<Visit>>);

/// `loads` visits of each contender on loopback and `slow_loads` on each slow profile, taken in
/// turn (a round of every contender on every profile, then the next round), so that the machine's
/// ups and downs fall on all of them alike.
pub async fn run(
    driver: &ChromeDriver,
    contenders: &[Contender],
    loads: usize,
    slow_loads: usize,
) -> anyhow::Result<Results> {
    let mut results = Results::default();
    for round in 0..loads.max(slow_loads) {
        for profile in Profile::ALL {
            let count = if profile == Profile::Loopback {
                loads
            } else {
                slow_loads
            };
            if round >= count {
                continue;
            }
            for (index, contender) in contenders.iter().enumerate() {
                let visit = visit(driver, &contender.url, profile)
                    .await
                    .with_context(|| {
                        format!("visit {} of {} ({:?})", round + 1, contender.name, profile)
                    })?;
                println!(
                    "{:>2}/{count} {:<20} {:<16} first input {:7.1} ms, first action {:7.1} ms, \
                     repeat {:7.1} ms",
                    round + 1,
                    contender.name,
                    format!("{profile:?}"),
                    visit.cold.first_input,
                    visit.cold.first_action,
                    visit.repeat.first_action
                );
                results.0.entry((profile, index)).or_default().push(visit);
            }
        }
    }
    Ok(results)
}

async fn visit(driver: &ChromeDriver, url: &str, profile: Profile) -> anyhow::Result<Visit> {
    let session = driver.session(Console::Ignored).await?;
    profile.apply(&session).await?;
    let (cold, _) = cold_load(&session, url).await?;
    // The same browser again: its HTTP cache and compiled code are warm.
    let repeat = tokio::time::timeout(REPEAT_LIMIT, cold_load(&session, url))
        .await
        .context("the repeat visit did not finish")??
        .0;
    session.close().await?;
    Ok(Visit { cold, repeat })
}

impl Results {
    fn summary(
        &self,
        profile: Profile,
        contender: usize,
        moment: impl Fn(&Visit) -> Option<f64>,
    ) -> Option<Summary> {
        let visits = self.0.get(&(profile, contender))?;
        summarize(visits.iter().filter_map(moment))
    }

    fn median(
        &self,
        profile: Profile,
        contender: usize,
        moment: impl Fn(&Visit) -> Option<f64>,
    ) -> Option<f64> {
        self.summary(profile, contender, moment).map(|s| s.median)
    }

    /// The tables, one per link, and what the goals say of them.
    pub fn render(&self, contenders: &[Contender]) -> String {
        let mut out = String::new();
        let first_input = |v: &Visit| Some(v.cold.first_input);
        let first_action = |v: &Visit| Some(v.cold.first_action);
        let first_paint = |v: &Visit| v.cold.first_paint;
        let shift = |v: &Visit| Some(v.cold.layout_shift);
        let repeat_input = |v: &Visit| Some(v.repeat.first_input);
        let repeat_action = |v: &Visit| Some(v.repeat.first_action);
        for profile in Profile::ALL {
            let visits = self.0.get(&(profile, OURS)).map_or(0, Vec::len);
            let _ = writeln!(
                out,
                "\n### {} ({visits} visits each)\n\n\
                 | page | first input | first action | first contentful paint | layout shift | \
                 repeat: first input | repeat: first action | first input ÷ plain | first action ÷ \
                 plain | first action ÷ React |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                profile.title()
            );
            for (index, contender) in contenders.iter().enumerate() {
                let ratio = |moment: &dyn Fn(&Visit) -> Option<f64>, yardstick: usize| match (
                    self.median(profile, index, moment),
                    self.median(profile, yardstick, moment),
                ) {
                    (Some(ours), Some(theirs)) if theirs > 0.0 => format!("{:.2}", ours / theirs),
                    _ => "–".to_owned(),
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                    contender.name,
                    ms(self.summary(profile, index, first_input)),
                    ms(self.summary(profile, index, first_action)),
                    ms(self.summary(profile, index, first_paint)),
                    self.summary(profile, index, shift)
                        .map_or_else(|| "–".to_owned(), |s| format!("{:.3}", s.max)),
                    ms(self.summary(profile, index, repeat_input)),
                    ms(self.summary(profile, index, repeat_action)),
                    ratio(&first_input, PLAIN),
                    ratio(&first_action, PLAIN),
                    ratio(&first_action, REACT),
                );
            }
        }
        out.push_str(&self.goals());
        out
    }

    /// The two goals, each with the numbers it is judged on (medians of this run), then the
    /// ratios that are reported but are no goal.
    fn goals(&self) -> String {
        let mut out = String::from("\n### Goals (medians of this run)\n\n");
        let verdict = |met: Option<bool>| match met {
            Some(true) => "met",
            Some(false) => "NOT met",
            None => "not measured",
        };
        let ratio = |profile,
                     ours: &dyn Fn(&Visit) -> Option<f64>,
                     yardstick,
                     theirs: &dyn Fn(&Visit) -> Option<f64>| {
            self.median(profile, OURS, ours)
                .zip(self.median(profile, yardstick, theirs))
                .map(|(o, t)| o / t)
        };
        let first_input = |v: &Visit| Some(v.cold.first_input);
        let first_action = |v: &Visit| Some(v.cold.first_action);
        for profile in Profile::ALL {
            let ratio = ratio(profile, &first_input, PLAIN, &first_action);
            let _ = writeln!(
                out,
                "- first input, {}, at most 1.1x the plain page's first action: {:.2}x, {}",
                profile.title(),
                ratio.unwrap_or(f64::NAN),
                verdict(ratio.map(|r| r <= 1.1))
            );
        }
        let slow = ratio(Profile::SlowVpn, &first_action, REACT, &first_action);
        let _ = writeln!(
            out,
            "- first action, {}, at most 2x React's: {:.2}x, {}",
            Profile::SlowVpn.title(),
            slow.unwrap_or(f64::NAN),
            verdict(slow.map(|r| r <= 2.0))
        );
        out.push_str("\nReported, no goal:\n\n");
        let loopback = ratio(Profile::Loopback, &first_action, REACT, &first_action);
        let repeat_action = |v: &Visit| Some(v.repeat.first_action);
        let repeat = ratio(Profile::Loopback, &repeat_action, PLAIN, &repeat_action);
        let _ = writeln!(
            out,
            "- first action on loopback ÷ React's: {:.2}x\n\
             - repeat visit on loopback, first action ÷ the plain page's: {:.2}x",
            loopback.unwrap_or(f64::NAN),
            repeat.unwrap_or(f64::NAN),
        );
        out
    }
}

/// "median (min–max)" in milliseconds.
fn ms(summary: Option<Summary>) -> String {
    summary.map_or_else(
        || "–".to_owned(),
        |s| format!("{:.0} ({:.0}–{:.0})", s.median, s.min, s.max),
    )
}
