//! The session engine: the protocol between the draft being edited and storage, in plain
//! Rust. It knows which draft is open and which revision of it this page last read or
//! wrote; it decides when a save is owed, writes revision-checked, follows or questions
//! another tab's writes, switches drafts, and plans imports. The browser ring calls these
//! methods and shows their outcomes; it keeps no protocol state of its own.
//!
//! Time comes in as [`Now`]: the wall clock only stamps entries (`saved_at`, ids) and is
//! validated first; when a save is owed is measured on the monotonic clock, clamped so a
//! clock that freezes or runs backwards can delay a save but never stop the maximum wait
//! (the browser ring also arms a timer for it, which needs no clock at all).

use super::save_state::overdue;
use super::{new_draft_id, DraftRepository, KeyValueStore, LoadOutcome, SaveError, StoreError};
use crate::model::persisted::{decode, DecodeError, StoredDraft, SCHEMA_VERSION};
use crate::model::step::{self, Step};
use crate::model::Draft;

/// The two clocks: `wall` (ms since the epoch, `Date.now()`) stamps entries; `mono`
/// (`performance.now()`) measures how long a change has waited.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Now {
    pub wall: f64,
    pub mono: f64,
}

/// A wall-clock time fit to be stored: finite, after 1970 and before the year 275760
/// (the range of a JavaScript `Date`).
pub fn valid_wall_time(ms: f64) -> Option<f64> {
    (ms.is_finite() && (0.0..=8.64e15).contains(&ms)).then_some(ms)
}

/// The stored form of a draft as it is now. Every snapshot (a save, a backup file, the
/// page's `getDraft()`) is made here, so they cannot drift apart.
pub fn snapshot(id: &str, revision: u64, saved_at: f64, step: Step, draft: Draft) -> StoredDraft {
    StoredDraft {
        schema: SCHEMA_VERSION,
        id: id.to_string(),
        revision,
        saved_at: valid_wall_time(saved_at).unwrap_or(0.0),
        step: step.key(),
        draft,
    }
}

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveOutcome {
    /// Storage already holds exactly this: nothing written.
    Unchanged,
    Saved,
    /// Another tab saved this draft since this page last read it: nothing written; the
    /// writer must choose ([`Session::conflict`] holds their version).
    Conflict,
    /// Storage refused (full, blocked): nothing written, nothing lost; retried on the
    /// next change.
    Failed(StoreError),
}

/// What to do about another tab's write to storage.
#[derive(Clone, Debug, PartialEq)]
pub enum ForeignWrite {
    /// Not about the open draft, not newer than what this page has, or unreadable.
    Ignore,
    /// This page had nothing unsaved: show their version (already adopted here).
    Follow { draft: Box<Draft>, step: Step },
    /// This page has unsaved changes: ask the writer ([`Session::conflict`] is set).
    Ask,
    /// Another tab deleted the open draft. This page keeps the text and owes a save, so
    /// closing it writes the draft back.
    Deleted,
}

/// The writer's choice in a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    TakeTheirs,
    KeepMine,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// Their version is now the one shown; `mine` is this page's text, to be offered as a
    /// file before it disappears from the screen.
    TookTheirs {
        draft: Box<Draft>,
        step: Step,
        mine: Box<StoredDraft>,
    },
    /// This page's version was saved over theirs (or the save's outcome says why not).
    KeptMine(SaveOutcome),
    /// There was no conflict to resolve.
    NoConflict,
}

/// Why the open draft could not be switched.
#[derive(Clone, Debug, PartialEq)]
pub enum SwitchError {
    /// The draft being edited could not be saved (a conflict to settle, or storage
    /// refused): switching would drop it, so nothing changed.
    CurrentNotSaved(SaveOutcome),
    /// The other draft cannot be read; it was set aside (see [`SetAside`]).
    Unreadable(DecodeError),
    /// The other draft is gone (deleted in another tab).
    Missing,
    /// Another tab saved it in the same instant: nothing written; try again.
    ChangedElsewhere,
    Store(StoreError),
}

/// Why a rename on the drafts page was not stored.
#[derive(Clone, Debug, PartialEq)]
pub enum RenameError {
    /// Storage refused the write (full, or failing). `renamed` is the draft with its new
    /// name, for the writer to keep as a file: the typed name is never only on screen.
    NotStored {
        error: StoreError,
        renamed: Box<StoredDraft>,
    },
    /// The draft is missing, unreadable or was just saved elsewhere: nothing written.
    Other(SwitchError),
}

/// A draft switched to: show this.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub id: String,
    pub draft: Draft,
    pub step: Step,
}

/// How the session began.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// Nothing stored: a fresh draft, not written until it changes.
    Fresh,
    Restored,
    /// The last draft cannot be read: it was set aside untouched, a fresh draft opened.
    Unreadable {
        error: DecodeError,
        raw: String,
    },
    /// Storage refused: a fresh draft, held only by the page.
    Failed(StoreError),
}

/// One draft of an imported backup file, and what will happen to it.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportAction {
    /// A new id here: added as it is.
    Add(StoredDraft),
    /// Replaces the stored draft of the same id; `base` is the local revision the writer
    /// agreed to replace (a newer save in another tab since is not overwritten).
    Replace { draft: StoredDraft, base: u64 },
    /// The writer kept the local draft: the imported one comes in beside it, renamed.
    KeepBoth(StoredDraft),
}

/// What an import wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    pub added: usize,
    pub replaced: usize,
    /// Drafts not replaced because another tab saved them after the writer was asked.
    pub skipped: Vec<String>,
    /// The draft open here was replaced: show it (already adopted).
    pub reopened: Option<Opened>,
}

