//! What the settings page does when the administrator acts and when Command Center answers:
//! loading the settings, saving them after a review, sending a test mail, and running a call
//! once more after signing in again.
//!
//! The page keeps one [`PageFlow`] in a signal, hands it every event and does what it answers
//! (open a dialog, move the focus, start a call). The calls themselves run in the page's
//! `Action`s; their outcomes come back here.

use super::changes::{changes, Change};
use super::errors::{ApiError, Operation};
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

impl FormStatus {
    /// Whether it went as asked (a polite status), or the administrator has to act (an alert).
    pub fn is_success(&self) -> bool {
        matches!(
            self,
            FormStatus::Saved { .. } | FormStatus::TestMailSent { .. }
        )
    }
}

/// Why Save or Send test email is off, said under them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonsOff {
    Loading,
    LoadFailed,
    Saving,
    Testing,
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

/// A call the page makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Call {
    Load,
    Save(Box<SaveAttempt>),
    TestMail(Box<TestAttempt>),
}

/// What the page does after a button was pressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterPress {
    Nothing,
    /// Show the review of [`PageFlow::under_review`] and wait for Confirm.
    Review,
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
    /// The form as saved is the new starting point (edits made meanwhile stay).
    ShowSaved {
        submitted: SettingsForm,
        saved: SettingsForm,
    },
}

/// The settings page's state between the administrator and Command Center.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageFlow {
    load: LoadState,
    saving: bool,
    sending_test: bool,
    status: Option<FormStatus>,
    under_review: Option<(SaveAttempt, Vec<Change>)>,
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
        self.saving || self.sending_test || self.load == LoadState::Loading
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
                } else if !dirty {
                    ButtonsOff::Unchanged
                } else {
                    return None;
                }
            }
        })
    }

    /// The changes the review dialog shows, while it is open.
    pub fn under_review(&self) -> Option<&[Change]> {
        self.under_review
            .as_ref()
            .map(|(_, changes)| changes.as_slice())
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
                    submitted: form.settings,
                };
                self.under_review = Some((attempt, changed));
                AfterPress::Review
            }
        }
    }

    /// "Discard changes": what the last save or test said no longer applies to the form.
    pub fn clear_status(&mut self) {
        self.status = None;
    }

    /// The review dialog closed, whichever way.
    pub fn review_closed(&mut self) {
        self.under_review = None;
    }

    /// Confirm in the review: the save under review goes out.
    pub fn confirm(&mut self) -> AfterPress {
        match self.under_review.take() {
            Some((attempt, _)) if !self.busy() => self.run(Call::Save(Box::new(attempt))),
            _ => AfterPress::Nothing,
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
                });
                AfterCall::ShowSaved {
                    submitted: attempt.submitted,
                    saved: attempt.saved,
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
        match &mut call {
            Call::Load => self.load = LoadState::Loading,
            Call::Save(attempt) => attempt.connection.token = token.clone(),
            Call::TestMail(attempt) => attempt.connection.token = token.clone(),
        }
        if !matches!(call, Call::Load) {
            self.status = None;
        }
        self.run(call)
    }

    /// The "Sign in again" dialog closed without a new sign-in: nothing is left waiting. The call
    /// that was waiting, if one, tells the page which button to give the focus back to.
    pub fn sign_in_again_dismissed(&mut self) -> Option<Call> {
        self.retry.take()
    }

    /// Marks the call as on its way; the page starts it.
    fn run(&mut self, call: Call) -> AfterPress {
        match &call {
            Call::Load => {}
            Call::Save(_) => self.saving = true,
            Call::TestMail(_) => self.sending_test = true,
        }
        AfterPress::Run(call)
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
