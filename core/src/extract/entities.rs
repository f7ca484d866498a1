//! People, places and organisations, found without a model.
//!
//! 1. **Chunking.** Runs of capitalised words (joined by `of`, `the`, `de`,
//!    …) are candidate names. Hyphens, commas and possessives end a run.
//! 2. **Position.** A capitalised word that opens a sentence is a name only
//!    when the corpus also capitalises it mid-sentence (`Putin received …`)
//!    and never writes it in lower case (`Despite …`, `Officials …`).
//!    Headings are title case, so their words count only when they are
//!    known names already.
//! 3. **Gazetteer.** Countries, capitals and international bodies are looked
//!    up (longest match first) and take their canonical name (`U.S.` →
//!    `United States`).
//! 4. **Cues.** Titles before a name (`President`, `Mr`) and role nouns
//!    (`envoy Steve Witkoff`) mark people; last words such as `Commission`
//!    or `Post` mark organisations; `River` or `Province` mark places. Two or
//!    three plain capitalised words with no other cue are taken as a person.
//! 5. **Corpus consistency.** [`Knowledge`] pools every article's confident
//!    decisions: a name gets the kind most articles give it, and a surname
//!    alone (`Putin`, `Witkoff`) resolves to the one full name that ends
//!    with it anywhere in the corpus.
//!
//! Aliases are the other forms an entity is written in (`Putin`,
//! `President Vladimir Putin`, `U.S.`, `EU`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::article::{Article, BlockKind, Entity, EntityKind, Span};
use crate::text::{gap, tokens, Token};

use super::gazetteer::{self, Known};
use super::words::{
    is_calendar_word, is_connector, is_demonym, is_function_word, is_org_word, is_place_word,
    is_role_noun, is_title,
};

/// How the corpus writes its words, for judging sentence-initial capitals.
#[derive(Debug, Clone, Default)]
pub struct WordStats {
    /// Words seen starting in lower case.
    lower: HashSet<String>,
    /// Capitalised words seen other than at the start of a sentence.
    mid_caps: HashSet<String>,
}

impl WordStats {
    fn add(&mut self, article: &Article) {
        for_each_token(article, |block_kind, tok, initial| {
            if block_kind != BlockKind::Paragraph {
                return;
            }
            let first = tok.text.chars().next().unwrap_or(' ');
            if first.is_lowercase() {
                if !self.lower.contains(tok.text) {
                    self.lower.insert(tok.text.to_owned());
                }
            } else if first.is_uppercase() && !initial && !self.mid_caps.contains(tok.text) {
                self.mid_caps.insert(tok.text.to_owned());
            }
        });
    }
}

/// What a corpus knows about names, pooled from all its articles.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    stats: WordStats,
    /// The kind most articles give a name.
    kinds: HashMap<String, EntityKind>,
    /// Last word of a person's name → the one full name ending with it
    /// (`None` when several do, so the surname is ambiguous).
    surnames: HashMap<String, Option<String>>,
}

impl Knowledge {
    /// Pools what `articles` say about names.
    pub fn build(articles: &[Article]) -> Knowledge {
        let mut stats = WordStats::default();
        for a in articles {
            stats.add(a);
        }
        let mut votes: HashMap<String, [u32; 3]> = HashMap::new();
        let mut full_names: HashMap<String, BTreeSet<String>> = HashMap::new();
        for a in articles {
            for c in candidates(a, &stats) {
                let (Some(kind), None, false) = (c.kind, c.known, c.uncertain) else {
                    continue;
                };
                votes.entry(c.name.clone()).or_default()[kind as usize] += 1;
                if kind == EntityKind::Person && c.words >= 2 {
                    if let Some(last) = c.name.split_whitespace().last() {
                        full_names
                            .entry(last.to_owned())
                            .or_default()
                            .insert(c.name.clone());
                    }
                }
            }
        }
        let kinds = votes
            .into_iter()
            .map(|(name, v)| {
                let kind = [
                    EntityKind::Person,
                    EntityKind::Place,
                    EntityKind::Organization,
                ]
                .into_iter()
                .max_by_key(|k| (v[*k as usize], std::cmp::Reverse(*k as usize)))
                .unwrap_or(EntityKind::Person);
                (name, kind)
            })
            .collect();
        let surnames = full_names
            .into_iter()
            .map(|(last, names)| {
                // `Vladimir Putin` and `Vladimir V. Putin` are one person only
                // if every name is a suffix of the longest; else ambiguous.
                let longest = names.iter().max_by_key(|n| n.len()).cloned();
                let one = longest.filter(|l| {
                    names
                        .iter()
                        .all(|n| l == n || l.ends_with(&format!(" {n}")))
                });
                (last, one)
            })
            .collect();
        Knowledge {
            stats,
            kinds,
            surnames,
        }
    }

