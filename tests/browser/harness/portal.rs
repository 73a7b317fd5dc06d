//! examples/portal beside the page, and the page in its frame.

use anyhow::anyhow;
use fantoccini::Locator;

use super::*;

/// examples/portal, the parent page of the embedding protocol, served on a loopback origin of its
/// own; the server stops when this is dropped.
pub struct PortalSite {
    pub origin: String,
    server: JoinHandle<()>,
}

impl PortalSite {
    pub async fn serve() -> anyhow::Result<Self> {
        let files =
            ServeDir::new(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/portal"));
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let origin = format!("http://{}", listener.local_addr()?);
        let router = axum::Router::new().fallback_service(files);
        let server = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, router).await {
                eprintln!("the example portal's server stopped: {e}");
            }
        });
        Ok(Self { origin, server })
    }
}

impl Drop for PortalSite {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Page {
    // ----- in a portal's frame -----

    /// Opens `portal` (examples/portal) with this page in its frame, and goes into the frame:
    /// from then on the page's own helpers work inside it (`portal_messages` looks outside).
    pub async fn open_in_portal(&self, portal: &PortalSite) -> anyhow::Result<()> {
        // embed.html: the entry page for portals, without the sign-in form's first paint.
        let url = format!("{}/index.html?page={}embed.html", portal.origin, self.url);
        self.client().goto(&url).await?;
        self.enter_the_frame().await
    }

    async fn enter_the_frame(&self) -> anyhow::Result<()> {
        wait_until("the portal's frame", WAIT_LIMIT, || async {
            Ok(match self.client().find(Locator::Id("email-page")).await {
                Ok(frame) => {
                    frame.enter_frame().await?;
                    Probe::Done(())
                }
                Err(e) => Probe::NotYet(e.to_string()),
            })
        })
        .await
    }

    /// What the page told the portal so far, as the portal logged it (JSON, one per message).
    pub async fn portal_messages(&self) -> anyhow::Result<Vec<serde_json::Value>> {
        self.client().enter_parent_frame().await?;
        let read = async {
            let mut messages = Vec::new();
            for item in self.client().find_all(Locator::Css("#messages li")).await? {
                let text = item.text().await?;
                messages.push(
                    serde_json::from_str(&text)
                        .map_err(|e| anyhow!("the portal logged {text:?}, no JSON: {e}"))?,
                );
            }
            anyhow::Ok(messages)
        }
        .await;
        self.enter_the_frame().await?;
        read
    }

    /// Waits until the portal has logged a message of `kind` (`"commandcenter-email:saved"`)
    /// that `matches`, and returns every message so far.
    pub async fn wait_for_portal_message(
        &self,
        kind: &str,
        matches: impl Fn(&serde_json::Value) -> bool,
    ) -> anyhow::Result<Vec<serde_json::Value>> {
        wait_until(
            &format!("the portal to hear {kind}"),
            WAIT_LIMIT,
            || async {
                let messages = self.portal_messages().await?;
                Ok(
                    if messages.iter().any(|m| m["type"] == kind && matches(m)) {
                        Probe::Done(messages)
                    } else {
                        Probe::NotYet(format!("{messages:?}"))
                    },
                )
            },
        )
        .await
    }

    /// Clicks the portal's "Send the session" (it sends the token in its field).
    pub async fn portal_sends_session(&self, token: &str) -> anyhow::Result<()> {
        self.client().enter_parent_frame().await?;
        let sent = async {
            let field = self.client().find(Locator::Id("token")).await?;
            field.clear().await?;
            field.send_keys(token).await?;
            self.client()
                .find(Locator::Id("send-session"))
                .await?
                .click()
                .await?;
            anyhow::Ok(())
        }
        .await;
        self.enter_the_frame().await?;
        sent
    }

    /// Runs `script` in the portal's top document.
    pub async fn in_portal(&self, script: &str) -> anyhow::Result<serde_json::Value> {
        self.client().enter_parent_frame().await?;
        let result = self.client().execute(script, vec![]).await;
        self.enter_the_frame().await?;
        Ok(result?)
    }
}
