//! A fake Commvault Command Center: just enough of its REST API for the email server admin
//! page's demo and tests, with the contract in `shared/commandcenter-api.md` checked as strictly
//! as the real server would, every request recorded, and faults that can be injected.
//!
//! # REST surface (under [`API_PREFIX`], `/commandcenter/api`)
//!
//! | method | path | answer |
//! |---|---|---|
//! | `GET` | `/V4/EmailServer` | the stored settings (`{}` when none); never the password |
//! | `POST` | `/V4/EmailServer` | checks the body, stores it, `{"errorMessage": "", "errorCode": 0}` |
//! | `PUT` | `/V4/EmailServer` | checks the body, merges it into the stored settings, same answer |
//! | `POST` | `/V4/EmailServer/Action/Test` | checks the body, "sends" a test mail, stores nothing |
//! | `POST` | `/Login` | checks the body and the one configured user; a new `QSDK ...` token |
//! | `POST` | `/Logout` | ends the Login session of the `Authtoken` sent; `{}` |
//! | `OPTIONS` | any | CORS preflight: any origin; `GET, POST, PUT, OPTIONS`; `Authtoken, Content-Type, Accept` |
//!
//! Paths are matched case-insensitively, as the real server does (`/commandcenter/api/v4/emailserver`
//! works too); they are recorded as received. Every API call but Login needs the header
//! `Authtoken: <token>` with the configured static token ([`FakeConfig::token`], which never
//! expires: it stands for an API key) or a live Login token; otherwise 401.
//! A body that breaks the contract gets 400 with `{"errorMessage": "...", "errorCode": 400}`
//! whose message names the offending field. Unknown paths get 404, known paths with another
//! method 405. All API answers carry `Access-Control-Allow-Origin: *`.
//!
//! Every body is checked in this order: `Content-Type: application/json`, JSON syntax, an
//! object, unknown keys (a miscased one gets "did you mean"), each field's type, then the rules
//! between fields. Types: names, addresses, `username` are non-empty strings; `SMTPPort` an
//! integer 1..=65535; `encryptionAlgorithm` one of `NONE`, `TLS`, `SSL`; `password` standard
//! padded base64 of UTF-8; `useAuthentication` a JSON boolean.
//!
//! The stored state tracks `useAuthentication` explicitly: true exactly when a username and a
//! password are stored. `GET` shows `username` only then.
//!
//! ## `POST /V4/EmailServer`
//!
//! `SMTPServerName`, `SMTPPort`, `senderEmail`, `senderName` required; `encryptionAlgorithm`
//! (default `NONE`), `username` and `password` optional, the last two together or not at all;
//! no `useAuthentication`. Replaces everything stored: with credentials `useAuthentication`
//! becomes true, without them false (and any stored credentials are gone).
//!
//! ## `PUT /V4/EmailServer`
//!
//! POST's fields, all optional, plus `useAuthentication`. Fields not sent keep their stored
//! values. Credentials (each rule a 400 naming the field when broken; nothing is stored then):
//!
//! - `useAuthentication: false` clears the stored username and password; sending `username` or
//!   `password` with it is a contradiction (400 naming that field).
//! - `useAuthentication: true` needs `username` in the body (the contract's literal rule, even
//!   if a username is stored); `password` may be left out only when one is stored.
//! - Without `useAuthentication`: `username` turns authentication on and needs `password` in
//!   the body unless one is stored; `password` alone replaces the stored one and needs a stored
//!   username. A password sent always replaces the stored one; left out, it is kept.
//! - Nothing configured yet: 400 `nothing to update: configure the email server with POST
//!   first`, unless the body has all four of POST's required fields; then the PUT creates the
//!   settings (defaults as for POST) under the rules above (so with no stored password a
//!   `username` needs a `password`).
//!
//! While [`FakeCommandCenter::set_put_keeps_field`] names one of `SMTPServerName`, `SMTPPort`,
//! `senderEmail`, `senderName`, `encryptionAlgorithm`, a PUT that passes every check above
//! answers its usual success and stores everything it would, except that this field keeps the
//! value stored before the PUT: a server that accepts a value and does not keep it. A PUT
//! that leaves the field out, or that creates the settings, is stored as usual; POST is not
//! affected.
//!
//! ## `POST /V4/EmailServer/Action/Test`
//!
//! `SMTPServerName`, `SMTPPort`, `senderEmail`, `senderName` required; `encryptionAlgorithm`,
//! `useAuthentication`, `username`, `password` optional; `username` and `password` together or
//! not at all; both with `useAuthentication: false` is a contradiction (400). It tests the
//! settings in the body and stores none of them. Credentials used:
//!
//! - `username` + `password` in the body: those.
//! - Both left out and `useAuthentication` true, or absent while the stored settings use
//!   authentication: the saved credentials. None saved: 200
//!   `{"errorCode": 7 (ERROR_CODE_NO_SAVED_CREDENTIALS), "errorMessage": "No saved credentials ..."}`.
//! - Otherwise: no authentication.
//!
//! Then, if the mail server is switched unreachable ([`FakeCommandCenter::set_mail_server_reachable`]):
//! 200 `{"errorCode": 6 (ERROR_CODE_SMTP_CONNECT_FAILED), "errorMessage": "Failed to connect
//! to SMTP server <SMTPServerName>:<SMTPPort>: Connection timed out"}`. Otherwise 200 success,
//! and the mail is recorded in [`FakeCommandCenter::sent_test_mails`], addressed to
//! [`FakeConfig::user_email`] (the signed-in user: the contract has no recipient field).
//!
//! ## `POST /Login` and `POST /Logout`
//!
//! Login needs no `Authtoken` (one sent is ignored). Body: `username` (non-empty string),
//! `password` (standard padded base64 of the UTF-8 password, not empty), optional `domain`
//! (non-empty string, otherwise ignored); unknown keys and wrong types get 400 naming the field,
//! as for the other bodies (so does a wrong `Content-Type`). The user name must equal
//! [`FakeConfig::login_user`] exactly and the decoded password [`FakeConfig::login_password`];
//! then 200 `{"token": "QSDK <64 hex digits>", "userName", "smtpAddress" (the user email),
//! "loginAttempts": 0, "remainingLockTime": 0}`. Otherwise 401 `{"errList": [{"errLogMessage":
//! "Invalid username or password", "errorCode": 1}]}` ([`ERROR_CODE_LOGIN_FAILED`]), no token.
//!
//! A Login token expires when unused for the token lifetime ([`FakeConfig::token_lifetime`],
//! default 30 minutes, changeable with [`FakeCommandCenter::set_token_lifetime`]): every call
//! whose token check passes restarts it (even if the call then gets 400). Expired tokens get 401
//! and are forgotten. [`FakeCommandCenter::expire_all_sessions`] ends all of them at once.
//!
//! Token lifetimes and the waits of `Delay` and `Delayed` follow tokio's clock: on a runtime
//! with paused time (`#[tokio::test(start_paused = true)]`) a test passes them with
//! `tokio::time::advance` or auto-advance instead of waiting; otherwise they take real time.
//!
//! Logout checks the `Authtoken` like any call (missing, unknown or expired: 401), ends that
//! Login session and answers 200 `{}`. With the static token it answers 200 `{}` and changes
//! nothing: the static token keeps working.
//!
//! ## Faults
//!
//! Every endpoint (Login and Logout included) takes the same [`Fault`]s. An `ErrorCode` fault
//! on PUT or Test comes after the 401/400 checks and replaces the answer: nothing stored, no
//! mail recorded; on Login it comes after the credentials check and answers 200 with an
//! `errList` and no token; on Logout after the token check, and the session stays.
//! `Status`, `MalformedJson`, `DropConnection` and `LargeBody` create or end no session.
//! `NoCors` strips every `Access-Control-Allow-*` header from the actual answer (preflights are
//! unaffected); `Delayed` waits and then applies another fault.
//!
//! A fault stays until cleared ([`FakeCommandCenter::set_fault`]) or applies to the next N
//! requests of its endpoint only and then clears itself
//! ([`FakeCommandCenter::set_fault_times`]), because the page's load, its re-read before a
//! save and its read-back after it are all `GET /V4/EmailServer` and a test must fail just one
//! of them. Every request routed to the endpoint counts, whatever its answer (so a 401 or
//! 400 under `ErrorCode` uses one up); preflights and 404/405 answers do not. Setting either
//! kind replaces the endpoint's fault.
//!
//! ## Seeds
//!
//! [`FakeCommandCenter::with_settings`] (CLI `--seed PATH`) starts with settings given as a
//! POST body (password base64), checked against the POST contract. Without one the fake
//! starts empty.
//!
//! ## Another administrator
//!
//! [`FakeCommandCenter::change_settings_as_colleague`] (control API `PUT /__fake/settings`)
//! changes the stored settings as a `PUT /V4/EmailServer` body from someone else would: the
//! same checks and the same merge, credentials included, refused with the same message. It
//! needs no token, is not recorded, and meets neither faults nor the keep-field mode above.
//!
//! # Control API (under `/__fake`, answered to loopback peers only, never recorded)
//!
//! | method | path | effect |
//! |---|---|---|
//! | `GET` | `/__fake/requests` | JSON array of `{method, path, headers: [[name, value]...], body, status}` |
//! | `DELETE` | `/__fake/requests` | forget the recorded requests |
//! | `PUT` | `/__fake/faults/{endpoint}` | set a fault, body as in [`Fault::from_control_json`] plus optional `"times": N`; 204 |
//! | `DELETE` | `/__fake/faults/{endpoint}` | clear the fault |
//! | `GET` | `/__fake/settings` | `{"settings": <what GET would answer>, "passwordBase64": <string or null>}` |
//! | `PUT` | `/__fake/settings` | a `PUT /V4/EmailServer` body from another administrator; 204, or PUT's 400 `{"errorMessage", "errorCode": 400}` |
//! | `GET` | `/__fake/put-keeps-field` | `{"field": <PUT body name or null>}` |
//! | `PUT` | `/__fake/put-keeps-field` | body exactly `{"field": "SMTPPort"}` (any of the five plain fields) or `{"field": null}`; 204 |
//! | `GET` | `/__fake/mail-server` | `{"reachable": bool}` |
//! | `PUT` | `/__fake/mail-server` | body exactly `{"reachable": bool}`; 204 |
//! | `GET` | `/__fake/test-mails` | JSON array, as [`FakeCommandCenter::sent_test_mails`] |
//! | `DELETE` | `/__fake/test-mails` | forget the recorded test mails |
//! | `GET` | `/__fake/sessions` | `{"active": N}`, as [`FakeCommandCenter::active_sessions`] |
//! | `POST` | `/__fake/sessions/expire` | end every Login session; 204 |
//! | `GET` | `/__fake/token-lifetime` | `{"seconds": N}` (a JSON number, may have a fraction) |
//! | `PUT` | `/__fake/token-lifetime` | body exactly `{"seconds": N}`, N a non-negative number; 204 |
//!
//! `{endpoint}` is one of [`Endpoint::name`]: `get-email-server`, `post-email-server`,
//! `put-email-server`, `test-email-server`, `login`, `logout`.
//!
//! In a fault body, `"times"` is a positive integer beside the outermost `"kind"` (not inside
//! `delayed`'s `"then"`): the fault applies to the next N requests, as
//! [`FakeCommandCenter::set_fault_times`]; without it the fault stays until cleared.
//!
//! A body of any other shape than the ones above (or a `field` other than those five) gets 400
//! `{"error": "..."}` and changes nothing. `PUT /__fake/settings` instead answers a refused
//! change with the very body PUT's 400 would carry, so a test can compare the two; like the
//! rest of the control API it needs no `Content-Type`.
//!
//! The loopback check needs the peer address, so the router must be served with
//! `into_make_service_with_connect_info::<SocketAddr>()`; [`serve`] does that. Without the peer
//! address the control API answers 403.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use fake_commandcenter::{FakeCommandCenter, FakeConfig};
//! let fake = FakeCommandCenter::new(FakeConfig::default());
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! fake_commandcenter::serve(listener, fake.router()).await
//! # }
//! ```

