//! What changed in a draft, change by change. Whatever keeps something derived from the
//! draft (the report's segments, the step list's rows) notes the revision it last saw
//! and asks what changed since: when every change since was typing into known fields, it
//! redoes only what those fields feed, instead of comparing the whole report with what it
//! was. The editor records every change it makes, so the log is never behind the draft.

use super::field::FieldRef;

/// How many changes back [`ChangeLog::typed_since`] can answer; a reader further behind
/// redoes everything (readers catch up within a keystroke or two).
const KEPT: usize = 8;

#[derive(Clone, Debug, Default)]
pub struct ChangeLog {
    /// Changes so far.
    revision: u64,
    /// The last changes, change `r` at `r % KEPT`: the field typed into, or `None` for
    /// any other change.
    recent: [Option<FieldRef>; KEPT],
}

impl ChangeLog {
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Notes one change: text typed into `field`, or (`None`) anything else.
    pub fn record(&mut self, field: Option<FieldRef>) {
        self.revision += 1;
        self.recent[(self.revision % KEPT as u64) as usize] = field;
    }

    /// The fields typed into since revision `seen` (empty when nothing changed), or `None`
    /// when anything else changed since, or the log no longer reaches back that far.
    pub fn typed_since(&self, seen: u64) -> Option<Vec<FieldRef>> {
        let behind = self.revision.checked_sub(seen)?;
        if behind > KEPT as u64 {
            return None;
        }
        (seen + 1..=self.revision)
            .map(|r| self.recent[(r % KEPT as u64) as usize])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_learns_the_fields_typed_since_it_looked() {
        let mut log = ChangeLog::default();
        let seen = log.revision();
        assert_eq!(log.typed_since(seen), Some(vec![]));
        log.record(Some(FieldRef::ItemDetail(3)));
        log.record(Some(FieldRef::Opening));
        assert_eq!(
            log.typed_since(seen),
            Some(vec![FieldRef::ItemDetail(3), FieldRef::Opening])
        );
        assert_eq!(log.typed_since(seen + 1), Some(vec![FieldRef::Opening]));
        assert_eq!(log.typed_since(log.revision()), Some(vec![]));
    }

    #[test]
    fn any_other_change_means_everything_may_have_changed() {
        let mut log = ChangeLog::default();
        log.record(Some(FieldRef::Opening));
        let seen = log.revision();
        log.record(None);
        log.record(Some(FieldRef::Opening));
        assert_eq!(log.typed_since(seen), None);
        // Once past the other change, typing is known again.
        assert_eq!(log.typed_since(seen + 1), Some(vec![FieldRef::Opening]));
    }

    #[test]
    fn a_reader_too_far_behind_redoes_everything() {
        let mut log = ChangeLog::default();
        for _ in 0..KEPT + 1 {
            log.record(Some(FieldRef::Opening));
        }
        assert_eq!(log.typed_since(0), None);
        assert_eq!(log.typed_since(1).map(|t| t.len()), Some(KEPT));
        // A revision the log has not reached (a reader of another log) is not trusted.
        assert_eq!(log.typed_since(log.revision() + 1), None);
    }
}
