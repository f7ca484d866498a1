//! The proximity bonus: among the best candidates, query words standing
//! close together (in the title or the body) earn a bonus that decreases
//! with their distance.

use super::{sort, Evaluation};
use crate::search::cursor::{DocCursor, PostingCursor};
use crate::search::index::Field;
use crate::search::plan::{Matcher, Role};

/// The fields where query words standing close together earn the bonus:
/// the title and the body (not headings, not names).
const PROXIMITY_FIELDS: [Field; 2] = [Field::Title, Field::Body];
/// Number of [`PROXIMITY_FIELDS`].
const PF: usize = PROXIMITY_FIELDS.len();

/// Adds the proximity bonus to the top candidates and re-sorts them. Only
/// raising scores of the top block keeps it above the rest.
pub(super) fn bonus(ev: &mut Evaluation) {
    let w = ev.weights;
    if w.proximity <= 0.0 {
        return;
    }
    // Word groups that rank, in query order, with their IDF.
    let groups: Vec<(usize, f32)> = ev
        .plan
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| matches!(g.role, Role::Ranked | Role::Required))
        .filter(|(_, g)| g.matchers.iter().all(|m| matches!(m, Matcher::Word { .. })))
        .map(|(gi, _)| {
            let idf = ev.groups[gi].iter().map(|a| a.idf).fold(0.0, f32::max);
            (gi, idf)
        })
        .collect();
    if groups.len() < 2 {
        return;
    }
    let top = ev.ranked.len().min(w.proximity_candidates);
    // The top candidates by document, with their rank.
    let mut wanted: Vec<(u32, usize)> = ev.ranked[..top]
        .iter()
        .enumerate()
        .map(|(i, s)| (s.doc, i))
        .collect();
    wanted.sort_unstable();
    let g = groups.len();
    // positions[(slot * g + group) * PF + field]
    let mut positions: Vec<Vec<u32>> = vec![Vec::new(); top * g * PF];
    for (k, &(gi, _)) in groups.iter().enumerate() {
        for m in &ev.plan.groups[gi].matchers {
            let Matcher::Word { expansions, .. } = m else {
                continue;
            };
            for e in expansions {
                let record = ev.index.record_at(e.offset);
                for (fi, f) in PROXIMITY_FIELDS.iter().enumerate() {
                    PostingCursor::new(record.lists[*f as usize])
                        .for_each_wanted(&wanted, |cursor, s| {
                            cursor.positions(&mut positions[(s * g + k) * PF + fi])
                        });
                }
            }
        }
    }
    for p in &mut positions {
        p.sort_unstable();
    }
    for (s, scored) in ev.ranked[..top].iter_mut().enumerate() {
        let mut bonus = 0.0;
        let mut prev: Option<usize> = None;
        for k in 0..g {
            let present = (0..PF).any(|fi| !positions[(s * g + k) * PF + fi].is_empty());
            if !present {
                continue;
            }
            if let Some(j) = prev {
                let d = (0..PF)
                    .filter_map(|fi| {
                        min_distance(
                            &positions[(s * g + j) * PF + fi],
                            &positions[(s * g + k) * PF + fi],
                        )
                    })
                    .min();
                if let Some(d) = d.filter(|&d| d <= w.proximity_window) {
                    bonus += w.proximity * groups[j].1.min(groups[k].1) / d.max(1) as f32;
                }
            }
            prev = Some(k);
        }
        if bonus > 0.0 {
            scored.score += bonus;
            ev.proximity.push((scored.doc, bonus));
        }
    }
    sort(&mut ev.ranked[..top]);
}

/// Smallest gap between a value of `a` and one of `b` (both sorted).
fn min_distance(a: &[u32], b: &[u32]) -> Option<u32> {
    let (mut i, mut j) = (0, 0);
    let mut best: Option<u32> = None;
    while i < a.len() && j < b.len() {
        let d = a[i].abs_diff(b[j]);
        best = Some(best.map_or(d, |x| x.min(d)));
        if a[i] < b[j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;
    use crate::search::index::SearchIndex;
    use crate::search::score::tests::rank;

    #[test]
    fn proximity_breaks_ties() {
        let i = SearchIndex::build(&articles(&[
            "A\nalpha one two three four five six beta filler words here.",
            "B\nalpha beta one two three four five six filler words here.",
        ]));
        assert_eq!(rank(&i, "alpha beta"), [1, 0]);
        assert_eq!(min_distance(&[1, 10], &[4, 12]), Some(2));
    }
}