mod api;
mod contract;
mod control;
mod fault;
mod record;

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
// tokio's rather than std's so that a test on a paused runtime moves session time with
// `tokio::time::advance` instead of waiting; outside a paused runtime it is the real clock,
// which the binary and the browser tests rely on.
use tokio::time::Instant;

pub use fault::{Endpoint, Fault, FaultBody};
pub use record::RecordedRequest;

/// The token the fake accepts unless configured otherwise.
pub const DEFAULT_TOKEN: &str = "demo-token";

/// Where the REST API lives, as on the real server.
pub const API_PREFIX: &str = "/commandcenter/api";

/// `errorCode` of the fake's own 400 answers (contract violations).
pub const ERROR_CODE_BAD_REQUEST: i64 = 400;
/// `errorCode` of the fake's 401 answers (missing or wrong token).
pub const ERROR_CODE_UNAUTHORIZED: i64 = 401;
/// `errorCode` (in a 200) of `POST /V4/EmailServer/Action/Test` when the mail server is
/// switched unreachable ([`FakeCommandCenter::set_mail_server_reachable`]).
pub const ERROR_CODE_SMTP_CONNECT_FAILED: i64 = 6;
/// `errorCode` (in a 200) of `POST /V4/EmailServer/Action/Test` when it should test with the
/// saved credentials and none are saved.
pub const ERROR_CODE_NO_SAVED_CREDENTIALS: i64 = 7;

