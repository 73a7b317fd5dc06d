//! The network around a cell: the API on a second origin, a port where nothing listens, a relay
//! that can be shut, and a PUT that puts the settings back.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use super::WAIT;
use crate::harness::{http_exchange, http_status, wait_until, Probe, EMAIL_SERVER_PATH};

pub(super) fn api_url(address: SocketAddr) -> String {
    format!("http://{address}/commandcenter/api")
}

/// A loopback address where nothing listens (it did a moment ago).
pub(super) async fn closed_port() -> anyhow::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    Ok(listener.local_addr()?)
}

/// `PUT /V4/EmailServer` with the fake's static token, over a plain HTTP/1.1 connection;
/// returns the status.
pub(super) async fn put_settings(fake: SocketAddr, body: &Value) -> anyhow::Result<u16> {
    let body = body.to_string();
    let request = format!(
        "PUT {EMAIL_SERVER_PATH} HTTP/1.1\r\nHost: {fake}\r\nAuthtoken: {}\r\n\
         Accept: application/json\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        fake_commandcenter::DEFAULT_TOKEN,
        body.len()
    );
    http_status(&http_exchange(fake, &request, WAIT).await?)
}

/// A loopback TCP relay to the fake that can be shut: then its port is closed and every
/// connection through it is cut, as when Command Center goes away.
pub(super) struct Relay {
    pub(super) address: SocketAddr,
    acceptor: Option<JoinHandle<()>>,
    connections: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Relay {
    pub(super) async fn open(target: SocketAddr) -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let connections = Arc::new(Mutex::new(Vec::new()));
        let acceptor = tokio::spawn({
            let connections = connections.clone();
            async move {
                while let Ok((mut inbound, _)) = listener.accept().await {
                    let relay = tokio::spawn(async move {
                        if let Ok(mut outbound) = TcpStream::connect(target).await {
                            let _ =
                                tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                        }
                    });
                    lock(&connections).push(relay);
                }
            }
        });
        Ok(Self {
            address,
            acceptor: Some(acceptor),
            connections,
        })
    }

    /// Closes the port, cuts every connection, and waits until the port refuses connections.
    pub(super) async fn shut(&mut self) -> anyhow::Result<()> {
        if let Some(acceptor) = self.acceptor.take() {
            acceptor.abort();
            let _ = acceptor.await;
        }
        let connections: Vec<_> = lock(&self.connections).drain(..).collect();
        for connection in connections {
            connection.abort();
            let _ = connection.await;
        }
        let address = self.address;
        wait_until("the relay's port to be closed", WAIT, || async move {
            Ok(match TcpStream::connect(address).await {
                Ok(_) => Probe::NotYet("it still accepts connections".into()),
                Err(_) => Probe::Done(()),
            })
        })
        .await
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        if let Some(acceptor) = self.acceptor.take() {
            acceptor.abort();
        }
        for connection in lock(&self.connections).drain(..) {
            connection.abort();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
