//! Snippets and highlights: the passage of an article that best shows why it
//! matched, with the matched words marked exactly.
//!
//! The text is analyzed again with the same analyzer the index used, so a
//! word is highlighted exactly when the index matched it — typo and prefix
//! matches included, stop words the query ignored excluded. Phrases are
//! marked as one range from their first to their last word.
//!
//! A passage stays inside one block (heading or paragraph), so the app can
//! open the article at that block. Among the windows of about
//! [`super::SearchOptions::snippet_words`] words, the one with the most
//! different query clauses wins, then the one with the most matches.

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use super::analyze::for_each_token;
use super::fuzzy::MatchKind;
use super::plan::{Matcher, Plan, Role};
use crate::article::{Article, BlockKind, Span};

/// A passage of an article with the matched words marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// The passage, exactly as in the article body.
    pub text: String,
    /// Matched words as `(start, end)` *char* offsets into `text`.
    pub highlights: Vec<(u32, u32)>,
    /// Index of the block (heading or paragraph) in [`Article::blocks`].
    pub block: u32,
    /// Where `text` is in [`Article::body`] (bytes).
    pub span: Span,
    /// The highlights as byte spans of [`Article::body`].
    pub body_highlights: Vec<Span>,
    /// The passage starts or ends inside its block (show an ellipsis).
    pub truncated_start: bool,
    pub truncated_end: bool,
}

/// A matched word or phrase in some text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    group: usize,
    first: u32,
    last: u32,
}

/// What to mark: the vocabulary terms and phrases the query matched.
#[derive(Debug, Default)]
pub(crate) struct Highlighter {
    terms: HashMap<String, usize>,
    phrases: Vec<(Vec<String>, usize)>,
    /// ASCII strings one of which an ASCII text must contain, once
    /// lower-cased and stripped of `.,'-`, to have any match (see
    /// [`Highlighter::may_match`]); `None` when some term is not ASCII.
    needles: Option<Vec<String>>,
    /// The same needles kept apart per group and kind, to bound the best
    /// window of a block without analysing it (see [`Highlighter::bound`]);
    /// `None` exactly when `needles` is.
    group_needles: Option<Vec<GroupNeedles>>,
}

/// The needles of one query group: those of its words (each word mark,
/// and each hyphenated whole, contains one) and the first terms of its
/// phrases (each phrase mark starts with one).
#[derive(Debug, Default, Clone)]
struct GroupNeedles {
    words: Vec<String>,
    phrases: Vec<String>,
}

impl Highlighter {
    pub fn new(plan: &Plan) -> Highlighter {
        let mut h = Highlighter::default();
        let mut needles: Vec<String> = Vec::new();
        let mut group_needles = vec![GroupNeedles::default(); plan.groups.len()];
        for (gi, g) in plan.groups.iter().enumerate() {
            if g.role == Role::Exclude {
                continue;
            }
            for m in &g.matchers {
                match m {
                    Matcher::Word { word, expansions } => {
                        for e in expansions {
                            h.terms.entry(e.term.clone()).or_insert(gi);
                            // Every completion contains the typed word.
                            let needle = if e.kind == MatchKind::Prefix {
                                word
                            } else {
                                &e.term
                            };
                            needles.push(needle.clone());
                            group_needles[gi].words.push(needle.clone());
                        }
                    }
                    Matcher::Phrase { terms } => {
                        needles.extend(terms.first().cloned());
                        group_needles[gi].phrases.extend(terms.first().cloned());
                        h.phrases.push((terms.clone(), gi));
                    }
                }
            }
        }
        if needles.iter().all(|n| n.is_ascii()) {
            needles.sort_unstable();
            needles.dedup();
            // A needle that contains another adds nothing to the test.
            let all = needles.clone();
            needles.retain(|n| !all.iter().any(|m| m != n && n.contains(m.as_str())));
            h.needles = Some(needles);
            for g in &mut group_needles {
                g.words.sort_unstable();
                g.words.dedup();
            }
            h.group_needles = Some(group_needles);
        }
        h
    }