/// The signed-in user's address unless configured otherwise: where test mails go.
pub const DEFAULT_USER_EMAIL: &str = "admin@example.com";

/// The one user `POST /Login` accepts unless configured otherwise.
pub const DEFAULT_LOGIN_USER: &str = "admin";
/// That user's password (plain text; Login sends it base64) unless configured otherwise.
pub const DEFAULT_LOGIN_PASSWORD: &str = "demo-password";
/// How long a Login token lives without use unless configured otherwise: 30 minutes, as the
/// real server.
pub const DEFAULT_TOKEN_LIFETIME: Duration = Duration::from_secs(30 * 60);
/// `errorCode` in the `errList` entry of a refused Login (wrong user name or password).
pub const ERROR_CODE_LOGIN_FAILED: i64 = 1;

/// Build it with `..FakeConfig::default()` so that later fields do not break your code.
#[derive(Clone, Debug)]
pub struct FakeConfig {
    /// A value of the `Authtoken` header that is always accepted and never expires (it stands
    /// for an API key); tokens issued by `POST /Login` are accepted too while they live.
    pub token: String,
    /// The signed-in user's own address, the recipient of every test mail
    /// (`POST /V4/EmailServer/Action/Test`). Default [`DEFAULT_USER_EMAIL`].
    pub user_email: String,
    /// The one user name `POST /Login` accepts (compared exactly). Default
    /// [`DEFAULT_LOGIN_USER`].
    pub login_user: String,
    /// That user's password, plain; compared with the base64-decoded `password` of the Login
    /// body. Default [`DEFAULT_LOGIN_PASSWORD`].
    pub login_password: String,
    /// How long a Login token lives without use; each authenticated call restarts it. Default
    /// [`DEFAULT_TOKEN_LIFETIME`] (30 minutes). Changeable later with
    /// [`FakeCommandCenter::set_token_lifetime`].
    pub token_lifetime: Duration,
}