/// An entry that could not be read, kept as it was until the writer deals with it.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    /// Its storage key (to download or remove it).
    pub key: String,
    /// The draft id it was stored under.
    pub id: String,
    /// When it was set aside (ms since the epoch), or `None` when it is still under its
    /// own key (never opened here).
    pub at: Option<f64>,
    pub raw: String,
    pub error: DecodeError,
}

pub struct Session<S: KeyValueStore> {
    repo: DraftRepository<S>,
    id: String,
    /// The revision of this draft that this page last read or wrote.
    revision: u64,
    /// What storage holds for this draft (or, for a fresh draft, what needs no saving).
    /// `None`: a save is owed whatever the draft says.
    stored: Option<(Draft, Step)>,
    /// The last save failed: retry even if nothing changed since.
    retry: bool,
    conflict: Option<StoredDraft>,
    /// Monotonic time of the oldest unsaved change.
    first_unsaved: Option<f64>,
    /// The latest monotonic time seen (the clock is clamped to never run backwards).
    mono: f64,
    /// The latest valid wall-clock time seen.
    wall: f64,
}

impl<S: KeyValueStore> Session<S> {
    /// Opens the draft the writer last worked on, or `fresh` under a new id.
    pub fn start(
        repo: DraftRepository<S>,
        fresh: Draft,
        now: Now,
        random: f64,
    ) -> (Self, Opened, Start) {
        let mut session = Session {
            repo,
            id: String::new(),
            revision: 0,
            stored: None,
            retry: false,
            conflict: None,
            first_unsaved: None,
            mono: f64::NEG_INFINITY,
            wall: 0.0,
        };
        let wall = session.wall(now.wall);
        session.clock(now.mono);
        let new_id = new_draft_id(wall, random);
        let (opened, start) = match session.repo.load_current(wall) {
            Ok(LoadOutcome::Restored(stored)) => {
                let wanted = Step::parse(&stored.step).unwrap_or(Step::Header);
                (session.adopt(*stored, wanted), Start::Restored)
            }
            other => {
                let start = match other {
                    Ok(LoadOutcome::Unreadable { error, raw, .. }) => {
                        Start::Unreadable { error, raw }
                    }
                    Err(e) => Start::Failed(e),
                    _ => Start::Fresh,
                };
                session.id = new_id.clone();
                // An untouched blank draft is not written.
                session.stored = Some((fresh.clone(), Step::Header));
                let opened = Opened {
                    id: new_id,
                    draft: fresh,
                    step: Step::Header,
                };
                (opened, start)
            }
        };
        (session, opened, start)
    }

