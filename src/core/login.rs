//! Signing in to Command Center (`POST /Login`, `POST /Logout`) and what the page remembers of
//! a session: the token, in memory only, and whose it is.

use serde::Deserialize;

use super::errors::ApiError;
use super::secret::Secret;
use super::settings::{Baseline, Field};
use super::validation::{check_base_url, check_sender_email, check_token, FieldError, FieldErrors};
use super::wire::{interpret_result_response, read_json, Credentials, ErrListEntry, TextOrOther};

pub const LOGIN_PATH: &str = "Login";
pub const LOGOUT_PATH: &str = "Logout";

/// How the page got its token, which decides what "sign out" and "sign in again" mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionOrigin {
    /// From `POST /Login`: it expires after 30 minutes without use and is ended by Logout.
    /// `smtp_address` is the user's own email address, where a test mail goes, when Login
    /// gave a usable one.
    Login {
        user_name: String,
        smtp_address: Option<String>,
    },
    /// Pasted by the administrator (an API key or access token created elsewhere).
    PastedToken,
    /// Handed over by the portal that frames the page (`crate::core::embedding`): the portal
    /// owns the session, so the page offers no sign-out.
    Portal { origin: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub token: Secret,
    pub origin: SessionOrigin,
}

impl Session {
    /// Whether the portal that frames the page owns this session (it signs in, out and again).
    pub fn is_the_portals(&self) -> bool {
        matches!(self.origin, SessionOrigin::Portal { .. })
    }

    /// Where Command Center sends a test mail, when the page knows it: the signed-in user's own
    /// address, which only Login tells.
    pub fn test_mail_recipient(&self) -> Option<&str> {
        match &self.origin {
            SessionOrigin::Login { smtp_address, .. } => smtp_address.as_deref(),
            SessionOrigin::PastedToken | SessionOrigin::Portal { .. } => None,
        }
    }
}

/// Checks the user name and password of the sign-in form, recording what is missing in
/// `errors`.
fn login_request(username: &str, password: &str, errors: &mut FieldErrors) -> Option<Credentials> {
    let required = |field, value: &str| match value {
        "" => Err(FieldError::Required(field)),
        value => Ok(value.to_owned()),
    };
    let username = errors.keep(
        Field::LoginUser,
        required(Field::LoginUser, username.trim()),
    );
    let password = errors.keep(
        Field::LoginPassword,
        required(Field::LoginPassword, password),
    );
    Some(Credentials::new(username?, &Secret::new(password?)))
}

/// A pasted token becomes a session once it could travel in a header.
pub fn pasted_session(token: &str) -> Result<Session, FieldError> {
    Ok(Session {
        token: check_token(token)?,
        origin: SessionOrigin::PastedToken,
    })
}

/// How the administrator signs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInMode {
    UserAndPassword,
    AccessToken,
}

impl SessionOrigin {
    /// Signing in again after a 401 asks for what gave the session in the first place.
    pub fn sign_in_mode(&self) -> SignInMode {
        match self {
            // When the portal's token stops working and no fresh one comes, a person signs in.
            SessionOrigin::Login { .. } | SessionOrigin::Portal { .. } => {
                SignInMode::UserAndPassword
            }
            SessionOrigin::PastedToken => SignInMode::AccessToken,
        }
    }
}

/// The sign-in form as typed.
#[derive(Clone, Debug)]
pub struct SignInValues<'a> {
    pub mode: SignInMode,
    pub base_url: &'a str,
    pub user_name: &'a str,
    pub password: &'a str,
    pub token: &'a str,
}

/// A sign-in that the form's values allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInAttempt {
    pub base_url: String,
    pub kind: SignInKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInKind {
    Login {
        /// The body of `POST /Login`.
        request: Credentials,
        /// As typed, to mask it out of whatever the server answers.
        password: Secret,
    },
    /// Tried by loading the settings with it (see [`SignInAttempt::token_checked`]).
    Token(Session),
}

