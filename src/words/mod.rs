//! The page's words: what the core and the API report, said as the page shows it. This is the one
//! place that turns what happened into sentences; the sentences themselves are the catalog's,
//! `locales/en/page.ftl`, compiled into [`catalog`] by build.rs.
//!
//! A failure is said as three sentences: what happened, what was not done because of it, and
//! what to do next. Whatever a server answered arrives in a placeholder, never translated and
//! never with a secret of the call in it.

use crate::core::changes::{PasswordShown, Shown};
use crate::core::config::{ConfigProblem, InvalidValue, OriginProblem, ThemeProblem};
use crate::core::errors::{redact, ApiError, Operation, ServerWords};
use crate::core::flow::{
    ButtonsOff, ConfirmAction, Failure, FormStatus, LoadState, Recheck, Review, SaveCheck,
};
use crate::core::language::{CatalogProblem, Language};
use crate::core::login::{LoginError, Session, SessionOrigin, SignInAttempt};
use crate::core::providers::{Provider, SES_REGIONS};
use crate::core::recheck::{NotKept, TheirChange};
use crate::core::saved_password::{SavedPassword, Withheld};
use crate::core::settings::{Encryption, Field};
use crate::core::smtp_advice::{advise, Advice};
use crate::core::validation::FieldError;
use crate::core::warnings::Warning;

pub mod translation;