    pub fn repo(&self) -> &DraftRepository<S> {
        &self.repo
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Another tab's version, while the writer has not chosen.
    pub fn conflict(&self) -> Option<&StoredDraft> {
        self.conflict.as_ref()
    }

    /// A snapshot of `draft` as this session's draft (for a backup file or `getDraft()`).
    pub fn snapshot_of(&mut self, draft: Draft, step: Step, now: Now) -> StoredDraft {
        let wall = self.wall(now.wall);
        snapshot(&self.id, 0, wall, step, draft)
    }

    fn wall(&mut self, wall: f64) -> f64 {
        if let Some(ms) = valid_wall_time(wall) {
            self.wall = ms;
        }
        self.wall
    }

    fn clock(&mut self, mono: f64) -> f64 {
        if mono.is_finite() && mono > self.mono {
            self.mono = mono;
        }
        self.mono
    }

    /// The draft changed. Returns whether a save is overdue: the oldest unsaved change has
    /// waited [`super::save_state::MAX_WAIT_MS`] while typing went on.
    pub fn changed(&mut self, now: Now) -> bool {
        let t = self.clock(now.mono);
        self.first_unsaved.get_or_insert(t);
        overdue(self.first_unsaved, t)
    }

    /// Whether `draft` differs from what storage holds.
    pub fn unsaved(&self, draft: &Draft) -> bool {
        self.stored.as_ref().is_none_or(|(d, _)| d != draft)
    }

    /// Saves `draft` unless storage already holds it, revision-checked.
    pub fn save(&mut self, draft: &Draft, step: Step, now: Now) -> SaveOutcome {
        self.first_unsaved = None;
        if self.conflict.is_some() {
            return SaveOutcome::Conflict;
        }
        let same = self
            .stored
            .as_ref()
            .is_some_and(|(d, s)| d == draft && *s == step);
        if same && !self.retry {
            return SaveOutcome::Unchanged;
        }
        let wall = self.wall(now.wall);
        let stored = snapshot(&self.id, self.revision + 1, wall, step, draft.clone());
        match self.repo.save_checked(&stored, self.revision) {
            Ok(()) => {
                self.revision = stored.revision;
                self.stored = Some((stored.draft, step));
                self.retry = false;
                SaveOutcome::Saved
            }
            Err(SaveError::Conflict { theirs }) => {
                self.conflict = Some(*theirs);
                SaveOutcome::Conflict
            }
            Err(SaveError::Store(e)) => {
                self.retry = true;
                SaveOutcome::Failed(e)
            }
        }
    }

    /// Makes a stored draft the one being edited, as what is in storage now.
    fn adopt(&mut self, mut theirs: StoredDraft, wanted: Step) -> Opened {
        let step = step::resume(&mut theirs.draft, wanted);
        self.id = theirs.id.clone();
        self.revision = theirs.revision;
        self.stored = Some((theirs.draft.clone(), step));
        self.retry = false;
        self.conflict = None;
        self.first_unsaved = None;
        Opened {
            id: theirs.id,
            draft: theirs.draft,
            step,
        }
    }

    /// Another tab wrote `key` (a `storage` event): follow it if this page has nothing
    /// unsaved, else ask. `current` and `step` are what this page shows.
    pub fn on_foreign_write(
        &mut self,
        key: &str,
        new_value: Option<&str>,
        current: &Draft,
        step: Step,
    ) -> ForeignWrite {
        if key != self.repo.draft_key(&self.id) {
            return ForeignWrite::Ignore;
        }
        let Some(raw) = new_value else {
            if self.revision == 0 {
                // Never written from here: nothing was lost.
                return ForeignWrite::Ignore;
            }
            // Deleted elsewhere: this page still has the text; owe a save so it is not lost.
            self.stored = None;
            return ForeignWrite::Deleted;
        };
        let Ok(theirs) = decode(raw) else {
            return ForeignWrite::Ignore;
        };
        if theirs.id != self.id || theirs.revision <= self.revision {
            return ForeignWrite::Ignore;
        }
        if self.unsaved(current) {
            self.conflict = Some(theirs);
            ForeignWrite::Ask
        } else {
            let opened = self.adopt(theirs, step);
            ForeignWrite::Follow {
                draft: Box::new(opened.draft),
                step: opened.step,
            }
        }
    }

    /// Settles a conflict the way the writer chose.
    pub fn resolve(
        &mut self,
        choice: ConflictChoice,
        mine: &Draft,
        step: Step,
        now: Now,
    ) -> Resolved {
        let Some(theirs) = self.conflict.take() else {
            return Resolved::NoConflict;
        };
        match choice {
            ConflictChoice::TakeTheirs => {
                let wall = self.wall(now.wall);
                let rescue = snapshot(&self.id, 0, wall, step, mine.clone());
                let opened = self.adopt(theirs, step);
                Resolved::TookTheirs {
                    draft: Box::new(opened.draft),
                    step: opened.step,
                    mine: Box::new(rescue),
                }
            }
            ConflictChoice::KeepMine => {
                self.revision = theirs.revision;
                self.retry = true;
                Resolved::KeptMine(self.save(mine, step, now))
            }
        }
    }

    /// Saves the draft being edited, then opens the stored draft `id` and makes it current.
    pub fn open(
        &mut self,
        id: &str,
        current: &Draft,
        step: Step,
        now: Now,
    ) -> Result<Opened, SwitchError> {
        self.save_before_switch(current, step, now)?;
        let wall = self.wall(now.wall);
        match self.repo.load(id, wall) {
            Ok(LoadOutcome::Restored(stored)) => {
                let wanted = Step::parse(&stored.step).unwrap_or(Step::Header);
                let opened = self.adopt(*stored, wanted);
                self.repo.set_current(id).map_err(SwitchError::Store)?;
                Ok(opened)
            }
            Ok(LoadOutcome::Unreadable { error, .. }) => Err(SwitchError::Unreadable(error)),
            Ok(LoadOutcome::Fresh) => Err(SwitchError::Missing),
            Err(e) => Err(SwitchError::Store(e)),
        }
    }

    /// Saves the draft being edited, then starts `fresh` under a new id, written at once
    /// so it is in the drafts list.
    pub fn new_draft(
        &mut self,
        fresh: Draft,
        current: &Draft,
        step: Step,
        now: Now,
        random: f64,
    ) -> Result<(Opened, SaveOutcome), SwitchError> {
        self.save_before_switch(current, step, now)?;
        let wall = self.wall(now.wall);
        self.id = new_draft_id(wall, random);
        self.revision = 0;
        self.stored = None;
        self.retry = false;
        self.conflict = None;
        let outcome = self.save(&fresh, Step::Header, now);
        let opened = Opened {
            id: self.id.clone(),
            draft: fresh,
            step: Step::Header,
        };
        Ok((opened, outcome))
    }

    fn save_before_switch(
        &mut self,
        current: &Draft,
        step: Step,
        now: Now,
    ) -> Result<(), SwitchError> {
        match self.save(current, step, now) {
            SaveOutcome::Saved | SaveOutcome::Unchanged => Ok(()),
            other => Err(SwitchError::CurrentNotSaved(other)),
        }
    }

    /// Gives a stored draft (not the one open here) a new name, on top of what storage
    /// holds now: a newer save from another tab keeps its text, and that tab hears of it.
    /// When storage refuses the write, the renamed draft comes back for a file.
    pub fn rename(&mut self, id: &str, name: String, now: Now) -> Result<(), RenameError> {
        let wall = self.wall(now.wall);
        let mut stored = match self.repo.load(id, wall) {
            Ok(LoadOutcome::Restored(s)) => *s,
            Ok(LoadOutcome::Unreadable { error, .. }) => {
                return Err(RenameError::Other(SwitchError::Unreadable(error)))
            }
            Ok(LoadOutcome::Fresh) => return Err(RenameError::Other(SwitchError::Missing)),
            Err(e) => return Err(RenameError::Other(SwitchError::Store(e))),
        };
        let base = stored.revision;
        stored.draft.name = name;
        stored.revision = base + 1;
        stored.saved_at = wall;
        match self.repo.save_checked(&stored, base) {
            // The name is stored; only the current-draft pointer may have failed.
            Ok(()) => self.keep_current_pointer().map_err(RenameError::Other),
            Err(SaveError::Conflict { .. }) => {
                Err(RenameError::Other(SwitchError::ChangedElsewhere))
            }
            Err(SaveError::Store(error)) => {
                // Whether or not the draft's own key was written, the file has the name.
                stored.revision = 0;
                Err(RenameError::NotStored {
                    error,
                    renamed: Box::new(stored),
                })
            }
        }
    }

    /// `save` marks the saved draft current; the drafts page's writes must not move it.
    fn keep_current_pointer(&self) -> Result<(), SwitchError> {
        self.repo.set_current(&self.id).map_err(SwitchError::Store)
    }

    /// Removes a stored draft (not the one open here). Returns what to undo it with.
    pub fn delete(&mut self, id: &str) -> Result<Option<Deleted>, StoreError> {
        let Some(raw) = self.repo.delete(id)? else {
            return Ok(None);
        };
        Ok(Some(Deleted {
            id: id.to_string(),
            raw,
        }))
    }

    /// Puts a deleted draft back, unless another tab has saved it again since (then that
    /// newer version stays, and `Ok(false)` says so).
    pub fn undo_delete(&mut self, deleted: &Deleted) -> Result<bool, StoreError> {
        if self.repo.exists(&deleted.id)? {
            return Ok(false);
        }
        self.repo.restore(&deleted.id, &deleted.raw)?;
        Ok(true)
    }

    /// Stores `copy` under a new id (a copy made on the drafts page).
    pub fn add_copy(
        &mut self,
        mut copy: StoredDraft,
        now: Now,
        random: f64,
    ) -> Result<String, StoreError> {
        let wall = self.wall(now.wall);
        copy.id = new_draft_id(wall, random);
        copy.revision = 1;
        copy.saved_at = wall;
        self.repo.save(&copy)?;
        self.repo.set_current(&self.id)?;
        Ok(copy.id)
    }

    /// Decides, for each draft of a backup file, what importing it does. `replace` is
    /// asked only about drafts whose id is already stored here (true: replace it; false:
    /// keep both); `name_copy` names an imported copy kept beside a local draft.
    pub fn plan_import(
        &mut self,
        drafts: Vec<StoredDraft>,
        now: Now,
        random: f64,
        mut replace: impl FnMut(&StoredDraft) -> bool,
        name_copy: impl Fn(&StoredDraft) -> String,
    ) -> Result<Vec<ImportAction>, StoreError> {
        let wall = self.wall(now.wall);
        let mut plan = Vec::new();
        for (n, mut d) in drafts.into_iter().enumerate() {
            let local = match self.repo.load(&d.id, wall)? {
                LoadOutcome::Restored(s) => Some(s.revision),
                // An unreadable local entry was just set aside: nothing to replace.
                LoadOutcome::Unreadable { .. } | LoadOutcome::Fresh => None,
            };
            match local {
                None => plan.push(ImportAction::Add(d)),
                Some(base) if replace(&d) => plan.push(ImportAction::Replace { draft: d, base }),
                Some(_) => {
                    d.id = new_draft_id(wall, (random + n as f64 * 0.618_034).fract());
                    d.draft.name = name_copy(&d);
                    plan.push(ImportAction::KeepBoth(d));
                }
            }
        }
        Ok(plan)
    }

    /// Writes a planned import. A replaced draft gets a revision above the local one, so
    /// tabs that have it open see a newer version; one saved again elsewhere since the
    /// writer was asked is skipped. If the draft open here was replaced, it is reopened.
    pub fn apply_import(&mut self, plan: Vec<ImportAction>) -> Result<ImportReport, StoreError> {
        let mut report = ImportReport::default();
        for action in plan {
            match action {
                ImportAction::Add(d) | ImportAction::KeepBoth(d) => {
                    self.repo.save(&d)?;
                    report.added += 1;
                }
                ImportAction::Replace { mut draft, base } => {
                    draft.revision = draft.revision.max(base + 1);
                    match self.repo.save_checked(&draft, base) {
                        Ok(()) => report.replaced += 1,
                        Err(SaveError::Conflict { .. }) => report.skipped.push(draft.id.clone()),
                        Err(SaveError::Store(e)) => return Err(e),
                    }
                    if draft.id == self.id && report.skipped.last() != Some(&draft.id) {
                        let step = self
                            .stored
                            .as_ref()
                            .map(|(_, s)| *s)
                            .unwrap_or(Step::Header);
                        report.reopened = Some(self.adopt(draft, step));
                    }
                }
            }
        }
        self.repo.set_current(&self.id)?;
        Ok(report)
    }

    /// Entries that could not be read, newest first: set aside when opened, or still
    /// under a draft key. Listed until the writer downloads and removes them.
    pub fn set_aside(&self) -> Result<Vec<SetAside>, StoreError> {
        self.repo.set_aside()
    }

    pub fn discard_set_aside(&self, key: &str) -> Result<(), StoreError> {
        self.repo.discard_set_aside(key)
    }
}

/// A removed draft, kept for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub id: String,
    pub raw: String,
}