impl Default for FakeConfig {
    fn default() -> Self {
        Self {
            token: DEFAULT_TOKEN.to_owned(),
            user_email: DEFAULT_USER_EMAIL.to_owned(),
            login_user: DEFAULT_LOGIN_USER.to_owned(),
            login_password: DEFAULT_LOGIN_PASSWORD.to_owned(),
            token_lifetime: DEFAULT_TOKEN_LIFETIME,
        }
    }
}

/// A handle on one fake server's state; clones share it, so tests keep one while the server
/// runs on another task.
#[derive(Clone)]
pub struct FakeCommandCenter {
    shared: Arc<Shared>,
}

struct Shared {
    config: FakeConfig,
    state: Mutex<State>,
    /// Randomly keyed per fake: what makes Login tokens unguessable enough for a test double.
    token_keys: RandomState,
}

struct State {
    /// Each record carries a private sequence number so that an answer still finds its record
    /// after `clear_requests` or while other requests arrive.
    requests: Vec<(u64, RecordedRequest)>,
    next_request_id: u64,
    settings: Option<api::EmailSettings>,
    faults: HashMap<Endpoint, SetFault>,
    /// The field a `PUT /V4/EmailServer` silently does not change, if any.
    put_keeps_field: Option<api::PlainField>,
    mail_server_reachable: bool,
    /// `{"to": ..., "settings": ...}` per successful Action/Test, in order.
    sent_test_mails: Vec<serde_json::Value>,
    /// Live (or not yet pruned) Login tokens and when each was last used.
    sessions: HashMap<String, Instant>,
    token_lifetime: Duration,
    /// Login tokens issued so far; part of what each new token is hashed from.
    tokens_issued: u64,
}