    /// How many groups can have a mark in `text`: an upper bound on the
    /// first part of the score of any window of it, without analysing it;
    /// `None` when there is none to give (`text` or a term is not ASCII).
    /// `squeezed` must be what [`Highlighter::may_match`] left for `text`.
    fn group_bound(&self, text: &str, squeezed: &str) -> Option<usize> {
        let groups = self.group_needles.as_ref()?;
        if self.needles.is_none() || !text.is_ascii() {
            return None;
        }
        let present = |g: &&GroupNeedles| {
            g.words
                .iter()
                .chain(&g.phrases)
                .any(|n| squeezed.contains(n.as_str()))
        };
        Some(groups.iter().filter(present).count())
    }

    /// An upper bound on the marks in `text`, under the same conditions as
    /// [`Highlighter::group_bound`].
    ///
    /// Sound because every mark contains an occurrence of one of its
    /// group's needles in `squeezed`: marks of one kind (plain words,
    /// hyphenated wholes, one phrase) are disjoint or start at different
    /// words, so there are no more of them per needle than its
    /// non-overlapping occurrences, which `str::matches` counts greedily
    /// (the most there can be). Wholes exist only where there is a hyphen.
    fn mark_bound(&self, text: &str, squeezed: &str) -> Option<usize> {
        let groups = self.group_needles.as_ref()?;
        if self.needles.is_none() || !text.is_ascii() {
            return None;
        }
        let per_word = if text.contains('-') { 2 } else { 1 };
        let count = |n: &String| squeezed.matches(n.as_str()).count();
        Some(
            groups
                .iter()
                .map(|g| {
                    per_word * g.words.iter().map(count).sum::<usize>()
                        + g.phrases.iter().map(count).sum::<usize>()
                })
                .sum(),
        )
    }