#[cfg(test)]
mod tests {
    use super::super::memory::MemoryStore;
    use super::*;
    use crate::model::persisted::encode;
    use crate::model::template::builtin_templates;

    fn blank() -> Draft {
        Draft::new(&builtin_templates()[0])
    }

    fn at(ms: f64) -> Now {
        Now {
            wall: 1.7e12 + ms,
            mono: ms,
        }
    }

    /// A tab: its session and what it shows.
    struct Tab {
        s: Session<MemoryStore>,
        draft: Draft,
        step: Step,
    }

    impl Tab {
        fn open(store: &MemoryStore, random: f64) -> (Tab, Start) {
            let repo = DraftRepository::new(store.clone(), "ns");
            let (s, opened, start) = Session::start(repo, blank(), at(0.0), random);
            let tab = Tab {
                s,
                draft: opened.draft,
                step: opened.step,
            };
            (tab, start)
        }
        fn type_opening(&mut self, text: &str) {
            self.draft.opening = text.into();
        }
        fn save(&mut self, ms: f64) -> SaveOutcome {
            self.s.save(&self.draft, self.step, at(ms))
        }
        fn stored(&self) -> StoredDraft {
            match self.s.repo().load(self.s.id(), 0.0).unwrap() {
                LoadOutcome::Restored(s) => *s,
                other => panic!("{other:?}"),
            }
        }
        /// Delivers the `storage` event another tab's write causes here.
        fn hear(&mut self, key: &str, store: &MemoryStore) -> ForeignWrite {
            let value = store.get(key).unwrap();
            let heard = self
                .s
                .on_foreign_write(key, value.as_deref(), &self.draft, self.step);
            if let ForeignWrite::Follow { draft, step } = &heard {
                self.draft = (**draft).clone();
                self.step = *step;
            }
            heard
        }
    }

