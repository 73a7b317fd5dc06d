//! A small static file server for dist/ on loopback, for the start-up measurements.
//!
//! It serves what a production server with precompression serves: the `.br` or `.gz` sibling
//! when the browser accepts that encoding, the file itself otherwise, so the browser decompresses
//! just as it would for a user. It counts what it sent, and the report says which encoding the
//! browser got. A thread per connection with keep-alive is plenty for one browser on loopback,
//! and keeps xtask free of an async runtime and an HTTP stack.

use std::{
    collections::BTreeMap,
    fs,
    io::{self, BufRead, BufReader, Read, Write},
    net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream},
    path::{Component, Path, PathBuf},
    sync::{Arc, Mutex},
    thread,
    time::Duration,
};

use anyhow::Context;

/// A browser keeps idle connections open; a thread whose connection stays silent this long ends.
const IDLE_LIMIT: Duration = Duration::from_secs(30);
/// Longer request heads are no request of a browser loading this page.
const MAX_HEAD_BYTES: u64 = 64 * 1024;

/// Serves until the process ends; the threads hold nothing that needs cleaning up.
pub struct StaticServer {
    address: SocketAddr,
    sent: Arc<Mutex<BTreeMap<String, u64>>>,
}

impl StaticServer {
    pub fn start(dist: &Path) -> anyhow::Result<StaticServer> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .context("cannot listen on a loopback port")?;
        let address = listener.local_addr()?;
        let sent = Arc::new(Mutex::new(BTreeMap::new()));
        let (dist, counts) = (dist.to_path_buf(), Arc::clone(&sent));
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dist, counts) = (dist.clone(), Arc::clone(&counts));
                thread::spawn(move || {
                    // A browser that goes away mid-request is no error of the page's.
                    let _ = serve_connection(stream, &dist, &counts);
                });
            }
        });
        Ok(StaticServer { address, sent })
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    /// How many responses went out in each content coding ("br", "gzip", "identity").
    pub fn sent_encodings(&self) -> BTreeMap<String, u64> {
        self.sent
            .lock()
            .map(|sent| sent.clone())
            .unwrap_or_default()
    }
}

fn serve_connection(
    stream: TcpStream,
    dist: &Path,
    sent: &Mutex<BTreeMap<String, u64>>,
) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE_LIMIT))?;
    // Responses are written whole; Nagle would only hold back the last segment.
    stream.set_nodelay(true)?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    loop {
        let mut head = String::new();
        // Read up to the blank line that ends the head; GET and HEAD have no body.
        loop {
            let mut line = String::new();
            let read = (&mut reader).take(MAX_HEAD_BYTES).read_line(&mut line)?;
            if read == 0 {
                return Ok(());
            }
            if line == "\r\n" || line == "\n" {
                break;
            }
            head.push_str(&line);
            if head.len() as u64 > MAX_HEAD_BYTES {
                writer.write_all(&status_only(431, "Request Header Fields Too Large"))?;
                return Ok(());
            }
        }
        let Some(request) = Request::parse(&head) else {
            writer.write_all(&status_only(400, "Bad Request"))?;
            return Ok(());
        };
        let (response, encoding) = respond(&request, dist);
        writer.write_all(&response)?;
        if let Some(encoding) = encoding {
            if let Ok(mut sent) = sent.lock() {
                *sent.entry(encoding.to_owned()).or_default() += 1;
            }
        }
        if request.close {
            return Ok(());
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Request {
    method: String,
    /// The path, without query or fragment.
    path: String,
    accepts_br: bool,
    accepts_gzip: bool,
    close: bool,
}

impl Request {
    fn parse(head: &str) -> Option<Request> {
        let mut lines = head.lines();
        let mut start = lines.next()?.split_whitespace();
        let (method, target) = (start.next()?, start.next()?);
        let path = target.split(['?', '#']).next().unwrap_or_default();
        let mut request = Request {
            method: method.to_owned(),
            path: path.to_owned(),
            accepts_br: false,
            accepts_gzip: false,
            close: false,
        };
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_ascii_lowercase();
            match name.trim().to_ascii_lowercase().as_str() {
                "accept-encoding" => {
                    for coding in value.split(',') {
                        let mut parts = coding.split(';').map(str::trim);
                        let name = parts.next().unwrap_or_default();
                        // "br;q=0" refuses br.
                        let refused = parts.any(|param| {
                            let q = param.strip_prefix("q=").map(str::trim);
                            q.and_then(|q| q.parse::<f32>().ok()) == Some(0.0)
                        });
                        match name {
                            "br" => request.accepts_br = !refused,
                            "gzip" => request.accepts_gzip = !refused,
                            _ => {}
                        }
                    }
                }
                "connection" => request.close = value == "close",
                _ => {}
            }
        }
        Some(request)
    }
}

/// The whole response and the content coding it was sent in (None for errors).
fn respond(request: &Request, dist: &Path) -> (Vec<u8>, Option<&'static str>) {
    if request.method != "GET" && request.method != "HEAD" {
        return (status_only(405, "Method Not Allowed"), None);
    }
    let Some(file) = resolve(dist, &request.path) else {
        return (status_only(404, "Not Found"), None);
    };
    let sibling = |extension: &str| {
        let mut name = file.as_os_str().to_owned();
        name.push(extension);
        let path = PathBuf::from(name);
        path.is_file().then_some(path)
    };
    let (path, encoding) = match (request.accepts_br, request.accepts_gzip) {
        (true, _) if sibling(".br").is_some() => (sibling(".br"), "br"),
        (_, true) if sibling(".gz").is_some() => (sibling(".gz"), "gzip"),
        _ => (Some(file.clone()), "identity"),
    };
    let Some(body) = path.and_then(|path| fs::read(path).ok()) else {
        return (status_only(404, "Not Found"), None);
    };
    let mut head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nVary: Accept-Encoding\r\n\
         Cache-Control: no-cache\r\n",
        content_type(&file),
        body.len()
    );
    if encoding != "identity" {
        head.push_str(&format!("Content-Encoding: {encoding}\r\n"));
    }
    head.push_str("\r\n");
    let mut response = head.into_bytes();
    if request.method == "GET" {
        response.extend_from_slice(&body);
    }
    (response, Some(encoding))
}