/// Every message of the catalog as a function of its variables.
pub mod catalog {
    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

use catalog as t;

/// The document's title: config.json's `title`, or the page's own, then the product.
pub fn document_title(title: Option<&str>) -> String {
    t::document_title(title.map_or_else(t::page_title, str::to_owned))
}

pub fn field_label(field: Field) -> String {
    match field {
        Field::LoginUser => t::field_login_user(),
        Field::LoginPassword => t::field_login_password(),
        Field::AccessToken => t::field_access_token(),
        Field::ApiBaseUrl => t::field_api_base_url(),
        Field::SmtpServer => t::field_smtp_server(),
        Field::SmtpPort => t::field_smtp_port(),
        Field::Encryption => t::field_encryption(),
        Field::SenderEmail => t::field_sender_email(),
        Field::SenderName => t::field_sender_name(),
        Field::Authentication => t::field_authentication(),
        Field::Username => t::field_username(),
        Field::Password => t::field_password(),
    }
}

/// What the encryption list shows: vendors and mail hosts say "STARTTLS" for what Command
/// Center calls TLS, so both words are shown.
pub fn encryption(encryption: Encryption) -> String {
    match encryption {
        Encryption::None => t::encryption_none(),
        Encryption::Tls => t::encryption_tls(),
        Encryption::Ssl => t::encryption_ssl(),
    }
}

/// A provider as the list names it.
pub fn provider(provider: Option<Provider>) -> String {
    match provider {
        None => t::provider_other(),
        Some(Provider::Microsoft365) => t::provider_microsoft_365(),
        Some(Provider::Google) => t::provider_google(),
        Some(Provider::AmazonSes { region }) => {
            let name = SES_REGIONS
                .iter()
                .find(|ses| ses.region == region)
                .map_or(region, |ses| ses.name);
            t::provider_amazon_ses(name, region)
        }
        Some(Provider::SendGrid) => t::provider_sendgrid(),
        Some(Provider::Mailgun { eu: false }) => t::provider_mailgun(),
        Some(Provider::Mailgun { eu: true }) => t::provider_mailgun_eu(),
        Some(Provider::LocalRelay) => t::provider_local_relay(),
    }
}

/// The port field's hint: the usual ports, or, once the page leaves a port alone, the one
/// usual with the encryption chosen.
pub fn port_hint(usual: Option<(Encryption, u16)>) -> String {
    match usual {
        None => t::field_smtp_port_hint(),
        Some((choice, port)) => t::field_smtp_port_usual(encryption(choice), port),
    }
}

/// A warning or note under its field.
pub fn warning(warning: Warning) -> String {
    match warning {
        Warning::Port465WithTls => t::warning_port_465_tls(),
        Warning::Port587WithSsl => t::warning_port_587_ssl(),
        Warning::SignInUnencrypted => t::warning_sign_in_unencrypted(),
        Warning::Microsoft365Password => t::warning_microsoft_365(),
        Warning::GoogleAppPasswordNote => t::note_google_app_password(),
        Warning::GoogleNotAnAppPassword => t::warning_google_app_password(),
    }
}

/// What the send-test note says of where the mail goes.
pub fn send_test_note(recipient: Option<&str>) -> String {
    recipient.map_or_else(t::send_test_note, t::send_test_note_to)
}

/// Why the operator's theme is not used.
pub fn theme_problem(problem: &ThemeProblem) -> String {
    match problem {
        ThemeProblem::NotText => t::config_theme_type(),
        ThemeProblem::Elsewhere { url } => t::config_theme_elsewhere(url),
        ThemeProblem::NotLoaded { url } => t::config_theme_failed(url),
    }
}

/// The sentence under a field whose value cannot be sent.
pub fn field_error(error: &FieldError) -> String {
    match error {
        FieldError::Required(field) => required(*field),
        FieldError::TooLong { max } => t::error_too_long(max),
        FieldError::ControlCharacter => t::error_control_character(),
        FieldError::PortNotANumber => t::error_port_not_a_number(),
        FieldError::PortOutOfRange => t::error_port_out_of_range(),
        FieldError::HostHasScheme { scheme } => t::error_host_scheme(scheme),
        FieldError::HostHasPath => t::error_host_path(),
        FieldError::HostHasSpace => t::error_host_space(),
        FieldError::HostHasPort => t::error_host_port(),
        FieldError::HostInvalidCharacter(character) => t::error_host_character(character),
        FieldError::HostNotAscii => t::error_host_not_ascii(),
        FieldError::HostEmptyLabel => t::error_host_empty_label(),
        FieldError::HostLabelTooLong => t::error_host_label_too_long(),
        FieldError::HostLabelHyphen => t::error_host_label_hyphen(),
        FieldError::HostBadIpv4 => t::error_host_ipv4(),
        FieldError::HostBracketedIpv6 => t::error_host_bracketed_ipv6(),
        FieldError::EmailMissingAt => t::error_email_missing_at(),
        FieldError::EmailSeveralAt => t::error_email_several_at(),
        FieldError::EmailHasSpace => t::error_email_space(),
        FieldError::EmailLocalPartInvalid => t::error_email_local_part(),
        FieldError::EmailLocalPartTooLong => t::error_email_local_part_too_long(),
        FieldError::EmailDomainInvalid => t::error_email_domain(),
        FieldError::PasswordMissing => t::error_password_missing(),
        FieldError::PasswordWithheld(reason) => withheld(*reason),
        FieldError::PasswordNeededForTest => t::error_password_for_test(),
        FieldError::TokenInvalidCharacter => t::error_token_character(),
        FieldError::BaseUrlInvalid => t::error_base_url(),
    }
}

fn required(field: Field) -> String {
    match field {
        Field::LoginUser => t::required_login_user(),
        Field::LoginPassword => t::required_login_password(),
        Field::AccessToken => t::required_access_token(),
        Field::ApiBaseUrl => t::required_api_base_url(),
        Field::SmtpServer => t::required_smtp_server(),
        Field::SmtpPort => t::required_smtp_port(),
        Field::SenderEmail => t::required_sender_email(),
        Field::SenderName => t::required_sender_name(),
        Field::Username => t::required_username(),
        Field::Encryption | Field::Authentication | Field::Password => t::required_value(),
    }
}

/// Why the saved password is not used with the settings as typed.
pub fn withheld(reason: Withheld) -> String {
    match reason {
        Withheld::ServerChanged => t::password_withheld_server(),
        Withheld::PortChanged => t::password_withheld_port(),
        Withheld::EncryptionTurnedOff => t::password_withheld_encryption(),
    }
}

/// The password field's hint: what an empty field means.
pub fn password_hint(saved: SavedPassword) -> Option<String> {
    match saved {
        SavedPassword::NotSaved => None,
        SavedPassword::Reusable => Some(t::field_password_saved_hint()),
        SavedPassword::Withheld(reason) => Some(withheld(reason)),
    }
}

/// Who the page is working as, for the session bar.
pub fn session(session: &Session) -> String {
    match &session.origin {
        SessionOrigin::Login { user_name, .. } => t::session_login(user_name),
        SessionOrigin::PastedToken => t::session_token(),
        SessionOrigin::Portal { origin } => t::session_portal(origin),
    }
}

pub fn load_state(state: &LoadState) -> String {
    match state {
        LoadState::Loading => t::load_loading(),
        LoadState::Loaded { configured: true } => t::load_configured(),
        LoadState::Loaded { configured: false } => t::load_not_configured(),
        LoadState::StartedEmpty => t::load_started_empty(),
        LoadState::Failed(failure) => call_failed(failure),
    }
}

pub fn form_status(status: &FormStatus) -> String {
    match status {
        FormStatus::Saved {
            server,
            port,
            check,
        } => match check {
            SaveCheck::Reading => {
                sentences(&[t::status_saved(port, server), t::status_saved_reading()])
            }
            SaveCheck::Kept => t::status_saved_checked(port, server),
            SaveCheck::NotKept(lost) => t::status_saved_not_kept(listed(lost, not_kept)),
            SaveCheck::Unchecked(failure) => t::status_saved_unchecked(call_failed(failure)),
        },
        FormStatus::TheirsLoaded => t::status_theirs_loaded(),
        FormStatus::LoadedSavedElsewhere { changed, kept_mine } => {
            let loaded = t::status_saved_elsewhere_loaded(*changed);
            if kept_mine.is_empty() {
                loaded
            } else {
                sentences(&[
                    loaded,
                    t::status_saved_elsewhere_kept(listed(kept_mine, kept_mine_item)),
                ])
            }
        }
        FormStatus::TestMailSent { recipient } => recipient
            .as_deref()
            .map_or_else(t::status_test_sent, t::status_test_sent_to),
        FormStatus::Invalid {
            fields,
            operation: Operation::TestMail,
        } => t::status_invalid_test(*fields),
        FormStatus::Invalid { fields, .. } => t::status_invalid_save(*fields),
        FormStatus::PasswordNeeded(error) => field_error(error),
        FormStatus::Failed(failure) => call_failed(failure),
    }
}

pub fn buttons_off(reason: ButtonsOff) -> String {
    match reason {
        ButtonsOff::Loading => t::off_loading(),
        ButtonsOff::LoadFailed => t::off_load_failed(),
        ButtonsOff::Saving => t::off_saving(),
        ButtonsOff::Testing => t::off_testing(),
        ButtonsOff::Reading => t::off_reading(),
        ButtonsOff::Unchanged => t::off_unchanged(),
    }
}

/// The items of a list in a sentence.
fn listed<T>(items: &[T], item: fn(&T) -> String) -> String {
    items.iter().map(item).collect::<Vec<_>>().join("; ")
}

fn not_kept(lost: &NotKept) -> String {
    t::not_kept_item(
        field_label(lost.field),
        shown(&lost.kept),
        shown(&lost.sent),
    )
}

fn kept_mine_item(theirs: &TheirChange) -> String {
    t::kept_mine_item(field_label(theirs.field), shown(&theirs.now))
}

/// Why the administrator's changes cannot go onto the settings Command Center has now: the
/// first field at fault.
fn merge_problem(field: Field, error: &FieldError) -> String {
    t::review_merge_problem(field_error(error), field_label(field))
}

/// The line under the review's changes: what the re-read of Command Center's settings found.
pub fn recheck(review: &Review) -> String {
    match &review.recheck {
        Recheck::Reading if review.confirm_waiting => t::review_waiting(),
        Recheck::Reading => t::review_checking(),
        Recheck::Unchanged => t::review_unchanged(),
        Recheck::Failed(failure) => t::review_check_failed(call_failed(failure)),
        Recheck::Changed {
            merged: Err(errors),
            ..
        } => errors
            .iter()
            .next()
            .map(|(field, error)| merge_problem(field, error))
            .unwrap_or_default(),
        Recheck::Changed { merged: Ok(_), .. } => String::new(),
    }
}

/// The review's main button.
pub fn confirm_action(action: ConfirmAction) -> String {
    match action {
        ConfirmAction::Confirm | ConfirmAction::Waiting => t::button_confirm(),
        ConfirmAction::ApplyMine | ConfirmAction::Blocked => t::button_apply_mine(),
        ConfirmAction::SaveAnyway => t::button_save_anyway(),
    }
}

/// The review's summary line.
pub fn review_summary(changes: usize, updating: bool) -> String {
    if updating {
        t::review_update(changes)
    } else {
        t::review_configure(changes)
    }
}

/// A value in the review.
pub fn shown(value: &Shown) -> String {
    match value {
        Shown::Text(text) => text.clone(),
        Shown::Empty => t::value_empty(),
        Shown::Switch(true) => t::value_on(),
        Shown::Switch(false) => t::value_off(),
        Shown::Encryption(choice) => encryption(*choice),
        Shown::Password(PasswordShown::Changed) => t::password_changed(),
        Shown::Password(PasswordShown::Saved) => t::password_saved(),
        Shown::Password(PasswordShown::SavedElsewhere) => t::password_saved_elsewhere(),
        Shown::Password(PasswordShown::TypedAgain) => t::password_typed_again(),
    }
}

/// What `config.json` gets wrong, with the sentence that says the page runs without it.
pub fn config_problem(problem: &ConfigProblem) -> String {
    let what = match problem {
        ConfigProblem::Http { status } => t::config_http(status),
        ConfigProblem::Unavailable(error) => t::config_unavailable(match error {
            ApiError::TimedOut { seconds } => t::config_reason_timed_out(count(*seconds)),
            ApiError::Unreachable { detail } | ApiError::RequestNotSent { detail } => {
                detail.clone()
            }
            ApiError::UnreadableAnswer { status } => t::config_reason_broke_off(status),
            _ => t::config_reason_failed(),
        }),
        ConfigProblem::NotJson(error) => t::config_not_json(error.trim_end_matches('.')),
        ConfigProblem::Invalid(value) => t::config_invalid(invalid_value(value)),
    };
    t::config_problem(what)
}

fn invalid_value(value: &InvalidValue) -> String {
    match value {
        InvalidValue::ApiBaseUrl(error) => t::config_api_base_url(field_error(error)),
        InvalidValue::RequestTimeout { max } => t::config_timeout_range(max),
        InvalidValue::Origin { origin, problem } => t::config_origin(
            origin,
            match problem {
                OriginProblem::Scheme => t::origin_scheme(),
                OriginProblem::PathOrUser => t::origin_path(),
                OriginProblem::Wildcard => t::origin_wildcard(),
                OriginProblem::Port => t::origin_port(),
                OriginProblem::DefaultPort => t::origin_default_port(),
                OriginProblem::Host => t::origin_host(),
            },
        ),
        InvalidValue::TitleLength { max } => t::config_title_length(max),
        InvalidValue::TitleNotOneLine => t::config_title_line(),
        InvalidValue::Language { tag } => {
            let tags: Vec<&str> = Language::ALL.iter().map(|l| l.tag()).collect();
            t::config_language(tags.join(", "), tag)
        }
    }
}

/// Why the page stays in English after `language` was chosen.
pub fn catalog_problem(language: Language, problem: &CatalogProblem) -> String {
    let reason = match problem {
        CatalogProblem::NotLoaded {
            status: Some(status),
        } => t::language_reason_http(status),
        CatalogProblem::NotLoaded { status: None } => t::language_reason_unavailable(),
        CatalogProblem::TooLarge => t::language_reason_too_large(),
        CatalogProblem::NotFluent(error) => t::language_reason_not_fluent(error),
        CatalogProblem::Incomplete(ids) => t::language_reason_incomplete(ids.join(", ")),
    };
    t::language_failed(language.own_name(), reason)
}

/// A failed call of the settings page, with every secret it carried masked out.
pub fn call_failed(failure: &Failure) -> String {
    let text = api_error(&failure.error, failure.operation, &failure.base_url);
    let secrets: Vec<&str> = failure.secrets.iter().map(|s| s.expose()).collect();
    redact(&text, &secrets)
}

/// A sign-in that Login refused or could not do, with the password or token masked out.
pub fn sign_in_failed(attempt: &SignInAttempt, error: &LoginError) -> String {
    let text = match error {
        LoginError::Refused {
            status,
            message,
            code,
        } => {
            let refused = match (message, code) {
                (Some(message), Some(code)) => {
                    t::login_refused_said_code(code, message.trim_end_matches('.'))
                }
                (Some(message), None) => t::login_refused_said(message.trim_end_matches('.')),
                (None, _) if *status != 200 => t::login_refused_status(status),
                (None, _) => t::login_refused(),
            };
            sentences(&[refused, t::retry_login()])
        }
        LoginError::Api(error) => api_error(error, Operation::Login, &attempt.base_url),
    };
    let secrets = attempt.secrets();
    let secrets: Vec<&str> = secrets.iter().map(|s| s.expose()).collect();
    redact(&text, &secrets)
}

/// What happened, what was not done, and what to do: the words for `error` during `operation`,
/// naming `base_url` where it helps to say what to check.
pub fn api_error(error: &ApiError, operation: Operation, base_url: &str) -> String {
    let consequence = consequence(error, operation);
    let said = |words: &Option<ServerWords>| words.as_ref().map(server_words);
    match error {
        ApiError::Unreachable { detail } => {
            sentences(&[t::error_unreachable(base_url, detail), consequence])
        }
        ApiError::BlockedByBrowser { page_origin } => {
            sentences(&[t::error_cors(base_url, page_origin), consequence])
        }
        ApiError::BlockedByPolicy { origin, directive } => {
            sentences(&[t::error_csp(base_url, directive, origin), consequence])
        }
        ApiError::MixedContent { page_origin } => {
            sentences(&[t::error_mixed_content(base_url, page_origin), consequence])
        }
        ApiError::TimedOut { seconds } => {
            sentences(&[t::error_timed_out(count(*seconds)), consequence])
        }
        ApiError::Cancelled => sentences(&[t::error_cancelled(), consequence]),
        ApiError::RequestNotSent { detail } => sentences(&[t::error_not_sent(detail), consequence]),
        ApiError::Unauthorized => sentences(&[t::error_unauthorized(), consequence]),
        ApiError::Forbidden { server_message } => sentences(&[
            said(server_message).map_or_else(t::error_forbidden, t::error_forbidden_said),
            t::advice_forbidden(),
            consequence,
        ]),
        ApiError::NotFound { server_message } => sentences(&[
            match said(server_message) {
                Some(message) => t::error_not_found_said(base_url, message),
                None => t::error_not_found(base_url),
            },
            t::advice_not_found(),
            consequence,
        ]),
        ApiError::BadRequest { server_message } => sentences(&[
            said(server_message).map_or_else(t::error_bad_request, t::error_bad_request_said),
            consequence,
            retry(operation),
        ]),
        ApiError::Rejected { code, message } => sentences(&[
            rejected(
                operation,
                *code,
                message.as_deref().map(|m| m.trim_end_matches('.')),
            ),
            consequence,
            match (operation, message.as_deref().and_then(advise)) {
                (Operation::TestMail, Some(known)) => advice(known),
                _ => retry(operation),
            },
        ]),
        ApiError::ServerError {
            status,
            server_message,
        } => sentences(&[
            match said(server_message) {
                Some(message) => t::error_server_said(message, status),
                None => t::error_server(status),
            },
            t::advice_server(),
            consequence,
        ]),
        ApiError::HttpStatus {
            status,
            server_message,
        } => sentences(&[
            match said(server_message) {
                Some(message) => t::error_status_said(message, status),
                None => t::error_status(status),
            },
            consequence,
        ]),
        ApiError::UnreadableAnswer { status } => {
            sentences(&[t::error_unreadable(status), consequence])
        }
    }
}

/// A server's words as they stand in a sentence: without its own closing full stop, which the
/// sentence brings.
fn server_words(words: &ServerWords) -> String {
    match words {
        ServerWords::Said(text) => text.trim_end_matches('.').to_owned(),
        ServerWords::HtmlPage { title } => t::server_html_page(title),
    }
}

fn rejected(operation: Operation, code: i64, message: Option<&str>) -> String {
    match (operation, message) {
        (Operation::Login, Some(message)) => t::error_rejected_login_said(code, message),
        (Operation::Login, None) => t::error_rejected_login(code),
        (Operation::Load | Operation::Recheck | Operation::ReadBack, Some(message)) => {
            t::error_rejected_load_said(code, message)
        }
        (Operation::Load | Operation::Recheck | Operation::ReadBack, None) => {
            t::error_rejected_load(code)
        }
        (Operation::Save, Some(message)) => t::error_rejected_save_said(code, message),
        (Operation::Save, None) => t::error_rejected_save(code),
        (Operation::TestMail, Some(message)) => t::error_rejected_test_said(code, message),
        (Operation::TestMail, None) => t::error_rejected_test(code),
    }
}

/// What was not done. A save whose answer never came may have arrived all the same.
fn consequence(error: &ApiError, operation: Operation) -> String {
    match operation {
        Operation::Save if *error == ApiError::Cancelled => t::consequence_save_cancelled(),
        Operation::Save if error.may_have_arrived() => t::consequence_save_unknown(),
        Operation::Save => t::consequence_save(),
        Operation::Login => t::consequence_login(),
        Operation::Load => t::consequence_load(),
        Operation::Recheck => t::consequence_recheck(),
        Operation::ReadBack => t::consequence_read_back(),
        Operation::TestMail => t::consequence_test(),
    }
}

/// What to do about a mail server's reply the page knows.
fn advice(advice: Advice) -> String {
    match advice {
        Advice::MicrosoftSmtpAuthOff => t::advice_microsoft_smtp_auth_off(),
        Advice::MicrosoftNotAuthenticated => t::advice_microsoft_not_authenticated(),
        Advice::GoogleAppPasswordRequired => t::advice_google_app_password(),
        Advice::GoogleBadCredentials => t::advice_google_bad_credentials(),
        Advice::RelayDenied => t::advice_relay_denied(),
        Advice::StartTlsRequired => t::advice_starttls_required(),
        Advice::TlsOrCertificate => t::advice_tls(),
        Advice::UnknownHost => t::advice_unknown_host(),
        Advice::Refused => t::advice_refused(),
        Advice::TimedOut => t::advice_timed_out(),
    }
}

/// What to do about settings that Command Center refused.
fn retry(operation: Operation) -> String {
    match operation {
        Operation::Login => t::retry_login(),
        Operation::Load => t::retry_load(),
        Operation::Recheck => t::retry_recheck(),
        Operation::ReadBack => t::consequence_read_back(),
        Operation::Save => t::retry_save(),
        Operation::TestMail => t::retry_test(),
    }
}

/// Sentences one after the other.
fn sentences(parts: &[String]) -> String {
    parts.join(" ")
}

#[cfg(test)]
mod tests;

/// A number as the catalog's plurals select on it.
fn count(number: u32) -> usize {
    usize::try_from(number).unwrap_or(usize::MAX)
}
