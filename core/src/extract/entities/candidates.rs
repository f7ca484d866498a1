//! Candidate names: runs of capitalised words, split where the gazetteer,
//! titles, demonyms and post-nominals say a name starts or ends, each with
//! the cues its context gives. A capital at the start of a sentence counts
//! only as far as the corpus's own writing ([`WordStats`]) allows.

use std::collections::HashSet;

use crate::article::{Article, BlockKind, EntityKind, Span};
use crate::extract::gazetteer::{self, Known};
use crate::extract::words::{article_words, BlockWords};
use crate::text::lexicon::{
    is_calendar_word, is_connector, is_demonym, is_function_word, is_honorific, is_org_word,
    is_post_nominal, is_role_noun, is_title,
};
use crate::text::reading::gap;
use crate::text::Token;

use super::kinds::{kind_of, Cues};

/// How the corpus writes its words, for judging sentence-initial capitals.
#[derive(Debug, Clone, Default)]
pub struct WordStats {
    /// Words seen starting in lower case.
    lower: HashSet<String>,
    /// Capitalised words seen other than at the start of a sentence.
    mid_caps: HashSet<String>,
}

impl WordStats {
    /// How all of `articles` write their words.
    pub fn of(articles: &[Article]) -> WordStats {
        let mut stats = WordStats::default();
        for a in articles {
            stats.add(&article_words(a));
        }
        stats
    }

    fn add(&mut self, blocks: &[BlockWords]) {
        for block in blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
            for (tok, &initial) in block.words.iter().zip(&block.initial) {
                let first = tok.text.chars().next().unwrap_or(' ');
                if first.is_lowercase() {
                    if !self.lower.contains(tok.text) {
                        self.lower.insert(tok.text.to_owned());
                    }
                } else if first.is_uppercase() && !initial && !self.mid_caps.contains(tok.text) {
                    self.mid_caps.insert(tok.text.to_owned());
                }
            }
        }
    }

    /// The corpus writes `word` in lower case somewhere.
    pub fn seen_in_lower_case(&self, word: &str) -> bool {
        self.lower.contains(word)
    }

    /// The corpus capitalises `word` somewhere other than at the start of a
    /// sentence.
    pub fn seen_capitalised_mid_sentence(&self, word: &str) -> bool {
        self.mid_caps.contains(word)
    }
}

/// A possible name and what the text says about it.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The name as written, without titles (`Vladimir Putin`).
    pub(super) name: String,
    /// Where it is in the body.
    pub(super) span: Span,
    /// A gazetteer entry, when the name is one.
    pub(super) known: Option<Known>,
    /// The kind the local cues suggest.
    pub(super) kind: Option<EntityKind>,
    /// The name with the titles before it (`President Vladimir Putin`).
    pub(super) titled_form: Option<String>,
    /// From a heading, so capitalisation says nothing.
    pub(super) uncertain: bool,
    /// A title or role noun announced it as a person.
    pub(super) cued: bool,
    /// Words of the name, connectors (`of`, `de`) not counted.
    pub(super) words: usize,
}

/// A capitalised word that can be part of a name: not a calendar word, not a
/// function word or pronoun (`The`, `It`, `He`), not a contraction (`I'm`)
/// and not a plural acronym (`MPs`).
fn is_capitalized(tok: &Token) -> bool {
    if !tok.is_capitalized() || is_calendar_word(tok.bare()) {
        return false;
    }
    let t = tok.text;
    if let Some(i) = t.find(['\'', '’']) {
        let after = t[i..].chars().nth(1);
        if after.is_some_and(char::is_lowercase) {
            return false;
        }
    }
    let plural_acronym = t.len() >= 3
        && t.ends_with('s')
        && t[..t.len() - 1].chars().all(|c| c.is_ascii_uppercase());
    !plural_acronym && !is_function_word(&t.to_lowercase())
}

/// Only spaces (no punctuation, no possessive) between two words of a name.
fn joinable(text: &str, a: &Token, b: &Token) -> bool {
    !a.possessive && {
        let g = gap(text, a, b);
        !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}')
    }
}

/// The candidate names of an article, read from its words, in order.
pub fn candidates(blocks: &[BlockWords], stats: &WordStats) -> Vec<Candidate> {
    let mut out = Vec::new();
    for block in blocks {
        let (text, base, toks, initial) = (block.text, block.base, &block.words, &block.initial);
        let heading = block.kind == BlockKind::Heading;
        let mut i = 0;
        while i < toks.len() {
            if !is_capitalized(&toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && joinable(text, &toks[j - 1], &toks[j]) {
                if is_capitalized(&toks[j]) {
                    j += 1;
                    continue;
                }
                // Up to two connectors, then a capitalised word; `for` joins
                // only after an organisation's word (`Office for National
                // Statistics`, `Institute for Fiscal Studies`).
                let mut k = j;
                while k < toks.len()
                    && k < j + 2
                    && (is_connector(toks[k].text)
                        || (toks[k].text == "for" && is_org_word(toks[k - 1].bare())))
                    && joinable(text, &toks[k - 1], &toks[k])
                {
                    k += 1;
                }
                if k > j
                    && k < toks.len()
                    && is_capitalized(&toks[k])
                    && joinable(text, &toks[k - 1], &toks[k])
                {
                    j = k + 1;
                } else {
                    break;
                }
            }
            // The word before the run, skipping a comma (`envoy, Kirill …`).
            let before = i
                .checked_sub(1)
                .filter(|_| !initial[i])
                .map(|p| toks[p].text.to_lowercase());
            // A post-nominal (`MP`, `QC`) ends the name before it and, as a
            // title, announces the one after it (`Labour MP Jackie Ballard`,
            // `Margaret Moran MP said`).
            let mut from = i;
            for end in (i + 1..j).chain([j]) {
                if end < j && !is_post_nominal(toks[end].bare()) {
                    continue;
                }
                let ctx = Run {
                    text,
                    base,
                    toks: &toks[from..end],
                    first_initial: initial[from] || heading,
                    heading,
                    before: if from == i { before.clone() } else { None },
                };
                ctx.split(stats, &mut out);
                from = end;
            }
            i = j;
        }
    }
    out
}

/// One run of capitalised words and its context.
struct Run<'a, 't> {
    text: &'a str,
    base: usize,
    toks: &'t [Token<'a>],
    first_initial: bool,
    heading: bool,
    before: Option<String>,
}

