//! What the settings page does when the administrator acts and when Command Center answers:
//! loading the settings, saving them after a review (with a re-read before and a read-back
//! after, `crate::core::recheck`), sending a test mail, loading what another tab saved, and
//! running a call once more after signing in again.
//!
//! The page keeps one [`PageFlow`] in a signal, hands it every event and does what it answers
//! (open a dialog, move the focus, start a call). The calls themselves run in the page's
//! `Action`s; their outcomes come back here.

mod review;

pub use review::{ConfirmAction, Recheck, Review};

use super::changes::changes;
use super::errors::{ApiError, Operation};
use super::recheck::{not_kept, their_changes, NotKept, TheirChange};
use super::requests::{save_request, test_mail_request};
use super::secret::Secret;
use super::settings::{Baseline, ConnectionForm, Field, SettingsForm};
use super::validation::{validate, FieldError, FieldErrors};
use super::wire::{encode_password, ApiConnection, SaveRequest, TestMailRequest};

/// Where loading the current settings stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LoadState {
    #[default]
    Loading,
    Loaded {
        configured: bool,
    },
    Failed(Failure),
    /// Loading failed and the administrator chose to configure from scratch.
    StartedEmpty,
}

impl LoadState {
    /// Until Command Center's settings are known (or the administrator chose to start empty),
    /// a save could overwrite settings the page never saw.
    pub fn baseline_known(&self) -> bool {
        matches!(self, LoadState::Loaded { .. } | LoadState::StartedEmpty)
    }
}

/// A call that failed, with what the words about it need: where it went and what it was for,
/// and the secrets it carried, which an answer that echoes them must not bring to the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub error: ApiError,
    pub operation: Operation,
    pub base_url: String,
    /// The token, and a typed password as typed and as it travels.
    pub secrets: Vec<Secret>,
}

impl Failure {
    fn of(
        error: &ApiError,
        operation: Operation,
        connection: &ApiConnection,
        password: Option<&Secret>,
    ) -> Self {
        let mut secrets = vec![connection.token.clone()];
        if let Some(password) = password.filter(|p| !p.expose().is_empty()) {
            secrets.push(password.clone());
            secrets.push(encode_password(password.expose()));
        }
        Failure {
            error: error.clone(),
            operation,
            base_url: connection.base_url.clone(),
            secrets,
        }
    }
}

/// The outcome of the last save or test mail, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormStatus {
    Saved {
        server: String,
        port: String,
        check: SaveCheck,
    },
    /// "Discard mine and load theirs" in the review.
    TheirsLoaded,
    /// What another tab saved is in the form; `changed` settings differed from what the page
    /// had loaded, and `kept_mine` are those the administrator had typed otherwise: their value
    /// stays in the form.
    LoadedSavedElsewhere {
        changed: usize,
        kept_mine: Vec<TheirChange>,
    },
    /// `recipient`: the signed-in user's address, when the page knows it.
    TestMailSent {
        recipient: Option<String>,
    },
    /// Save or Send test email found `fields` fields to fix; nothing was sent.
    Invalid {
        fields: usize,
        operation: Operation,
    },
    /// The test mail needs the password typed (the field says why).
    PasswordNeeded(FieldError),
    Failed(Failure),
}

/// What reading the settings back after a save found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveCheck {
    Reading,
    /// Command Center has every setting as it was sent.
    Kept,
    NotKept(Vec<NotKept>),
    /// The read failed: the save is not checked, and the page does not claim it is.
    Unchecked(Failure),
}

impl FormStatus {
    /// Whether it went as asked (a polite status), or the administrator has to act (an alert).
    pub fn is_success(&self) -> bool {
        match self {
            FormStatus::Saved { check, .. } => {
                matches!(check, SaveCheck::Reading | SaveCheck::Kept)
            }
            FormStatus::TestMailSent { .. }
            | FormStatus::TheirsLoaded
            | FormStatus::LoadedSavedElsewhere { .. } => true,
            FormStatus::Invalid { .. } | FormStatus::PasswordNeeded(_) | FormStatus::Failed(_) => {
                false
            }
        }
    }
}

/// Why Save or Send test email is off, said under them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonsOff {
    Loading,
    LoadFailed,
    Saving,
    Testing,
    /// Command Center's settings are being read again (before or after a save, or for what
    /// another tab saved).
    Reading,
    Unchanged,
}

/// The form as it stands when the administrator presses a button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormSnapshot {
    pub connection: ConnectionForm,
    pub settings: SettingsForm,
    /// What Command Center holds, as last loaded or saved.
    pub baseline: Baseline,
    /// Where a test mail goes, when the page knows it ([`super::login::Session::test_mail_recipient`]).
    pub recipient: Option<String>,
}