    fn resolve(&self, c: &Candidate) -> Option<(String, EntityKind)> {
        if let Some(known) = c.known {
            return Some((known.canonical.to_owned(), known.kind));
        }
        let last = c.name.split_whitespace().last().unwrap_or("");
        if let Some(Some(full)) = self.surnames.get(last) {
            if *full == c.name || full.ends_with(&format!(" {}", c.name)) {
                return Some((full.clone(), EntityKind::Person));
            }
        }
        if let Some(&kind) = self.kinds.get(&c.name) {
            return Some((c.name.clone(), kind));
        }
        if c.uncertain {
            return None;
        }
        c.kind.map(|k| (c.name.clone(), k))
    }
}

/// The entities of one article, resolved with `knowledge`, in order of first
/// mention.
pub fn find(article: &Article, knowledge: &Knowledge) -> Vec<Entity> {
    let mut found: BTreeMap<String, (EntityKind, BTreeSet<String>, Vec<Span>)> = BTreeMap::new();
    for c in candidates(article, &knowledge.stats) {
        let Some((name, kind)) = knowledge.resolve(&c) else {
            continue;
        };
        let entry = found
            .entry(name.clone())
            .or_insert_with(|| (kind, BTreeSet::new(), Vec::new()));
        entry.2.push(c.span);
        let surface = article.text(c.span);
        if surface != name {
            entry.1.insert(surface.to_owned());
        }
        if let Some(form) = c.titled_form {
            entry.1.insert(form);
        }
    }
    let mut entities: Vec<Entity> = found
        .into_iter()
        .map(|(name, (kind, aliases, mut mentions))| {
            mentions.sort_unstable();
            mentions.dedup();
            Entity {
                name,
                kind,
                aliases: aliases.into_iter().collect(),
                mentions,
            }
        })
        .collect();
    entities.sort_by_key(|e| e.mentions.first().copied());
    entities
}

/// A possible name and what the text says about it.
#[derive(Debug, Clone)]
struct Candidate {
    /// The name as written, without titles (`Vladimir Putin`).
    name: String,
    span: Span,
    /// A gazetteer entry, when the name is one.
    known: Option<Known>,
    /// The kind the local cues suggest.
    kind: Option<EntityKind>,
    /// The name with the titles before it (`President Vladimir Putin`).
    titled_form: Option<String>,
    /// From a heading, so capitalisation says nothing.
    uncertain: bool,
    words: usize,
}

/// Calls `f` for every token of the body with its block kind and whether it
/// opens a sentence (every heading token counts as opening one).
fn for_each_token<'a>(article: &'a Article, mut f: impl FnMut(BlockKind, &Token<'a>, bool)) {
    let mut next_sentence = 0;
    for block in &article.blocks {
        let base = block.span.start as usize;
        let text = article.text(block.span);
        for tok in tokens(text) {
            let abs = base + tok.start;
            let mut initial = block.kind == BlockKind::Heading;
            while let Some(s) = article.sentences.get(next_sentence) {
                if (s.span.start as usize) <= abs {
                    initial = true;
                    next_sentence += 1;
                } else {
                    break;
                }
            }
            f(block.kind, &tok, initial);
        }
    }
}

fn is_capitalized(tok: &Token) -> bool {
    tok.is_capitalized() && !is_calendar_word(tok.bare())
}

/// Only spaces (no punctuation, no possessive) between two words of a name.
fn joinable(text: &str, a: &Token, b: &Token) -> bool {
    !a.possessive && {
        let g = gap(text, a, b);
        !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}')
    }
}