    /// False when an ASCII `text` cannot contain a match: folding an ASCII
    /// word only lower-cases it and drops `.,'` (and a hyphen joins the
    /// parts of a whole), so every term found in it is a substring of the
    /// text lower-cased without those. Lets snippets skip the analysis of
    /// blocks that cannot match, which is most of an article.
    fn may_match(&self, text: &str, squeezed: &mut String) -> bool {
        let Some(needles) = &self.needles else {
            return true;
        };
        if !text.is_ascii() {
            return true;
        }
        // Byte by byte: the text is ASCII, and this runs on every block of
        // every hit.
        squeezed.clear();
        squeezed.extend(
            text.bytes()
                .filter(|b| !matches!(b, b'.' | b',' | b'\'' | b'-'))
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        needles.iter().any(|n| squeezed.contains(n.as_str()))
    }

    /// Marks in `text` (byte offsets), sorted; and the byte spans of its
    /// words by position (hyphenated wholes left out).
    fn marks(&self, text: &str) -> (Vec<Mark>, Vec<(usize, usize)>) {
        let mut marks = Vec::new();
        let mut words: Vec<(usize, usize)> = Vec::new();
        // Terms of the words by position, only when phrases need them.
        let mut word_terms: Vec<String> = Vec::new();
        let want_terms = !self.phrases.is_empty();
        for_each_token(text, 0, |t| {
            if let Some(&group) = self.terms.get(t.term) {
                marks.push(Mark {
                    start: t.start,
                    end: t.end,
                    group,
                    first: t.position,
                    last: t.position,
                });
            }
            if !t.compound {
                words.push((t.start, t.end));
                if want_terms {
                    word_terms.push(t.term.to_string());
                }
            }
        });
        for (terms, group) in &self.phrases {
            if terms.is_empty() || terms.len() > word_terms.len() {
                continue;
            }
            for (p, w) in word_terms.windows(terms.len()).enumerate() {
                if w == terms.as_slice() {
                    let last = p + terms.len() - 1;
                    marks.push(Mark {
                        start: words[p].0,
                        end: words[last].1,
                        group: *group,
                        first: p as u32,
                        last: last as u32,
                    });
                }
            }
        }
        marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        (marks, words)
    }

    /// Every match in the article body, as merged byte spans: what the app
    /// highlights when it opens the article.
    pub fn body(&self, article: &Article) -> Vec<Span> {
        let mut out = Vec::new();
        for block in &article.blocks {
            let (marks, _) = self.marks(article.text(block.span));
            let base = block.span.start as usize;
            out.extend(
                merge(&marks)
                    .into_iter()
                    .map(|(s, e)| Span::new(base + s, base + e)),
            );
        }
        out
    }

    /// Matches in a short text such as the title, as char offsets.
    pub fn chars(&self, text: &str) -> Vec<(u32, u32)> {
        let (marks, _) = self.marks(text);
        to_chars(text, &merge(&marks))
    }
}

/// Merges overlapping marks into byte ranges.
fn merge(marks: &[Mark]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in marks {
        match out.last_mut() {
            Some(last) if m.start < last.1 => last.1 = last.1.max(m.end),
            _ => out.push((m.start, m.end)),
        }
    }
    out
}

/// Byte ranges of `text` as char offsets.
fn to_chars(text: &str, ranges: &[(usize, usize)]) -> Vec<(u32, u32)> {
    let char_at = |b: usize| text.get(..b).map_or(0, |s| s.chars().count()) as u32;
    ranges
        .iter()
        .map(|&(s, e)| (char_at(s), char_at(e)))
        .collect()
}

/// A candidate passage in one block.
struct Window {
    block: usize,
    score: (usize, usize),
    first: u32,
    last: u32,
}

/// The best window of `words` positions among a block's marks.
fn best_window(block: usize, marks: &[Mark], words: u32) -> Option<Window> {
    let mut best: Option<Window> = None;
    for (i, m) in marks.iter().enumerate() {
        let end = m.first.saturating_add(words);
        let inside: Vec<&Mark> = marks[i..].iter().filter(|x| x.last < end).collect();
        let mut groups: Vec<usize> = inside.iter().map(|x| x.group).collect();
        groups.sort_unstable();
        groups.dedup();
        let score = (groups.len(), inside.len());
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Window {
                block,
                score,
                first: m.first,
                last: inside.iter().map(|x| x.last).max().unwrap_or(m.last),
            });
        }
    }
    best
}

/// Up to `count` passages of about `words` words, best first, one per
/// block; the lead of the article when no block has a match.
pub(crate) fn snippets(
    article: &Article,
    h: &Highlighter,
    count: usize,
    words: usize,
) -> Vec<Snippet> {
    let words = words.clamp(1, 1_000) as u32;
    let mut windows = Vec::new();
    let mut analyzed = vec![(Vec::new(), Vec::new()); article.blocks.len()];
    let mut squeezed = String::new();
    // Blocks that may match, with a bound on their groups: analysis is most
    // of a query's cost, so the blocks most likely to hold the best windows
    // are analysed first, and a block whose bound cannot beat the
    // `count`-th best window so far is not analysed at all.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (b, block) in article.blocks.iter().enumerate() {
        let text = article.text(block.span);
        if h.may_match(text, &mut squeezed) {
            let groups = h.group_bound(text, &squeezed).unwrap_or(usize::MAX);
            candidates.push((b, groups));
        }
    }
    candidates.sort_by_key(|&(b, groups)| (std::cmp::Reverse(groups), b));
    // The best `count` windows so far as (score, later block loses ties),
    // best first: the order in which windows are finally ranked.
    type Rank = ((usize, usize), std::cmp::Reverse<usize>);
    let mut top: Vec<Rank> = Vec::with_capacity(count + 1);
    for (b, groups) in candidates {
        let text = article.text(article.blocks[b].span);
        if count > 0 && top.len() >= count {
            let last = top[count - 1];
            let beaten = |marks: usize| ((groups, marks), std::cmp::Reverse(b)) < last;
            if beaten(usize::MAX) {
                continue;
            }
            if groups == last.0 .0 {
                h.may_match(text, &mut squeezed);
                if h.mark_bound(text, &squeezed).is_some_and(beaten) {
                    continue;
                }
            }
        }
        let (marks, spans) = h.marks(text);
        if let Some(w) = best_window(b, &marks, words) {
            let rank = (w.score, std::cmp::Reverse(b));
            let at = top.partition_point(|&r| r > rank);
            top.insert(at, rank);
            top.truncate(count);
            windows.push(w);
        }
        analyzed[b] = (marks, spans);
    }
    windows.sort_by(|a, b| b.score.cmp(&a.score).then(a.block.cmp(&b.block)));
    windows.truncate(count);
    if windows.is_empty() && count > 0 {
        // No match in the body (title or names only): show the lead.
        let lead = article
            .blocks
            .iter()
            .position(|b| b.kind == BlockKind::Paragraph)
            .or(if article.blocks.is_empty() {
                None
            } else {
                Some(0)
            });
        if let Some(b) = lead {
            windows.push(Window {
                block: b,
                score: (0, 0),
                first: 0,
                last: 0,
            });
        }
    }
    windows
        .into_iter()
        .filter_map(|w| {
            let (marks, spans) = &analyzed[w.block];
            if spans.is_empty() {
                // The lead block was skipped as unable to match.
                let block = article.blocks.get(w.block)?;
                let (marks, spans) = h.marks(article.text(block.span));
                return passage(article, w, &marks, &spans, words);
            }
            passage(article, w, marks, spans, words)
        })
        .collect()
}