/// A save waiting for, then going through, the administrator's confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveAttempt {
    pub connection: ApiConnection,
    pub request: SaveRequest,
    /// The form as it was when Save was pressed, to tell later edits apart.
    pub submitted: SettingsForm,
    /// What Command Center will hold once the save succeeds.
    pub saved: SettingsForm,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestAttempt {
    pub connection: ApiConnection,
    pub request: TestMailRequest,
    /// As typed, to mask it out of whatever the server answers.
    pub password: Secret,
    pub recipient: Option<String>,
}

/// The read-back after a successful save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadBack {
    pub connection: ApiConnection,
    /// What was sent, as Command Center should now hold it.
    pub sent: SettingsForm,
}

/// A call the page makes. `Load`, `Recheck` and `Reload` read the settings with the page's
/// current connection; the others carry their own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Call {
    Load,
    /// The re-read while the review is open.
    Recheck,
    Save(Box<SaveAttempt>),
    ReadBack(Box<ReadBack>),
    /// What another tab saved, read into the form as it stands.
    Reload(Box<FormSnapshot>),
    TestMail(Box<TestAttempt>),
}

/// What the page does after a button was pressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterPress {
    Nothing,
    /// Show the review of [`PageFlow::under_review`], and make `meanwhile` while the
    /// administrator reads it.
    Review {
        meanwhile: Call,
    },
    Run(Call),
    /// Something is wrong with this field: take the administrator there.
    Focus(Field),
}

/// What the page does after a call ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterCall {
    Nothing,
    /// Command Center no longer takes the token: ask to sign in again, then run the call again.
    AskToSignInAgain,
    /// Put what Command Center holds into the form (edits made meanwhile stay).
    ShowLoaded(Baseline),
    /// As `ShowLoaded`, then take the administrator to `focus`, if any: the review closed over
    /// settings that changed meanwhile.
    ShowCurrent {
        now: Baseline,
        focus: Option<Field>,
    },
    /// Replace the form by what Command Center holds, edits included.
    ShowTheirs(Baseline),
    /// The form as saved is the new starting point (edits made meanwhile stay); then
    /// `read_back` checks what Command Center kept.
    ShowSaved {
        submitted: SettingsForm,
        saved: SettingsForm,
        read_back: Call,
    },
    /// Close the review, if open, and start `Call` (already marked as on its way).
    Run(Call),
    /// Stop the call on its way: nothing waits for its answer any more.
    Cancel,
}

/// The settings page's state between the administrator and Command Center.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageFlow {
    load: LoadState,
    saving: bool,
    sending_test: bool,
    /// A re-read, read-back or reload is on its way.
    reading: bool,
    status: Option<FormStatus>,
    under_review: Option<Review>,
    /// Another tab saved settings for the same Command Center since this one loaded them.
    saved_elsewhere: bool,
    /// The call that met a 401, to run again once signed in again.
    retry: Option<Call>,
}

impl PageFlow {
    /// A page that is loading the settings (its first call).
    pub fn new() -> Self {
        Self::default()
    }

    pub fn load(&self) -> &LoadState {
        &self.load
    }

    pub fn status(&self) -> Option<&FormStatus> {
        self.status.as_ref()
    }

    pub fn saving(&self) -> bool {
        self.saving
    }

    pub fn sending_test(&self) -> bool {
        self.sending_test
    }

    /// A call is on its way: no other starts meanwhile.
    pub fn busy(&self) -> bool {
        self.saving || self.sending_test || self.reading || self.load == LoadState::Loading
    }

    /// Whether Save can do anything: there are changes, the page knows what Command Center
    /// holds, and no call is on its way.
    pub fn can_save(&self, dirty: bool) -> bool {
        dirty && self.load.baseline_known() && !self.busy()
    }

    /// Why Save or Send test email is off; `None` while both are on, or while the one that is
    /// busy says so itself ("Saving…", "Sending…").
    pub fn buttons_off_because(&self, dirty: bool) -> Option<ButtonsOff> {
        Some(match &self.load {
            LoadState::Loading => ButtonsOff::Loading,
            LoadState::Failed(_) => ButtonsOff::LoadFailed,
            LoadState::Loaded { .. } | LoadState::StartedEmpty => {
                if self.saving {
                    ButtonsOff::Saving
                } else if self.sending_test {
                    ButtonsOff::Testing
                } else if self.reading {
                    ButtonsOff::Reading
                } else if !dirty {
                    ButtonsOff::Unchanged
                } else {
                    return None;
                }
            }
        })
    }