/// Checks the sign-in form: the errors are tied to its fields, in page order.
pub fn sign_in_attempt(values: &SignInValues<'_>) -> Result<SignInAttempt, FieldErrors> {
    let mut errors = FieldErrors::default();
    let base_url = errors.keep(Field::ApiBaseUrl, check_base_url(values.base_url));
    let kind = match values.mode {
        SignInMode::UserAndPassword => {
            login_request(values.user_name, values.password, &mut errors).map(|request| {
                SignInKind::Login {
                    request,
                    password: Secret::new(values.password),
                }
            })
        }
        SignInMode::AccessToken => errors
            .keep(Field::AccessToken, pasted_session(values.token))
            .map(SignInKind::Token),
    };
    match (base_url, kind) {
        (Some(base_url), Some(kind)) => Ok(SignInAttempt { base_url, kind }),
        _ => Err(errors),
    }
}

impl SignInAttempt {
    /// What a server's answer may echo and the page must never show: the password typed (as
    /// typed and as it travels) or the token pasted.
    pub fn secrets(&self) -> Vec<Secret> {
        match &self.kind {
            SignInKind::Login { password, request } => {
                vec![password.clone(), request.password_base64.clone()]
            }
            SignInKind::Token(session) => vec![session.token.clone()],
        }
    }

    /// What loading the settings with a pasted token says of it: only a 401 refuses it.
    /// Anything else is the settings page's to explain, so the page gets the outcome to show.
    pub fn token_checked(
        &self,
        session: Session,
        outcome: Result<Baseline, ApiError>,
    ) -> Result<(Session, Result<Baseline, ApiError>), LoginError> {
        match outcome {
            Err(ApiError::Unauthorized) => Err(LoginError::Api(ApiError::Unauthorized)),
            outcome => Ok((session, outcome)),
        }
    }
}

/// What Login answers: a token on success, `errList` on a refusal.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LoginAnswer {
    token: Option<String>,
    user_name: Option<String>,
    /// Used when present and usable, never required: a value of another type or shape is
    /// left aside rather than failing the sign-in.
    smtp_address: Option<TextOrOther>,
    /// May be absent, but not `null`.
    #[serde(default)]
    err_list: Vec<ErrListEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoginError {
    /// Command Center (or something in front of it) said no: with `errList` its own words and
    /// code, with a bare 401 only the status.
    Refused {
        status: u16,
        message: Option<String>,
        code: Option<i64>,
    },
    Api(ApiError),
}