fn candidates(article: &Article, stats: &WordStats) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut next_sentence = 0;
    for block in &article.blocks {
        let base = block.span.start as usize;
        let text = article.text(block.span);
        let toks = tokens(text);
        let initial: Vec<bool> = toks
            .iter()
            .map(|tok| {
                let abs = base + tok.start;
                let mut initial = false;
                while let Some(s) = article.sentences.get(next_sentence) {
                    if (s.span.start as usize) <= abs {
                        initial = true;
                        next_sentence += 1;
                    } else {
                        break;
                    }
                }
                initial
            })
            .collect();
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
                // Up to two connectors, then a capitalised word.
                let mut k = j;
                while k < toks.len()
                    && k < j + 2
                    && is_connector(toks[k].text)
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
            let ctx = Run {
                text,
                base,
                toks: &toks[i..j],
                first_initial: initial[i] || heading,
                heading,
                before,
            };
            ctx.split(stats, &mut out);
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
                let common = is_function_word(&lower) || stats.lower.contains(&lower);
                let unseen = toks.len() == 1 && !stats.mid_caps.contains(w);
                if common || unseen {
                    k = 1;
                }
            }
        }
        let mut titled_from: Option<usize> = None;
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
                if run.is_empty() && !name_follows {
                    out.push(Candidate {
                        name: self.text[toks[k].start..toks[after - 1].end].to_owned(),
                        span: self.span(k, after - 1),
                        known: Some(known),
                        kind: Some(known.kind),
                        titled_form: None,
                        uncertain: self.heading,
                        words: m,
                    });
                    titled_from = None;
                    person_cue = false;
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
                k += 1;
                continue;
            }
            if run.is_empty() && (is_demonym(w) || is_connector(toks[k].text)) {
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
        let name = self.text[toks[first].start..toks[last].end].to_owned();
        let kind = self.kind_of(&run, words, person_cue, has_place, first == 0);
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
            words,
        });
    }

    fn kind_of(
        &self,
        run: &[usize],
        words: usize,
        person_cue: bool,
        has_place: bool,
        at_start: bool,
    ) -> Option<EntityKind> {
        let toks = self.toks;
        let last = toks[*run.last()?].bare();
        if run.iter().any(|&r| is_org_word(toks[r].bare())) {
            return Some(EntityKind::Organization);
        }
        if is_place_word(last) {
            return Some(EntityKind::Place);
        }
        if has_place {
            return Some(EntityKind::Organization);
        }
        if person_cue {
            return Some(EntityKind::Person);
        }
        let plain = run.iter().all(|&r| {
            let t = toks[r].text;
            let lowers = t.chars().filter(|c| c.is_lowercase()).count();
            t.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.'))
                && (lowers > 0 || t.chars().count() <= 2)
        });
        if (2..=3).contains(&words) && plain {
            return Some(EntityKind::Person);
        }
        if words == 1 {
            let w = toks[run[0]].text;
            let acronym = (2..=6).contains(&w.chars().count())
                && w.chars().all(|c| c.is_ascii_uppercase() || c == '&');
            if acronym {
                return Some(EntityKind::Organization);
            }
            if at_start && self.before.as_deref() == Some("in") {
                return Some(EntityKind::Place);
            }
            return None;
        }
        (words >= 4).then_some(EntityKind::Organization)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::from_text;

    fn entities(text: &str) -> Vec<Entity> {
        let a = from_text("t", "t.txt", text);
        find(&a, &Knowledge::build(std::slice::from_ref(&a)))
    }

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        entities(text)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    use EntityKind::*;

    #[test]
    fn titles_and_surnames_merge() {
        let e = entities(
            "Headline\nPresident Vladimir Putin met envoys. Later Putin spoke. Vladimir Putin left.",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Vladimir Putin");
        assert_eq!(e[0].kind, Person);
        assert_eq!(e[0].mentions.len(), 3);
        assert_eq!(e[0].aliases, ["President Vladimir Putin", "Putin"]);
    }

    #[test]
    fn gazetteer_variants_merge() {
        let e = entities("Headline\nThe U.S. and the US agreed. The United States and the EU met the European Union.");
        let n: Vec<(&str, usize)> = e
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(n, [("United States", 3), ("European Union", 2)]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let n = names(
            "Headline\nDespite talks, nothing moved. Officials met in Moscow. The officials left.",
        );
        assert_eq!(n, [("Moscow".to_owned(), Place)]);
    }

    #[test]
    fn role_nouns_and_demonyms() {
        let n = names("Headline\nThe senior Kremlin adviser Yuri Ushakov and US special envoy Steve Witkoff met Russian officials.");
        assert_eq!(
            n,
            [
                ("Kremlin".to_owned(), Organization),
                ("Yuri Ushakov".to_owned(), Person),
                ("United States".to_owned(), Place),
                ("Steve Witkoff".to_owned(), Person),
            ]
        );
    }

    #[test]
    fn hyphens_split_and_org_words_classify() {
        let n = names("Headline\nThe Russia-Ukraine war was covered by the New York Post and the Independent International Commission of Inquiry.");
        assert_eq!(
            n,
            [
                ("Russia".to_owned(), Place),
                ("Ukraine".to_owned(), Place),
                ("New York Post".to_owned(), Organization),
                (
                    "Independent International Commission of Inquiry".to_owned(),
                    Organization
                ),
            ]
        );
    }

    #[test]
    fn headings_only_name_known_things() {
        let n = names("Headline\nFirst paragraph about Kyiv.\nDivergent Paths to Peace in Kyiv\nSecond paragraph.");
        assert_eq!(n, [("Kyiv".to_owned(), Place)]);
    }

    #[test]
    fn corpus_knowledge_resolves_a_bare_surname() {
        let a = from_text("a", "a.txt", "Headline\nEnvoy Steve Witkoff arrived.");
        let b = from_text("b", "b.txt", "Headline\nThe talks with Witkoff ran late.");
        let k = Knowledge::build(&[a, b.clone()]);
        let e = find(&b, &k);
        assert_eq!(e[0].name, "Steve Witkoff");
        assert_eq!(e[0].aliases, ["Witkoff"]);
    }
}