    /// The save under review, while the review is open.
    pub fn under_review(&self) -> Option<&Review> {
        self.under_review.as_ref()
    }

    /// Whether to offer "Load the saved settings" for what another tab saved.
    pub fn saved_elsewhere(&self) -> bool {
        self.saved_elsewhere
    }

    /// "Try again" after a failed load.
    pub fn retry_load(&mut self) -> AfterPress {
        if self.busy() {
            return AfterPress::Nothing;
        }
        self.load = LoadState::Loading;
        AfterPress::Run(Call::Load)
    }

    /// "Start from an empty form" after a failed load.
    pub fn start_empty(&mut self) -> AfterCall {
        self.load = LoadState::StartedEmpty;
        AfterCall::ShowLoaded(Baseline::NotConfigured)
    }

    pub fn load_finished(
        &mut self,
        connection: &ApiConnection,
        outcome: Result<Baseline, ApiError>,
    ) -> AfterCall {
        // The administrator started from an empty form meanwhile: this answer is too late.
        if self.load != LoadState::Loading {
            return AfterCall::Nothing;
        }
        match outcome {
            Ok(baseline) => {
                self.load = LoadState::Loaded {
                    configured: matches!(baseline, Baseline::Configured(_)),
                };
                AfterCall::ShowLoaded(baseline)
            }
            Err(error) => {
                self.load =
                    LoadState::Failed(Failure::of(&error, Operation::Load, connection, None));
                self.ask_again_on_401(&error, Call::Load)
            }
        }
    }

    /// Save: the changes go to review when the form is valid; otherwise the first wrong field
    /// gets the focus and nothing is sent.
    pub fn save_pressed(&mut self, form: FormSnapshot) -> AfterPress {
        let changed = changes(&form.baseline, &form.settings);
        // The button is disabled then, but Enter in a field still submits the form.
        if !self.can_save(!changed.is_empty()) {
            return AfterPress::Nothing;
        }
        match validate(&form.connection, &form.settings, &form.baseline) {
            Err(errors) => self.report_invalid(&errors, Operation::Save),
            Ok(valid) => {
                self.status = None;
                let attempt = SaveAttempt {
                    connection: valid.connection,
                    request: save_request(&valid.settings, &form.baseline),
                    saved: valid.settings.saved_form(),
                    submitted: form.settings.clone(),
                };
                self.under_review = Some(Review::new(form, attempt, changed));
                self.start(&Call::Recheck);
                AfterPress::Review {
                    meanwhile: Call::Recheck,
                }
            }
        }
    }

    /// "Discard changes": what the last save or test said no longer applies to the form.
    pub fn clear_status(&mut self) {
        self.status = None;
    }

    /// The review closed without a save (Back to the form, Escape). Over settings that changed
    /// meanwhile the form takes them, the administrator's edits kept, so that the next Save is
    /// compared with what Command Center has now; what stopped the save gets the focus. A re-read
    /// still on its way is stopped.
    pub fn review_closed(&mut self) -> AfterCall {
        match self.under_review.take().map(|review| review.recheck) {
            Some(Recheck::Changed { now, merged, .. }) => AfterCall::ShowCurrent {
                now,
                focus: merged.err().and_then(|errors| errors.first()),
            },
            // Otherwise Save and Send test email would stay off until the re-read answered.
            Some(Recheck::Reading) => AfterCall::Cancel,
            _ => AfterCall::Nothing,
        }
    }

    /// Confirm in the review (also "Apply my changes" and "Save anyway"): the save goes out,
    /// or, while the re-read is on its way, as soon as it has found nothing changed.
    pub fn confirm(&mut self) -> AfterPress {
        if self.saving || self.sending_test {
            return AfterPress::Nothing;
        }
        let Some(review) = &mut self.under_review else {
            return AfterPress::Nothing;
        };
        if review.recheck == Recheck::Reading {
            review.confirm_waiting = true;
            return AfterPress::Nothing;
        }
        match review.save() {
            Some(attempt) => {
                self.under_review = None;
                self.run(Call::Save(Box::new(attempt)))
            }
            None => AfterPress::Nothing,
        }
    }

    /// "Discard mine and load theirs" in the review of settings that changed meanwhile.
    pub fn load_theirs(&mut self) -> AfterCall {
        let Some(Review {
            recheck: Recheck::Changed { now, .. },
            ..
        }) = self.under_review.take()
        else {
            return AfterCall::Nothing;
        };
        self.load = LoadState::Loaded {
            configured: matches!(now, Baseline::Configured(_)),
        };
        self.status = Some(FormStatus::TheirsLoaded);
        AfterCall::ShowTheirs(now)
    }