    #[test]
    fn a_fresh_draft_is_written_only_once_it_changes_and_then_only_when_it_changes() {
        let store = MemoryStore::default();
        let (mut a, start) = Tab::open(&store, 0.1);
        assert_eq!(start, Start::Fresh);
        assert_eq!(a.save(10.0), SaveOutcome::Unchanged);
        assert!(
            store.keys().is_empty(),
            "an untouched blank draft is not stored"
        );
        a.type_opening("开头");
        assert_eq!(a.save(20.0), SaveOutcome::Saved);
        assert_eq!(a.stored().revision, 1);
        assert_eq!(a.stored().draft.opening, "开头");
        assert_eq!(a.save(30.0), SaveOutcome::Unchanged);
        a.step = Step::Opening;
        assert_eq!(a.save(40.0), SaveOutcome::Saved, "the step is saved too");
        assert_eq!(a.stored().step, "opening");
        // A reload restores it, on the step it was left on.
        let (b, start) = Tab::open(&store, 0.2);
        assert_eq!(start, Start::Restored);
        assert_eq!((b.draft.opening.as_str(), b.step), ("开头", Step::Opening));
        assert_eq!(b.s.id(), a.s.id());
    }

    #[test]
    fn a_revision_conflict_writes_nothing_until_the_writer_chooses() {
        let store = MemoryStore::default();
        let (mut a, _) = Tab::open(&store, 0.1);
        a.type_opening("甲");
        a.save(0.0);
        let (mut b, _) = Tab::open(&store, 0.2);
        b.type_opening("乙");
        a.type_opening("甲改");
        assert_eq!(b.save(1.0), SaveOutcome::Saved);
        assert_eq!(a.save(2.0), SaveOutcome::Conflict);
        assert_eq!(
            a.stored().draft.opening,
            "乙",
            "B's save is not overwritten"
        );
        assert_eq!(a.s.conflict().unwrap().draft.opening, "乙");
        assert_eq!(a.save(3.0), SaveOutcome::Conflict, "still nothing written");
        // Keep mine: saved on top of theirs.
        let r =
            a.s.resolve(ConflictChoice::KeepMine, &a.draft, a.step, at(4.0));
        assert_eq!(r, Resolved::KeptMine(SaveOutcome::Saved));
        assert_eq!(a.stored().draft.opening, "甲改");
        assert_eq!(a.stored().revision, 3);
        // B had nothing unsaved: it follows.
        let key = a.s.repo().draft_key(a.s.id());
        assert!(matches!(b.hear(&key, &store), ForeignWrite::Follow { .. }));
        assert_eq!(b.draft.opening, "甲改");
        // Again; this time A takes theirs and gets its own text back as a file.
        b.type_opening("乙二");
        a.type_opening("甲二");
        b.save(5.0);
        assert_eq!(a.hear(&key, &store), ForeignWrite::Ask);
        let Resolved::TookTheirs { draft, mine, .. } =
            a.s.resolve(ConflictChoice::TakeTheirs, &a.draft, a.step, at(6.0))
        else {
            panic!()
        };
        assert_eq!(
            (draft.opening.as_str(), mine.draft.opening.as_str()),
            ("乙二", "甲二")
        );
        a.draft = *draft;
        assert_eq!(
            a.save(7.0),
            SaveOutcome::Unchanged,
            "their version is what is stored"
        );
        assert_eq!(
            a.s.resolve(ConflictChoice::KeepMine, &a.draft, a.step, at(8.0)),
            Resolved::NoConflict
        );
    }

    #[test]
    fn a_foreign_write_is_followed_only_without_local_changes() {
        let store = MemoryStore::default();
        let (mut a, _) = Tab::open(&store, 0.1);
        a.type_opening("一");
        a.save(0.0);
        let (mut b, _) = Tab::open(&store, 0.2);
        let key = a.s.repo().draft_key(a.s.id());
        a.type_opening("二");
        a.save(1.0);
        assert!(matches!(b.hear(&key, &store), ForeignWrite::Follow { .. }));
        assert_eq!(b.draft.opening, "二");
        // The same event again, an older revision, another key, garbage: ignored.
        assert_eq!(b.hear(&key, &store), ForeignWrite::Ignore);
        assert_eq!(
            b.s.on_foreign_write("other", Some("{}"), &b.draft, b.step),
            ForeignWrite::Ignore
        );
        assert_eq!(
            b.s.on_foreign_write(&key, Some("{bad"), &b.draft, b.step),
            ForeignWrite::Ignore
        );
        // With unsaved changes here: ask, and keep them on screen.
        b.type_opening("乙未存");
        a.type_opening("三");
        a.save(2.0);
        assert_eq!(b.hear(&key, &store), ForeignWrite::Ask);
        assert_eq!(b.draft.opening, "乙未存");
        assert_eq!(b.save(3.0), SaveOutcome::Conflict);
    }