fn passage(
    article: &Article,
    w: Window,
    marks: &[Mark],
    positions: &[(usize, usize)],
    words: u32,
) -> Option<Snippet> {
    let block = *article.blocks.get(w.block)?;
    let text = article.text(block.span);
    let last_pos = positions.len().checked_sub(1)? as u32;
    // Centre the cluster of matches in the window.
    let cluster = w.last.saturating_sub(w.first) + 1;
    let slack = words.saturating_sub(cluster);
    let mut first = w.first.saturating_sub(slack / 2);
    let mut last = first.saturating_add(words - 1).max(w.last);
    if last > last_pos {
        last = last_pos;
        first = last.saturating_sub(words - 1).min(w.first);
    }
    let start = if first == 0 {
        0
    } else {
        positions[first as usize].0
    };
    let end = if last >= last_pos {
        text.len()
    } else {
        // Keep the punctuation glued to the last word.
        let e = positions[last as usize].1;
        e + text[e..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - e)
    };
    let inside: Vec<Mark> = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .copied()
        .collect();
    let ranges = merge(&inside);
    let snippet_text = &text[start..end];
    let local: Vec<(usize, usize)> = ranges
        .iter()
        .map(|&(s, e)| (s - start, e - start))
        .collect();
    let base = block.span.start as usize;
    Some(Snippet {
        text: snippet_text.to_string(),
        highlights: to_chars(snippet_text, &local),
        block: w.block as u32,
        span: Span::new(base + start, base + end),
        body_highlights: ranges
            .iter()
            .map(|&(s, e)| Span::new(base + s, base + e))
            .collect(),
        truncated_start: start > 0,
        truncated_end: end < text.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::articles;
    use crate::search::index::SearchIndex;
    use crate::search::plan::plan;
    use crate::search::query::parse;

    fn setup(text: &str, q: &str, typing: bool) -> (Article, Highlighter) {
        let a = articles(&[text]).remove(0);
        let index = SearchIndex::build(std::slice::from_ref(&a));
        let p = plan(&index, &parse(q), typing);
        (a, Highlighter::new(&p))
    }

    fn marked(s: &Snippet) -> Vec<String> {
        let chars: Vec<char> = s.text.chars().collect();
        s.highlights
            .iter()
            .map(|&(a, b)| chars[a as usize..b as usize].iter().collect())
            .collect()
    }

    #[test]
    fn marks_exact_words_typos_and_prefixes() {
        let (a, h) = setup(
            "Title\nIn Kýiv’s talks, Witkoff spent nearly four hours negotiating.",
            "kyiv witkof negot",
            true,
        );
        let s = snippets(&a, &h, 2, 30);
        assert_eq!(s.len(), 1);
        assert_eq!(marked(&s[0]), ["Kýiv", "Witkoff", "negotiating"]);
        assert_eq!(&a.body[s[0].span.range()], s[0].text);
        for span in &s[0].body_highlights {
            assert!(a.body.is_char_boundary(span.start as usize));
        }
    }

    #[test]
    fn phrases_are_one_mark_and_stop_words_are_not_marked() {
        let (a, h) = setup(
            "Title\nThe meeting lasted nearly four hours, the envoy said.",
            "\"nearly four hours\" the envoy",
            false,
        );
        let s = snippets(&a, &h, 1, 30);
        assert_eq!(marked(&s[0]), ["nearly four hours", "envoy"]);
    }

    #[test]
    fn window_is_about_the_densest_cluster() {
        let filler = "word ".repeat(60);
        let text = format!(
            "Title\nalpha {filler} beta gamma delta {filler}end.\n\nSecond paragraph with gamma."
        );
        let (a, h) = setup(&text, "beta gamma", false);
        let s = snippets(&a, &h, 2, 10);
        assert_eq!(marked(&s[0]), ["beta", "gamma"]);
        assert!(s[0].truncated_start && s[0].truncated_end);
        assert_eq!(s[0].text.split_whitespace().count(), 10);
        assert_eq!(s[1].block, 1);
        assert_eq!(marked(&s[1]), ["gamma"]);
    }

    #[test]
    fn blocks_that_cannot_match_are_skipped_soundly() {
        let (_, h) = setup(
            "T\nThe U.S. envoy's five-hour talks on 1,000 troops.",
            "us fivehour envoy 1000",
            false,
        );
        let mut buf = String::new();
        assert!(h.may_match("the U.S. said", &mut buf));
        assert!(h.may_match("a five-hour day", &mut buf));
        assert!(h.may_match("1,000 of them", &mut buf));
        assert!(!h.may_match("nothing to see", &mut buf));
        assert!(h.may_match("Kýiv is not ASCII", &mut buf));
    }

    #[test]
    fn skipping_blocks_changes_no_snippet() {
        let text = "Title\nThe U.S. envoy's talks.\n\nA five-hour meeting on 1,000 troops.\n\n\
                    Kýiv said no.\n\nNothing here at all.\n\nO'Brien negotiated the deal.";
        for q in [
            "us",
            "fivehour",
            "five-hour meeting",
            "1000",
            "kyiv",
            "obrien negot",
            "\"the deal\"",
            "envoy",
        ] {
            let (a, mut h) = setup(text, q, true);
            let fast = snippets(&a, &h, 5, 30);
            h.needles = None;
            assert_eq!(fast, snippets(&a, &h, 5, 30), "{q}");
            assert!(!fast.is_empty());
        }
    }

    #[test]
    fn pruning_blocks_by_bound_changes_no_snippet() {
        let text = "Title\nTax plans. Tax again.\n\nThe tax plans and more tax plans here.\n\n\
                    Plans, plans-tax and tax.\n\nNothing.\n\nTax tax tax tax tax plans.\n\n\
                    A plan for tax. \"Tax plans\" said Tory.";
        for q in [
            "tax",
            "tax plans",
            "tory tax plans",
            "\"tax plans\" tory",
            "pla",
            "ta",
        ] {
            for count in 1..4 {
                let (a, mut h) = setup(text, q, true);
                let fast = snippets(&a, &h, count, 5);
                h.group_needles = None;
                assert_eq!(fast, snippets(&a, &h, count, 5), "{q} {count}");
            }
        }
    }

    #[test]
    fn lead_when_only_the_title_matches() {
        let (a, h) = setup("Kyiv talks\nNothing else here.", "kyiv", false);
        let s = snippets(&a, &h, 2, 30);
        assert_eq!(s.len(), 1);
        assert!(s[0].highlights.is_empty());
        assert_eq!(h.chars(&a.title), [(0, 4)]);
    }
}