    /// The re-read before the save answered. A review closed meanwhile no longer wants it.
    pub fn recheck_finished(&mut self, outcome: Result<Baseline, ApiError>) -> AfterCall {
        self.reading = false;
        if outcome == Err(ApiError::Unauthorized) && self.under_review.is_some() {
            return self.ask_again_on_401(&ApiError::Unauthorized, Call::Recheck);
        }
        let Some(review) = &mut self.under_review else {
            return AfterCall::Nothing;
        };
        match outcome {
            Ok(now) => review.reread(now),
            Err(error) => review.recheck_failed(&error),
        }
        if review.confirm_waiting && review.recheck == Recheck::Unchanged {
            if let AfterPress::Run(call) = self.confirm() {
                return AfterCall::Run(call);
            }
        }
        AfterCall::Nothing
    }

    /// Another tab saved settings for this Command Center.
    pub fn heard_saved_elsewhere(&mut self) {
        self.saved_elsewhere = true;
    }

    /// "Load the saved settings" after another tab saved: read them into the form as it stands.
    pub fn load_saved_elsewhere(&mut self, form: FormSnapshot) -> AfterPress {
        if self.busy() {
            return AfterPress::Nothing;
        }
        self.saved_elsewhere = false;
        self.run(Call::Reload(Box::new(form)))
    }

    pub fn reload_finished(
        &mut self,
        connection: &ApiConnection,
        form: FormSnapshot,
        outcome: Result<Baseline, ApiError>,
    ) -> AfterCall {
        self.reading = false;
        match outcome {
            Ok(now) => {
                let theirs = their_changes(&form.baseline, &now, &form.settings);
                self.status = Some(FormStatus::LoadedSavedElsewhere {
                    changed: theirs.len(),
                    kept_mine: theirs.into_iter().filter(|t| t.both_changed).collect(),
                });
                self.load = LoadState::Loaded {
                    configured: matches!(now, Baseline::Configured(_)),
                };
                AfterCall::ShowLoaded(now)
            }
            Err(error) => {
                self.status = Some(FormStatus::Failed(Failure::of(
                    &error,
                    Operation::Load,
                    connection,
                    None,
                )));
                self.ask_again_on_401(&error, Call::Reload(Box::new(form)))
            }
        }
    }

    pub fn save_finished(
        &mut self,
        attempt: SaveAttempt,
        outcome: Result<(), ApiError>,
    ) -> AfterCall {
        self.saving = false;
        match outcome {
            Ok(()) => {
                self.status = Some(FormStatus::Saved {
                    server: attempt.saved.smtp_server.clone(),
                    port: attempt.saved.smtp_port.clone(),
                    check: SaveCheck::Reading,
                });
                let read_back = Call::ReadBack(Box::new(ReadBack {
                    connection: attempt.connection,
                    sent: attempt.saved.clone(),
                }));
                self.start(&read_back);
                AfterCall::ShowSaved {
                    submitted: attempt.submitted,
                    saved: attempt.saved,
                    read_back,
                }
            }
            Err(error) => {
                let typed = Secret::new(attempt.submitted.password.as_str());
                self.status = Some(FormStatus::Failed(Failure::of(
                    &error,
                    Operation::Save,
                    &attempt.connection,
                    Some(&typed),
                )));
                self.ask_again_on_401(&error, Call::Save(Box::new(attempt)))
            }
        }
    }

    /// The read-back after a save answered: the status says what Command Center kept, and the
    /// form shows what it has.
    pub fn read_back_finished(
        &mut self,
        attempt: ReadBack,
        outcome: Result<Baseline, ApiError>,
    ) -> AfterCall {
        self.reading = false;
        let (check, after) = match outcome {
            Err(ApiError::Unauthorized) => {
                return self
                    .ask_again_on_401(&ApiError::Unauthorized, Call::ReadBack(Box::new(attempt)));
            }
            Err(error) => (
                SaveCheck::Unchecked(Failure::of(
                    &error,
                    Operation::ReadBack,
                    &attempt.connection,
                    None,
                )),
                AfterCall::Nothing,
            ),
            Ok(read) => {
                let lost = not_kept(&attempt.sent, &read);
                let check = if lost.is_empty() {
                    SaveCheck::Kept
                } else {
                    SaveCheck::NotKept(lost)
                };
                (check, AfterCall::ShowLoaded(read))
            }
        };
        self.set_save_check(check);
        after
    }