    #[test]
    fn a_draft_deleted_in_another_tab_is_written_back_by_the_tab_that_has_it_open() {
        let store = MemoryStore::default();
        let (mut b, _) = Tab::open(&store, 0.2);
        b.type_opening("乙的新段落");
        b.save(0.0);
        let key = b.s.repo().draft_key(b.s.id());
        store.remove(&key).unwrap();
        assert_eq!(b.hear(&key, &store), ForeignWrite::Deleted);
        // Nothing typed since, yet the page owes a save (e.g. when it is closed).
        assert_eq!(b.save(1.0), SaveOutcome::Saved);
        assert_eq!(b.stored().draft.opening, "乙的新段落");
        // A fresh draft never written from here: a cleared storage lost nothing of it.
        let (mut c, _) = Tab::open(&MemoryStore::default(), 0.3);
        let own = c.s.repo().draft_key(c.s.id());
        assert_eq!(
            c.s.on_foreign_write(&own, None, &c.draft, c.step),
            ForeignWrite::Ignore
        );
        assert_eq!(c.save(2.0), SaveOutcome::Unchanged);
    }

    #[test]
    fn storage_full_loses_nothing_and_retries() {
        let store = MemoryStore::with_quota(2_000);
        let (mut a, _) = Tab::open(&store, 0.1);
        a.type_opening(&"字".repeat(2_000));
        assert_eq!(a.save(0.0), SaveOutcome::Failed(StoreError::QuotaExceeded));
        assert!(a.s.unsaved(&a.draft));
        a.type_opening("短");
        assert_eq!(a.save(1.0), SaveOutcome::Saved, "the next change retries");
        let (_, start) = {
            let repo = DraftRepository::new(MemoryStore::unavailable(), "ns");
            let (s, o, start) = Session::start(repo, blank(), at(0.0), 0.3);
            ((s, o), start)
        };
        assert_eq!(start, Start::Failed(StoreError::Unavailable));
    }

    #[test]
    fn the_maximum_wait_holds_whatever_the_clock_does() {
        let store = MemoryStore::default();
        let (mut a, _) = Tab::open(&store, 0.1);
        // Keystrokes every 100 ms; count saves in 3 s of typing.
        let run = |a: &mut Tab, clock: &dyn Fn(f64) -> f64| {
            let mut saves = 0;
            for k in 0..30 {
                let t = k as f64 * 100.0;
                a.type_opening(&format!("{k}"));
                let now = Now {
                    wall: f64::NAN,
                    mono: clock(t),
                };
                if a.s.changed(now) {
                    assert_eq!(a.s.save(&a.draft, a.step, now), SaveOutcome::Saved);
                    saves += 1;
                }
            }
            a.s.save(&a.draft, a.step, at(0.0));
            saves
        };
        assert_eq!(run(&mut a, &|t| 10_000.0 + t), 3, "a normal clock");
        assert_eq!(
            run(&mut a, &|t| 20_000.0 + 2.0 * t),
            6,
            "a fast clock saves more"
        );
        // Backwards, jumping back, NaN: clamped, so no wait is ever measured negative; a
        // frozen clock measures nothing (the browser ring's timer covers it), but none of
        // them makes a save overdue that is not.
        assert_eq!(run(&mut a, &|t| 50_000.0 - t), 0);
        assert_eq!(run(&mut a, &|_| f64::NAN), 0);
        assert_eq!(
            run(&mut a, &|t| if t < 1_000.0 {
                80_000.0 + t
            } else {
                100.0 + t
            }),
            1
        );
        // After a backwards jump, time is measured from the latest reading again.
        assert_eq!(run(&mut a, &|t| 200_000.0 + t), 3);
    }