impl Default for State {
    fn default() -> Self {
        Self {
            requests: Vec::new(),
            next_request_id: 0,
            settings: None,
            faults: HashMap::new(),
            put_keeps_field: None,
            mail_server_reachable: true,
            sent_test_mails: Vec::new(),
            sessions: HashMap::new(),
            token_lifetime: DEFAULT_TOKEN_LIFETIME,
            tokens_issued: 0,
        }
    }
}

struct SetFault {
    fault: Fault,
    /// How many more requests it applies to; `None`: until cleared.
    uses_left: Option<NonZeroU32>,
}

impl State {
    /// Forgets the Login tokens unused for the token lifetime or longer.
    fn prune_sessions(&mut self, now: Instant) {
        let lifetime = self.token_lifetime;
        self.sessions
            .retain(|_, last_used| now.saturating_duration_since(*last_used) < lifetime);
    }
}

impl FakeCommandCenter {
    pub fn new(config: FakeConfig) -> Self {
        let state = State {
            token_lifetime: config.token_lifetime,
            ..State::default()
        };
        Self {
            shared: Arc::new(Shared {
                config,
                state: Mutex::new(state),
                token_keys: RandomState::new(),
            }),
        }
    }

    /// A fake that starts with `settings` stored, as if `POST /V4/EmailServer` had sent them
    /// (a JSON object shaped like that body, password base64). `Err` says how `settings` breaks
    /// the POST contract.
    pub fn with_settings(config: FakeConfig, settings: serde_json::Value) -> Result<Self, String> {
        let object = contract::POST_EMAIL_SERVER
            .check_value(settings)
            .map_err(|contract::Rejection(message)| message)?;
        let fake = Self::new(config);
        fake.store_settings(api::EmailSettings::from_checked(&object));
        Ok(fake)
    }

    /// Whole app: API under `/commandcenter/api/...` (path matched case-insensitively), control
    /// API under `/__fake/...` (loopback peers only), CORS for any origin on the API.
    ///
    /// Serve it with [`serve`] (or `into_make_service_with_connect_info::<SocketAddr>()`):
    /// otherwise the control API cannot see the peer and answers 403.
    pub fn router(&self) -> Router {
        // The API is a single fallback handler rather than axum routes because axum matches
        // paths case-sensitively and the real server does not.
        let api = Router::new().fallback(api::handle).with_state(self.clone());
        Router::new()
            .nest("/__fake", control::router(self.clone()))
            .fallback_service(api)
    }