    fn set_save_check(&mut self, found: SaveCheck) {
        if let Some(FormStatus::Saved { check, .. }) = &mut self.status {
            *check = found;
        }
    }

    /// Send test email: the settings on the page go out when they are valid and complete.
    pub fn test_pressed(&mut self, form: FormSnapshot) -> AfterPress {
        if self.busy() {
            return AfterPress::Nothing;
        }
        let valid = match validate(&form.connection, &form.settings, &form.baseline) {
            Err(errors) => return self.report_invalid(&errors, Operation::TestMail),
            Ok(valid) => valid,
        };
        match test_mail_request(&valid.settings, &form.baseline) {
            Err(problem) => {
                self.status = Some(FormStatus::PasswordNeeded(problem));
                AfterPress::Focus(Field::Password)
            }
            Ok(request) => {
                self.status = None;
                self.run(Call::TestMail(Box::new(TestAttempt {
                    connection: valid.connection,
                    request,
                    password: Secret::new(form.settings.password),
                    recipient: form.recipient,
                })))
            }
        }
    }

    pub fn test_finished(
        &mut self,
        attempt: TestAttempt,
        outcome: Result<(), ApiError>,
    ) -> AfterCall {
        self.sending_test = false;
        match outcome {
            Ok(()) => {
                self.status = Some(FormStatus::TestMailSent {
                    recipient: attempt.recipient,
                });
                AfterCall::Nothing
            }
            Err(error) => {
                self.status = Some(FormStatus::Failed(Failure::of(
                    &error,
                    Operation::TestMail,
                    &attempt.connection,
                    Some(&attempt.password),
                )));
                self.ask_again_on_401(&error, Call::TestMail(Box::new(attempt)))
            }
        }
    }

    /// Signed in again after a 401: the call that met it runs once more, with the new token.
    pub fn signed_in_again(&mut self, token: &Secret) -> AfterPress {
        let Some(mut call) = self.retry.take() else {
            return AfterPress::Nothing;
        };
        if let Some(review) = &mut self.under_review {
            review.use_token(token);
        }
        match &mut call {
            Call::Load => self.load = LoadState::Loading,
            Call::Recheck | Call::Reload(_) => {}
            Call::Save(attempt) => attempt.connection.token = token.clone(),
            Call::ReadBack(attempt) => attempt.connection.token = token.clone(),
            Call::TestMail(attempt) => attempt.connection.token = token.clone(),
        }
        if matches!(call, Call::Save(_) | Call::TestMail(_) | Call::Reload(_)) {
            self.status = None;
        }
        self.run(call)
    }

    /// The "Sign in again" dialog closed without a new sign-in: nothing is left waiting. The call
    /// that was waiting, if one, tells the page which button to give the focus back to.
    pub fn sign_in_again_dismissed(&mut self) -> Option<Call> {
        let call = self.retry.take();
        match &call {
            // The review stays open: the administrator may still save without the check.
            Some(Call::Recheck) => {
                if let Some(review) = &mut self.under_review {
                    review.recheck_failed(&ApiError::Unauthorized);
                }
            }
            Some(Call::ReadBack(attempt)) => {
                self.set_save_check(SaveCheck::Unchecked(Failure::of(
                    &ApiError::Unauthorized,
                    Operation::ReadBack,
                    &attempt.connection,
                    None,
                )));
            }
            _ => {}
        }
        call
    }

    /// Marks the call as on its way and has the page start it.
    fn run(&mut self, call: Call) -> AfterPress {
        self.start(&call);
        AfterPress::Run(call)
    }

    fn start(&mut self, call: &Call) {
        match call {
            Call::Load => {}
            Call::Recheck | Call::ReadBack(_) | Call::Reload(_) => self.reading = true,
            Call::Save(_) => self.saving = true,
            Call::TestMail(_) => self.sending_test = true,
        }
    }

    fn ask_again_on_401(&mut self, error: &ApiError, call: Call) -> AfterCall {
        if *error == ApiError::Unauthorized {
            self.retry = Some(call);
            AfterCall::AskToSignInAgain
        } else {
            AfterCall::Nothing
        }
    }

    fn report_invalid(&mut self, errors: &FieldErrors, operation: Operation) -> AfterPress {
        self.status = Some(FormStatus::Invalid {
            fields: errors.len(),
            operation,
        });
        errors
            .first()
            .map_or(AfterPress::Nothing, AfterPress::Focus)
    }
}

#[cfg(test)]
mod tests;