/// The file of dist/ that a URL path names; never anything outside dist/.
fn resolve(dist: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if !relative
        .components()
        .all(|part| matches!(part, Component::Normal(_)))
    {
        return None;
    }
    let file = if path.ends_with('/') {
        dist.join(relative).join("index.html")
    } else {
        dist.join(relative)
    };
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        // Without it the browser cannot compile the wasm while it downloads.
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn status_only(code: u16, reason: &str) -> Vec<u8> {
    format!("HTTP/1.1 {code} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_request_heads() -> anyhow::Result<()> {
        let request = Request::parse(
            "GET /app_bg.wasm?v=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Accept-Encoding: gzip, deflate, br;q=0\r\nConnection: close\r\n",
        )
        .context("not parsed")?;
        assert_eq!(
            request,
            Request {
                method: "GET".into(),
                path: "/app_bg.wasm".into(),
                accepts_br: false,
                accepts_gzip: true,
                close: true,
            }
        );
        let request = Request::parse("GET / HTTP/1.1\r\naccept-encoding: br;q=0.5, zstd\r\n")
            .context("not parsed")?;
        assert!(request.accepts_br && !request.accepts_gzip && !request.close);
        assert_eq!(Request::parse(""), None);
        Ok(())
    }

    #[test]
    fn serves_only_files_inside_dist() -> anyhow::Result<()> {
        let root = crate::project_root()?;
        // The workspace root stands in for dist/: it has files, folders and a parent.
        assert_eq!(resolve(&root, "/Cargo.toml"), Some(root.join("Cargo.toml")));
        assert_eq!(
            resolve(&root, "/xtask/Cargo.toml"),
            Some(root.join("xtask/Cargo.toml"))
        );
        for outside in [
            "/../Cargo.toml",
            "/xtask/../../etc/passwd",
            "/xtask",
            "/nope.txt",
        ] {
            assert_eq!(resolve(&root, outside), None, "{outside}");
        }
        Ok(())
    }

    #[test]
    fn prefers_a_precompressed_sibling_the_browser_accepts() -> anyhow::Result<()> {
        let dir = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("index.html"), "plain")?;
        fs::write(dir.join("index.html.gz"), "gz")?;
        let get = |accept: &str| {
            let head = format!("GET / HTTP/1.1\r\nAccept-Encoding: {accept}\r\n");
            let request = Request::parse(&head).context("not parsed")?;
            let (response, encoding) = respond(&request, &dir);
            anyhow::Ok((String::from_utf8_lossy(&response).into_owned(), encoding))
        };
        let (gzip, encoding) = get("gzip, deflate, br")?;
        assert_eq!(encoding, Some("gzip"));
        assert!(gzip.contains("Content-Encoding: gzip\r\n") && gzip.ends_with("\r\n\r\ngz"));
        assert!(gzip.contains("Content-Type: text/html"), "{gzip}");
        let (plain, encoding) = get("identity")?;
        assert_eq!(encoding, Some("identity"));
        assert!(!plain.contains("Content-Encoding") && plain.ends_with("\r\n\r\nplain"));
        let _ = fs::remove_dir_all(&dir);
        Ok(())
    }
}