    /// Every request received, in arrival order (CORS preflights too, control API excluded).
    /// A request still being answered (e.g. under a `Delay` fault) shows status 0 until then.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock()
            .requests
            .iter()
            .map(|(_, request)| request.clone())
            .collect()
    }

    pub fn clear_requests(&self) {
        self.lock().requests.clear();
    }

    /// What `GET /V4/EmailServer` would answer now (`{}` when nothing is configured).
    pub fn stored_settings(&self) -> serde_json::Value {
        api::settings_json(self.lock().settings.as_ref())
    }

    /// The stored password exactly as the client sent it (base64), if any.
    pub fn stored_password_base64(&self) -> Option<String> {
        self.lock()
            .settings
            .as_ref()
            .and_then(|settings| settings.password_base64.clone())
    }

    /// Whether `POST /V4/EmailServer/Action/Test` reaches the mail server (default true). When
    /// false, tests answer 200 with [`ERROR_CODE_SMTP_CONNECT_FAILED`] and a message naming the
    /// host and port from the body, and no mail is recorded.
    pub fn set_mail_server_reachable(&self, reachable: bool) {
        self.lock().mail_server_reachable = reachable;
    }

    pub fn mail_server_reachable(&self) -> bool {
        self.lock().mail_server_reachable
    }

    /// One entry per successful `POST /V4/EmailServer/Action/Test`, in order:
    /// `{"to": <FakeConfig::user_email>, "settings": {SMTPServerName, SMTPPort, senderEmail,
    /// senderName, encryptionAlgorithm, useAuthentication, username?, passwordBase64?,
    /// usedSavedCredentials}}`; `username` and `passwordBase64` are the credentials tested with
    /// (from the body or the saved ones), present only when `useAuthentication` is true.
    pub fn sent_test_mails(&self) -> Vec<serde_json::Value> {
        self.lock().sent_test_mails.clone()
    }

    /// Forget the recorded test mails.
    pub fn clear_sent_test_mails(&self) {
        self.lock().sent_test_mails.clear();
    }

    /// How many Login tokens are live now (issued, not logged out, used within the token
    /// lifetime). The static [`FakeConfig::token`] is not counted.
    pub fn active_sessions(&self) -> usize {
        let mut state = self.lock();
        state.prune_sessions(Instant::now());
        state.sessions.len()
    }

    /// Ends every Login session at once, as if each had gone unused too long: later calls with
    /// those tokens get 401. The static token keeps working.
    pub fn expire_all_sessions(&self) {
        self.lock().sessions.clear();
    }

    /// How long a Login token lives without use from now on; applies to the tokens already
    /// issued too (measured from their last use).
    pub fn set_token_lifetime(&self, lifetime: Duration) {
        self.lock().token_lifetime = lifetime;
    }

    /// The current Login token lifetime.
    pub fn token_lifetime(&self) -> Duration {
        self.lock().token_lifetime
    }

    /// Sets (or with `None` clears) the fault for one endpoint; it stays until cleared. It
    /// replaces the endpoint's fault, one set with [`FakeCommandCenter::set_fault_times`] too.
    pub fn set_fault(&self, endpoint: Endpoint, fault: Option<Fault>) {
        let mut state = self.lock();
        match fault {
            Some(fault) => state.faults.insert(
                endpoint,
                SetFault {
                    fault,
                    uses_left: None,
                },
            ),
            None => state.faults.remove(&endpoint),
        };
    }

    /// Sets the fault for the next `times` requests of `endpoint` only, then it clears itself
    /// and the endpoint answers normally again (`times` 0 clears it at once). Every request
    /// routed to the endpoint counts, whatever its answer (an `ErrorCode` fault is used up
    /// by a request refused with 401 or 400 too); CORS preflights and requests answered 404 or
    /// 405 do not. It replaces the endpoint's fault, one set with
    /// [`FakeCommandCenter::set_fault`] too.
    ///
    /// Exists because one endpoint serves several steps of the page (its load, the re-read
    /// before a save and the read-back after it are all `GET /V4/EmailServer`), and a test must
    /// be able to fail just one of them.
    pub fn set_fault_times(&self, endpoint: Endpoint, fault: Fault, times: u32) {
        let mut state = self.lock();
        match NonZeroU32::new(times) {
            Some(times) => state.faults.insert(
                endpoint,
                SetFault {
                    fault,
                    uses_left: Some(times),
                },
            ),
            None => state.faults.remove(&endpoint),
        };
    }

    /// The fault currently set for `endpoint` (one set for a number of requests until the last
    /// of them has arrived).
    pub fn fault(&self, endpoint: Endpoint) -> Option<Fault> {
        self.lock()
            .faults
            .get(&endpoint)
            .map(|set| set.fault.clone())
    }

    /// Makes every `PUT /V4/EmailServer` that passes its checks answer its usual success and
    /// store everything it would, except that `field` keeps the value stored before the PUT:
    /// a server that accepts a value and does not keep it. `field` is a PUT body name, one of
    /// `SMTPServerName`, `SMTPPort`, `senderEmail`, `senderName`, `encryptionAlgorithm`;
    /// `None` ends it. A PUT that does not send the field, or that creates the settings (there
    /// is no old value then), stores as usual; `POST` and
    /// [`FakeCommandCenter::change_settings_as_colleague`] are not affected. `Err` names the
    /// allowed fields, and the setting stays as it was.
    pub fn set_put_keeps_field(&self, field: Option<&str>) -> Result<(), String> {
        let field = field.map(api::PlainField::from_wire_name).transpose()?;
        self.lock().put_keeps_field = field;
        Ok(())
    }

    /// The field `PUT /V4/EmailServer` keeps now (see
    /// [`FakeCommandCenter::set_put_keeps_field`]), by its PUT body name.
    pub fn put_keeps_field(&self) -> Option<&'static str> {
        self.lock().put_keeps_field.map(api::PlainField::wire_name)
    }

    /// Applies `body` as another administrator's `PUT /V4/EmailServer` would: the same checks
    /// (types, unknown keys, the credential rules, POST's four fields when nothing is stored
    /// yet) and the same merge into the stored settings, credentials included; but no token, no
    /// recorded request, and neither faults nor [`FakeCommandCenter::set_put_keeps_field`]
    /// apply. `Err` is the `errorMessage` that PUT's 400 would carry; nothing changes then.
    ///
    /// Stands for a change made elsewhere while the page is open, e.g. between its load and a
    /// save.
    pub fn change_settings_as_colleague(&self, body: serde_json::Value) -> Result<(), String> {
        api::change_settings_as_colleague(self, body)
            .map_err(|contract::Rejection(message)| message)
    }

    /// Binds `127.0.0.1:0`, serves this fake there on a spawned task (until the runtime ends),
    /// and returns the address; the API base URL is `http://{addr}/commandcenter/api`.
    pub async fn spawn_local(&self) -> std::io::Result<SocketAddr> {
        let listener = tokio::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        tokio::spawn(serve(listener, self.router()));
        Ok(addr)
    }

    fn record_arrival(&self, request: RecordedRequest) -> u64 {
        let mut state = self.lock();
        let id = state.next_request_id;
        state.next_request_id += 1;
        state.requests.push((id, request));
        id
    }

    fn record_status(&self, id: u64, status: u16) {
        if let Some((_, request)) = self.lock().requests.iter_mut().find(|(key, _)| *key == id) {
            request.status = status;
        }
    }

    /// The fault for a request of `endpoint` that has just arrived; it uses up one request of a
    /// fault set for a number of them. Taken at arrival, so that concurrent requests cannot
    /// share the last use.
    fn take_fault(&self, endpoint: Endpoint) -> Option<Fault> {
        let mut state = self.lock();
        let set = state.faults.get_mut(&endpoint)?;
        match set.uses_left.map(|left| NonZeroU32::new(left.get() - 1)) {
            None => Some(set.fault.clone()),
            Some(Some(fewer)) => {
                set.uses_left = Some(fewer);
                Some(set.fault.clone())
            }
            Some(None) => state.faults.remove(&endpoint).map(|set| set.fault),
        }
    }

    fn store_settings(&self, settings: api::EmailSettings) {
        self.lock().settings = Some(settings);
    }

    fn config(&self) -> &FakeConfig {
        &self.shared.config
    }

    /// Whether `token` is the static token or a live Login token; a live one's last use
    /// becomes now, an expired one is forgotten.
    fn authenticate(&self, token: &[u8]) -> bool {
        if token == self.config().token.as_bytes() {
            return true;
        }
        let Ok(token) = std::str::from_utf8(token) else {
            return false;
        };
        let now = Instant::now();
        let mut state = self.lock();
        state.prune_sessions(now);
        match state.sessions.get_mut(token) {
            Some(last_used) => {
                *last_used = now;
                true
            }
            None => false,
        }
    }

    /// A new Login session: its token, `QSDK ` and 64 hex digits, unique in this fake.
    fn start_session(&self) -> String {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos());
        let mut state = self.lock();
        loop {
            state.tokens_issued += 1;
            let mut token = String::from("QSDK ");
            for part in 0..4_u8 {
                let hash = self
                    .shared
                    .token_keys
                    .hash_one((state.tokens_issued, nanos, part));
                token.push_str(&format!("{hash:016x}"));
            }
            if token != self.config().token && !state.sessions.contains_key(&token) {
                state.sessions.insert(token.clone(), Instant::now());
                return token;
            }
        }
    }

    /// Ends the Login session of `token`, if it is one.
    fn end_session(&self, token: &[u8]) {
        if let Ok(token) = std::str::from_utf8(token) {
            self.lock().sessions.remove(token);
        }
    }

    fn user_email(&self) -> &str {
        &self.config().user_email
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the plain data inconsistent in a way
        // that matters to a test double, so keep serving rather than cascade the panic.
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Serves `router` on `listener` with the peer address attached to every request, which the
/// loopback-only control API needs. Runs until the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}