/// What an answer to Login means. Success needs a token; the `userName` falls back to what was
/// typed. A refusal may come as 200 or 401, both with `errList`.
pub fn interpret_login_response(
    status: u16,
    body: &str,
    typed_user: &str,
) -> Result<Session, LoginError> {
    let answer: Option<LoginAnswer> = read_json(body);
    if let (200, Some(answer)) = (status, &answer) {
        if let Some(token) = answer.token.as_deref().filter(|t| !t.trim().is_empty()) {
            let user_name = answer
                .user_name
                .clone()
                .filter(|name| !name.trim().is_empty())
                .unwrap_or_else(|| typed_user.trim().to_owned());
            let smtp_address = answer
                .smtp_address
                .as_ref()
                .and_then(TextOrOther::text)
                .and_then(|address| check_sender_email(address).ok());
            return Ok(Session {
                token: Secret::new(token),
                origin: SessionOrigin::Login {
                    user_name,
                    smtp_address,
                },
            });
        }
    }
    let refusal = answer
        .as_ref()
        .and_then(|answer| answer.err_list.first())
        .map(|entry| LoginError::Refused {
            status,
            message: entry.message(),
            code: entry.error_code,
        });
    match (status, refusal) {
        (200 | 401, Some(refusal)) => Err(refusal),
        // Without errList nothing says it was the password: keep to the facts.
        (401, None) => Err(LoginError::Refused {
            status,
            message: None,
            code: None,
        }),
        // A 200 without a token is not a sign-in, whatever else it holds.
        (200, None) => Err(LoginError::Api(ApiError::UnreadableAnswer { status })),
        _ => Err(LoginError::Api(
            interpret_result_response(status, body)
                .err()
                .unwrap_or(ApiError::UnreadableAnswer { status }),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_request_encodes_the_password_and_trims_the_user() {
        let mut errors = FieldErrors::default();
        let request = login_request(" admin ", "pässword", &mut errors);
        let json = request.map(|r| serde_json::to_value(r).unwrap());
        assert_eq!(
            json,
            Some(serde_json::json!({"username": "admin", "password": "cMOkc3N3b3Jk"}))
        );
        assert!(errors.is_empty());
    }

    #[test]
    fn login_request_needs_both_fields() {
        let mut errors = FieldErrors::default();
        assert_eq!(login_request("", "", &mut errors), None);
        let fields: Vec<Field> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, [Field::LoginUser, Field::LoginPassword]);
    }

    #[test]
    fn a_token_and_user_name_make_a_session() {
        let session = interpret_login_response(
            200,
            r#"{"token":"QSDK 3856ab","userName":"admin","other":1}"#,
            "x",
        );
        assert_eq!(
            session,
            Ok(Session {
                token: Secret::new("QSDK 3856ab"),
                origin: SessionOrigin::Login {
                    user_name: "admin".into(),
                    smtp_address: None,
                },
            })
        );
        let without_name = interpret_login_response(200, r#"{"token":"QSDK 1"}"#, " typed ");
        assert!(without_name.is_ok_and(|s| s.origin
            == SessionOrigin::Login {
                user_name: "typed".into(),
                smtp_address: None,
            }));
    }

    #[test]
    fn the_users_address_is_kept_when_login_gives_a_usable_one() {
        let address = |smtp_address: &str| {
            let body =
                format!(r#"{{"token":"QSDK 1","userName":"admin","smtpAddress":{smtp_address}}}"#);
            match interpret_login_response(200, &body, "admin").map(|s| s.origin) {
                Ok(SessionOrigin::Login { smtp_address, .. }) => smtp_address,
                other => panic!("not a Login session: {other:?}"),
            }
        };
        assert_eq!(
            address(r#"" admin@example.com ""#),
            Some("admin@example.com".into())
        );
        for unusable in [
            r#""""#,
            "null",
            "7",
            r#""not an address""#,
            r#""a@b.c\nBcc: x@y.z""#,
        ] {
            assert_eq!(address(unusable), None, "{unusable}");
        }
    }

    #[test]
    fn only_a_session_the_portal_handed_over_is_the_portals() {
        let session = |origin| Session {
            token: Secret::new("QSDK 1"),
            origin,
        };
        assert!(session(SessionOrigin::Portal {
            origin: "https://portal.example.com".into()
        })
        .is_the_portals());
        assert!(!session(SessionOrigin::PastedToken).is_the_portals());
        assert!(!session(SessionOrigin::Login {
            user_name: "admin".into(),
            smtp_address: None,
        })
        .is_the_portals());
    }

    #[test]
    fn err_list_is_a_refusal_with_the_server_words_on_200_and_401() {
        let body =
            r#"{"errList":[{"errLogMessage":"Invalid username or password","errorCode":1}]}"#;
        for status in [200, 401] {
            assert_eq!(
                interpret_login_response(status, body, "admin"),
                Err(LoginError::Refused {
                    status,
                    message: Some("Invalid username or password".into()),
                    code: Some(1),
                })
            );
        }
        assert_eq!(
            interpret_login_response(401, "<html>denied</html>", "admin"),
            Err(LoginError::Refused {
                status: 401,
                message: None,
                code: None
            })
        );
    }

    #[test]
    fn answers_that_are_not_json_are_unreadable_or_typed_by_status() {
        assert_eq!(
            interpret_login_response(200, "<html>portal</html>", "admin"),
            Err(LoginError::Api(ApiError::UnreadableAnswer { status: 200 }))
        );
        assert_eq!(
            interpret_login_response(200, r#"{"userName":"admin"}"#, "admin"),
            Err(LoginError::Api(ApiError::UnreadableAnswer { status: 200 }))
        );
        assert!(matches!(
            interpret_login_response(401, "", "admin"),
            Err(LoginError::Refused { .. })
        ));
        assert_eq!(
            interpret_login_response(503, "<html>down</html>", "admin"),
            Err(LoginError::Api(ApiError::ServerError {
                status: 503,
                server_message: None
            }))
        );
    }

    fn values(mode: SignInMode) -> SignInValues<'static> {
        SignInValues {
            mode,
            base_url: "/commandcenter/api/",
            user_name: "admin",
            password: "pässword",
            token: " QSDK abc ",
        }
    }

    #[test]
    fn the_sign_in_form_becomes_a_login_or_a_pasted_token() {
        let login = sign_in_attempt(&values(SignInMode::UserAndPassword));
        assert!(matches!(
            login,
            Ok(SignInAttempt { ref base_url, kind: SignInKind::Login { .. } }) if base_url == "/commandcenter/api"
        ));
        let token = sign_in_attempt(&values(SignInMode::AccessToken));
        assert!(matches!(
            token,
            Ok(SignInAttempt { kind: SignInKind::Token(ref session), .. }) if session.token.expose() == "QSDK abc"
        ));
        // Only the fields of the chosen way count.
        let errors = sign_in_attempt(&SignInValues {
            base_url: "ftp://x",
            token: "",
            ..values(SignInMode::UserAndPassword)
        })
        .unwrap_err();
        let errors: Vec<_> = errors.iter().collect();
        assert_eq!(errors, [(Field::ApiBaseUrl, &FieldError::BaseUrlInvalid)]);
        let errors = sign_in_attempt(&SignInValues {
            user_name: "",
            ..values(SignInMode::AccessToken)
        });
        assert!(errors.is_ok());
    }

    #[test]
    fn the_secrets_of_an_attempt_are_what_it_sends() {
        let Ok(login) = sign_in_attempt(&values(SignInMode::UserAndPassword)) else {
            panic!("the form was refused");
        };
        let secrets = login.secrets();
        let secrets: Vec<&str> = secrets.iter().map(|s| s.expose()).collect();
        assert_eq!(secrets, ["pässword", "cMOkc3N3b3Jk"]);
        let Ok(token) = sign_in_attempt(&values(SignInMode::AccessToken)) else {
            panic!("the form was refused");
        };
        let secrets = token.secrets();
        let secrets: Vec<&str> = secrets.iter().map(|s| s.expose()).collect();
        assert_eq!(secrets, ["QSDK abc"]);
    }

    #[test]
    fn only_a_401_refuses_a_pasted_token() {
        let Ok(attempt) = sign_in_attempt(&values(SignInMode::AccessToken)) else {
            panic!("the form was refused");
        };
        let SignInKind::Token(session) = attempt.kind.clone() else {
            panic!("not a token sign-in");
        };
        let refused = attempt.token_checked(session.clone(), Err(ApiError::Unauthorized));
        assert_eq!(refused, Err(LoginError::Api(ApiError::Unauthorized)));
        let broken = Err(ApiError::ServerError {
            status: 502,
            server_message: None,
        });
        assert_eq!(
            attempt.token_checked(session.clone(), broken.clone()),
            Ok((session, broken))
        );
    }

    #[test]
    fn a_pasted_token_must_fit_in_a_header() {
        assert!(pasted_session(" QSDK abc \n").is_ok_and(|s| s.token.expose() == "QSDK abc"));
        assert_eq!(
            pasted_session("bad\u{7}"),
            Err(FieldError::TokenInvalidCharacter)
        );
    }
}