impl Run<'_, '_> {
    fn gazetteer_at(&self, k: usize) -> Option<(usize, Known)> {
        let max = gazetteer::max_words().min(self.toks.len() - k);
        (1..=max).rev().find_map(|m| {
            let span = &self.text[self.toks[k].start..self.toks[k + m - 1].end];
            gazetteer::lookup(span).map(|known| (m, known))
        })
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(
            self.base + self.toks[from].start,
            self.base + self.toks[to].end,
        )
    }

    /// Splits the run into gazetteer names and other names with their cues.
    fn split(&self, stats: &WordStats, out: &mut Vec<Candidate>) {
        let toks = self.toks;
        let mut k = 0;
        if self.first_initial && self.gazetteer_at(0).is_none() {
            let w = toks[0].bare();
            let lower = w.to_lowercase();
            if !is_title(w) && !is_demonym(w) {
                let common = is_function_word(&lower) || stats.seen_in_lower_case(&lower);
                let unseen = toks.len() == 1 && !stats.seen_capitalised_mid_sentence(w);
                if common || unseen {
                    k = 1;
                }
            }
        }
        let mut titled_from: Option<usize> = None;
        // Set by a title right before the name; see `is_honorific`.
        let mut honorific = false;
        let mut person_cue = self
            .before
            .as_deref()
            .is_some_and(|b| is_role_noun(b.trim_end_matches('.')));
        let mut run: Vec<usize> = Vec::new();
        let mut has_place = false;
        while k < toks.len() {
            if let Some((m, known)) = self.gazetteer_at(k) {
                let after = k + m;
                let name_follows = after < toks.len()
                    && !is_title(toks[after].bare())
                    && !is_demonym(toks[after].bare())
                    && !is_connector(toks[after].text)
                    && self.gazetteer_at(after).is_none();
                if run.is_empty() && (!name_follows || known.affiliation) {
                    out.push(Candidate {
                        name: self.text[toks[k].start..toks[after - 1].end].to_owned(),
                        span: self.span(k, after - 1),
                        known: Some(known),
                        kind: Some(known.kind),
                        titled_form: None,
                        uncertain: self.heading,
                        cued: false,
                        words: m,
                    });
                    titled_from = None;
                    // A party right before a name: the name is a member's
                    // (`Liberal Democrat Sarah Teather`).
                    person_cue = known.affiliation && name_follows;
                    k = after;
                    continue;
                }
                has_place |= known.kind == EntityKind::Place;
                run.extend(k..after);
                k = after;
                continue;
            }
            let w = toks[k].bare();
            if run.is_empty() && is_title(w) {
                titled_from.get_or_insert(k);
                person_cue = true;
                honorific = is_honorific(w);
                k += 1;
                continue;
            }
            if run.is_empty() && (is_demonym(w) || is_connector(toks[k].text)) {
                // A title's `of` names its see or office, not the person
                // (`Archbishop of Westminster`, `Duke of Edinburgh`).
                if toks[k].text == "of" && titled_from.is_some() {
                    titled_from = None;
                    person_cue = false;
                    honorific = false;
                }
                k += 1;
                continue;
            }
            run.push(k);
            k += 1;
        }
        while run.last().is_some_and(|&r| is_connector(toks[r].text)) {
            run.pop();
        }
        let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
            return;
        };
        let words = run.iter().filter(|&&r| !is_connector(toks[r].text)).count();
        // A lone word after a role noun is often a company (`rival Google`);
        // only an honorific title (`Mr Blair`) makes it a person.
        if words == 1 && !honorific {
            person_cue = false;
        }
        let name = self.text[toks[first].start..toks[last].end].to_owned();
        let cues = Cues {
            words,
            person: person_cue,
            place: has_place,
            after_the: self.before.as_deref() == Some("the"),
        };
        let kind = kind_of(toks, &run, cues);
        let titled_form = match (kind, titled_from) {
            (Some(EntityKind::Person), Some(t)) => {
                Some(self.text[toks[t].start..toks[last].end].to_owned())
            }
            _ => None,
        };
        out.push(Candidate {
            name,
            span: self.span(first, last),
            known: None,
            kind,
            titled_form,
            uncertain: self.heading,
            cued: person_cue && kind == Some(EntityKind::Person),
            words,
        });
    }
}