    #[test]
    fn a_clock_that_is_not_a_number_never_makes_a_draft_unreadable() {
        let store = MemoryStore::default();
        let repo = DraftRepository::new(store.clone(), "ns");
        let nan = Now {
            wall: f64::NAN,
            mono: f64::NAN,
        };
        let (mut s, opened, _) = Session::start(repo, blank(), nan, f64::NAN);
        assert!(opened.id.starts_with('d') && opened.id.chars().all(|c| c.is_ascii_alphanumeric()));
        let mut d = opened.draft;
        d.opening = "四十个字".into();
        assert_eq!(s.save(&d, Step::Opening, nan), SaveOutcome::Saved);
        let raw = store.get(&s.repo().draft_key(s.id())).unwrap().unwrap();
        assert!(raw.contains(r#""saved_at":0.0"#), "{raw}");
        let (b, start) = Tab::open(&store, 0.5);
        assert_eq!(start, Start::Restored);
        assert_eq!(b.draft.opening, "四十个字");
        // A later valid time is used; an invalid one after it keeps the last valid time.
        s.save(&d, Step::Header, at(0.0));
        d.opening.push('。');
        s.save(&d, Step::Header, nan);
        assert_eq!(b.stored().saved_at, 1.7e12);
        for bad in [f64::INFINITY, -1.0, 1e300] {
            assert_eq!(valid_wall_time(bad), None);
            assert_eq!(snapshot("x", 0, bad, Step::Header, blank()).saved_at, 0.0);
        }
    }

    #[test]
    fn switching_drafts_saves_first_and_refuses_to_drop_unsaved_text() {
        let store = MemoryStore::default();
        let (mut a, _) = Tab::open(&store, 0.1);
        a.type_opening("第一份");
        let first = a.s.id().to_string();
        let (opened, outcome) =
            a.s.new_draft(blank(), &a.draft, a.step, at(1.0), 0.7)
                .unwrap();
        assert_eq!(
            outcome,
            SaveOutcome::Saved,
            "a new draft is written at once"
        );
        assert_ne!(opened.id, first);
        assert_eq!(a.s.repo().list().unwrap().len(), 2);
        a.draft = opened.draft;
        a.type_opening("第二份");
        let back = a.s.open(&first, &a.draft, a.step, at(2.0)).unwrap();
        assert_eq!(back.draft.opening, "第一份");
        assert_eq!(
            store.get(&a.s.repo().current_key()).unwrap().as_deref(),
            Some(first.as_str())
        );
        let second =
            a.s.repo()
                .list()
                .unwrap()
                .into_iter()
                .find(|s| s.id != first)
                .unwrap();
        assert_eq!(second.draft.opening, "第二份", "saved before switching");
        a.draft = back.draft;
        // Another tab saved this one meanwhile: switching would lose this page's text.
        let mut other = a.stored();
        other.revision += 1;
        a.s.repo().save(&other).unwrap();
        a.type_opening("第一份改");
        assert_eq!(
            a.s.open(&second.id, &a.draft, a.step, at(3.0)),
            Err(SwitchError::CurrentNotSaved(SaveOutcome::Conflict))
        );
        assert_eq!(a.s.id(), first);
        assert_eq!(
            a.s.open("nothing", &a.draft, a.step, at(3.0)),
            Err(SwitchError::CurrentNotSaved(SaveOutcome::Conflict))
        );
    }

    #[test]
    fn the_drafts_page_never_writes_an_old_snapshot_over_a_newer_save() {
        // Tab A lists the drafts; tab B then saves new text into draft X.
        let store = MemoryStore::default();
        let (mut b, _) = Tab::open(&store, 0.2);
        b.type_opening("旧");
        b.save(0.0);
        let x = b.s.id().to_string();
        let (mut a, _) = Tab::open(&store, 0.1);
        a.s.new_draft(blank(), &a.draft.clone(), a.step, at(1.0), 0.9)
            .unwrap();
        let listed = a.s.repo().list().unwrap();
        assert!(listed.iter().any(|s| s.id == x && s.draft.opening == "旧"));
        b.type_opening("乙的新段落");
        b.save(2.0);
        // A renames X: B's text stays, and B hears of a newer revision and follows it.
        a.s.rename(&x, "改名".into(), at(3.0)).unwrap();
        let key = b.s.repo().draft_key(&x);
        assert!(matches!(b.hear(&key, &store), ForeignWrite::Follow { .. }));
        assert_eq!(
            (b.draft.name.as_str(), b.draft.opening.as_str()),
            ("改名", "乙的新段落")
        );
        assert_ne!(
            store.get(&a.s.repo().current_key()).unwrap().as_deref(),
            Some(x.as_str()),
            "A's current draft stays current"
        );
        // A deletes X; B saves again; A's undo must not bring the old text back.
        let deleted = a.s.delete(&x).unwrap().unwrap();
        assert_eq!(b.hear(&key, &store), ForeignWrite::Deleted);
        b.type_opening("乙更新的段落");
        assert_eq!(b.save(4.0), SaveOutcome::Saved);
        assert_eq!(a.s.undo_delete(&deleted), Ok(false));
        assert_eq!(b.stored().draft.opening, "乙更新的段落");
        // Undo with nothing saved since puts it back.
        let deleted = a.s.delete(&x).unwrap().unwrap();
        assert_eq!(a.s.undo_delete(&deleted), Ok(true));
        assert_eq!(b.stored().draft.opening, "乙更新的段落");
        assert_eq!(
            a.s.rename("gone", "x".into(), at(5.0)),
            Err(RenameError::Other(SwitchError::Missing))
        );
    }

    #[test]
    fn a_rename_storage_refuses_comes_back_for_a_file_and_writes_nothing() {
        // B's draft X is stored; A (on its own draft) renames X with storage nearly full.
        let store = MemoryStore::with_quota(6_000);
        let (mut b, _) = Tab::open(&store, 0.2);
        b.type_opening("乙的段落");
        assert_eq!(b.save(0.0), SaveOutcome::Saved);
        let x = b.s.id().to_string();
        let (mut a, _) = Tab::open(&store, 0.1);
        a.s.new_draft(blank(), &a.draft.clone(), a.step, at(1.0), 0.9)
            .unwrap();
        let before = b.stored();
        let long = "名".repeat(6_000);
        match a.s.rename(&x, long.clone(), at(2.0)) {
            Err(RenameError::NotStored { error, renamed }) => {
                assert_eq!(error, StoreError::QuotaExceeded);
                assert_eq!(renamed.id, x);
                assert_eq!(renamed.draft.name, long, "the typed name is in the file");
                assert_eq!(renamed.draft.opening, "乙的段落", "with the draft's text");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(b.stored(), before, "storage keeps what it had");
        // With room again the same rename is stored, on top of B's revision.
        a.s.rename(&x, "短名".into(), at(3.0)).unwrap();
        assert_eq!(b.stored().draft.name, "短名");
        assert_eq!(b.stored().revision, before.revision + 1);
    }

    #[test]
    fn import_adds_replaces_or_keeps_both() {
        let store = MemoryStore::default();
        let (mut a, _) = Tab::open(&store, 0.1);
        a.type_opening("本机的开头");
        a.save(0.0);
        let here = a.stored();
        let mut same_id = here.clone();
        same_id.draft.opening = "文件里的开头".into();
        same_id.revision = 1;
        let mut new_one = here.clone();
        new_one.id = "dfile".into();
        let name = |d: &StoredDraft| format!("{}（导入）", d.id);
        // Keep both: the local draft stays, the file's comes in beside it, renamed.
        let plan =
            a.s.plan_import(
                vec![same_id.clone(), new_one.clone()],
                at(1.0),
                0.4,
                |_| false,
                name,
            )
            .unwrap();
        assert!(
            matches!(&plan[0], ImportAction::KeepBoth(d) if d.id != here.id && d.draft.name.ends_with("（导入）"))
        );
        assert_eq!(plan[1], ImportAction::Add(new_one.clone()));
        let report = a.s.apply_import(plan).unwrap();
        assert_eq!(
            (report.added, report.replaced, report.reopened.clone()),
            (2, 0, None)
        );
        assert_eq!(a.stored().draft.opening, "本机的开头");
        assert_eq!(a.s.repo().list().unwrap().len(), 3);
        // Replace: asked only about the id that exists; the open draft is reopened.
        let mut asked = Vec::new();
        let plan =
            a.s.plan_import(
                vec![same_id.clone()],
                at(2.0),
                0.4,
                |d| {
                    asked.push(d.id.clone());
                    true
                },
                name,
            )
            .unwrap();
        assert_eq!(asked, std::slice::from_ref(&here.id));
        let report = a.s.apply_import(plan).unwrap();
        assert_eq!(report.replaced, 1);
        let reopened = report.reopened.unwrap();
        assert_eq!(reopened.draft.opening, "文件里的开头");
        assert!(
            a.stored().revision > here.revision,
            "open tabs see a newer version"
        );
        a.draft = reopened.draft;
        assert_eq!(a.save(3.0), SaveOutcome::Unchanged);
        // Replace agreed, but another tab saved after the question: that save stays.
        let plan =
            a.s.plan_import(vec![same_id.clone()], at(4.0), 0.4, |_| true, name)
                .unwrap();
        let mut newer = a.stored();
        newer.revision += 5;
        newer.draft.opening = "另一标签页".into();
        a.s.repo().save(&newer).unwrap();
        let report = a.s.apply_import(plan).unwrap();
        assert_eq!(
            (report.replaced, report.skipped.clone()),
            (0, vec![here.id.clone()])
        );
        assert_eq!(a.stored().draft.opening, "另一标签页");
    }

    #[test]
    fn unreadable_entries_stay_listed_until_the_writer_deals_with_them() {
        let store = MemoryStore::default();
        let repo = DraftRepository::new(store.clone(), "ns");
        let newer = r#"{"schema":3,"id":"d1","draft":{"opening":"新版本写的"}}"#;
        store.set(&repo.current_key(), "d1").unwrap();
        store.set(&repo.draft_key("d1"), newer).unwrap();
        store.set(&repo.draft_key("d2"), "{broken").unwrap();
        let (mut s, opened, start) = Session::start(repo, blank(), at(5.0), 0.1);
        assert!(matches!(start, Start::Unreadable { ref raw, .. } if raw == newer));
        assert_ne!(opened.id, "d1");
        let mut d = opened.draft;
        d.opening = "新草稿".into();
        s.save(&d, Step::Header, at(6.0));
        // After a reload nothing is offered at start, but both stay listed.
        let (s2, _, start) = Session::start(
            DraftRepository::new(store.clone(), "ns"),
            blank(),
            at(7.0),
            0.2,
        );
        assert_eq!(start, Start::Restored);
        let listed = s2.set_aside().unwrap();
        let ids: Vec<_> = listed
            .iter()
            .map(|e| (e.id.as_str(), e.at.is_some()))
            .collect();
        assert_eq!(ids, [("d2", false), ("d1", true)]);
        assert_eq!(listed[1].raw, newer);
        assert_eq!(listed[1].error, DecodeError::NewerVersion(3));
        assert!(
            listed[1].key.contains("/unreadable/d1/"),
            "findable by its id"
        );
        // Opening the broken one from the list sets it aside too; it stays listed.
        let mut s2 = s2;
        assert!(matches!(
            s2.open("d2", &d, Step::Header, at(8.0)),
            Err(SwitchError::Unreadable(_))
        ));
        assert_eq!(s2.set_aside().unwrap().len(), 2);
        for e in s2.set_aside().unwrap() {
            s2.discard_set_aside(&e.key).unwrap();
        }
        assert!(s2.set_aside().unwrap().is_empty());
        assert!(s2
            .repo()
            .list()
            .unwrap()
            .iter()
            .any(|x| x.draft.opening == "新草稿"));
        s2.discard_set_aside(&s2.repo().current_key()).unwrap();
        assert!(
            store.get(&s2.repo().current_key()).unwrap().is_some(),
            "only listed entries can be removed"
        );
    }

    #[test]
    fn snapshots_are_the_stored_form() {
        let store = MemoryStore::default();
        let (mut a, _) = Tab::open(&store, 0.1);
        a.type_opening("x");
        let snap = a.s.snapshot_of(a.draft.clone(), Step::Opening, at(1.0));
        assert_eq!(decode(&encode(&snap)).unwrap(), snap);
        assert_eq!(
            (snap.id.as_str(), snap.revision, snap.step.as_str()),
            (a.s.id(), 0, "opening")
        );
        let copy = a.s.add_copy(snap, at(2.0), 0.3).unwrap();
        assert_ne!(copy, a.s.id());
        assert_eq!(a.s.repo().list().unwrap().len(), 1, "the copy is stored");
        assert_eq!(
            store.get(&a.s.repo().current_key()).unwrap().as_deref(),
            Some(a.s.id()),
            "the draft being edited stays current"
        );
    }
}
