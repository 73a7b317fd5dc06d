//! The review before a save, and the re-read of Command Center's settings that goes with it
//! (`crate::core::recheck`): what Confirm sends depends on what that re-read finds.

use super::{Failure, FormSnapshot, SaveAttempt};
use crate::core::changes::{changes, Change};
use crate::core::errors::{ApiError, Operation};
use crate::core::recheck::{apply_mine, their_changes, TheirChange};
use crate::core::requests::save_request;
use crate::core::secret::Secret;
use crate::core::settings::Baseline;
use crate::core::validation::{validate, FieldErrors};

/// A save under review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// What Confirm changes in Command Center, in page order: against what the page loaded,
    /// or, once the re-read found other settings there, against those.
    pub changes: Vec<Change>,
    pub recheck: Recheck,
    /// Confirm was pressed before the re-read answered: the save goes as soon as it finds
    /// nothing changed.
    pub confirm_waiting: bool,
    /// The form as Save found it.
    pressed: FormSnapshot,
    /// The save of the administrator's changes onto what the page loaded.
    attempt: SaveAttempt,
}

/// What the re-read before the save found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recheck {
    Reading,
    /// Command Center has what the page loaded.
    Unchanged,
    /// Someone changed the settings since the page loaded them.
    Changed {
        theirs: Vec<TheirChange>,
        now: Baseline,
        /// The administrator's changes applied to `now`, or what is wrong with them there as
        /// typed (most often the saved password, which `now` no longer lets the page reuse).
        merged: Result<Box<SaveAttempt>, FieldErrors>,
    },
    /// The settings could not be read: the administrator may save anyway, unchecked.
    Failed(Failure),
}

/// What the review's main button does now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmAction {
    /// Command Center has what was loaded, or the re-read is still on its way.
    Confirm,
    /// Confirm was pressed; it goes once the re-read has answered.
    Waiting,
    /// The settings changed meanwhile: save the administrator's changes onto them.
    ApplyMine,
    /// The settings changed, and the administrator's changes cannot go onto them as typed.
    Blocked,
    /// The re-read failed: save without knowing.
    SaveAnyway,
}

impl Review {
    pub(super) fn new(pressed: FormSnapshot, attempt: SaveAttempt, changes: Vec<Change>) -> Self {
        Review {
            changes,
            recheck: Recheck::Reading,
            confirm_waiting: false,
            pressed,
            attempt,
        }
    }

    pub fn confirm_action(&self) -> ConfirmAction {
        match &self.recheck {
            Recheck::Reading if self.confirm_waiting => ConfirmAction::Waiting,
            Recheck::Reading | Recheck::Unchanged => ConfirmAction::Confirm,
            Recheck::Changed { merged: Ok(_), .. } => ConfirmAction::ApplyMine,
            Recheck::Changed { merged: Err(_), .. } => ConfirmAction::Blocked,
            Recheck::Failed(_) => ConfirmAction::SaveAnyway,
        }
    }

    /// Whether the save updates settings Command Center has (rather than configuring it first),
    /// as far as the page knows: a re-read may find settings where none were loaded.
    pub fn updates(&self) -> bool {
        let target = match &self.recheck {
            Recheck::Changed { now, .. } => now,
            _ => &self.pressed.baseline,
        };
        matches!(target, Baseline::Configured(_))
    }

    /// The save Confirm sends now, if it may send one.
    pub(super) fn save(&self) -> Option<SaveAttempt> {
        match &self.recheck {
            Recheck::Unchanged | Recheck::Failed(_) => Some(self.attempt.clone()),
            Recheck::Changed {
                merged: Ok(merged), ..
            } => Some(merged.as_ref().clone()),
            Recheck::Reading | Recheck::Changed { merged: Err(_), .. } => None,
        }
    }

    /// Signed in again while the review was open: Confirm saves with the new token.
    pub(super) fn use_token(&mut self, token: &Secret) {
        self.attempt.connection.token = token.clone();
        if let Recheck::Changed {
            merged: Ok(merged), ..
        } = &mut self.recheck
        {
            merged.connection.token = token.clone();
        }
    }

    /// The re-read could not say what Command Center has.
    pub(super) fn recheck_failed(&mut self, error: &ApiError) {
        self.recheck = Recheck::Failed(Failure::of(
            error,
            Operation::Recheck,
            &self.attempt.connection,
            None,
        ));
    }

    /// Command Center's settings as the re-read found them: compared with what the page loaded,
    /// and, where they differ, the administrator's changes applied to them and checked as if the
    /// page had loaded them (the saved password included).
    pub(super) fn reread(&mut self, now: Baseline) {
        let loaded = &self.pressed.baseline;
        let theirs = their_changes(loaded, &now, &self.pressed.settings);
        if theirs.is_empty() {
            self.recheck = Recheck::Unchanged;
            return;
        }
        let merged = apply_mine(loaded, &self.pressed.settings, &now);
        self.changes = changes(&now, &merged);
        let attempt = validate(&self.pressed.connection, &merged, &now).map(|valid| {
            Box::new(SaveAttempt {
                // The connection the review saves with: signing in again renews its token.
                connection: self.attempt.connection.clone(),
                request: save_request(&valid.settings, &now),
                saved: valid.settings.saved_form(),
                submitted: self.pressed.settings.clone(),
            })
        });
        // A choice is the administrator's to make now: a press of Confirm before does not count.
        self.confirm_waiting = false;
        self.recheck = Recheck::Changed {
            theirs,
            now,
            merged: attempt,
        };
    }
}
