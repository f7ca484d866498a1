//! Where quotations are: quotation marks paired into regions.
//!
//! The sentence splitter needs them (nothing inside a quotation ends a
//! sentence) and so does the quote extractor (the words between the marks
//! are the quote); both read the same pairs from here.
//!
//! Curly quotes and guillemets pair an opening mark with the next closing
//! one; straight quotes pair in turn. A mark left without a partner opens
//! nothing.

/// Paired quotation regions as byte ranges `open..=close`, sorted. Curly
/// and guillemet quotes pair open with close; straight quotes pair in turn.
pub fn quote_regions(text: &str) -> Vec<(usize, usize)> {
    let q = Quotations::of(text);
    let mut all = q.curly;
    all.extend(q.straight);
    all.sort_unstable();
    all
}

/// Quotation regions in two sorted, non-overlapping lists, so the region
/// around a position is found by binary search (long inputs stay linear-ish).
pub struct Quotations {
    curly: Vec<(usize, usize)>,
    straight: Vec<(usize, usize)>,
}

impl Quotations {
    /// Pairs the quotation marks of `text`.
    pub fn of(text: &str) -> Quotations {
        let mut curly = Vec::new();
        let mut straight = Vec::new();
        let mut curly_open = None;
        let mut straight_open = None;
        for (pos, c) in text.char_indices() {
            match c {
                '“' | '«' | '„' => curly_open = Some(pos),
                '”' | '»' => {
                    if let Some(o) = curly_open.take() {
                        curly.push((o, pos));
                    }
                }
                '"' => match straight_open.take() {
                    Some(o) => straight.push((o, pos)),
                    None => straight_open = Some(pos),
                },
                _ => {}
            }
        }
        Quotations { curly, straight }
    }

    /// The region strictly containing `pos`, if any.
    pub fn around(&self, pos: usize) -> Option<(usize, usize)> {
        [&self.curly, &self.straight].into_iter().find_map(|list| {
            let i = list.partition_point(|&(o, _)| o < pos);
            let &(o, c) = list.get(i.checked_sub(1)?)?;
            (pos < c).then_some((o, c))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_pairs() {
        let text = "He said “yes” and \"no\" then “maybe";
        let r = quote_regions(text);
        let inner: Vec<&str> = r
            .iter()
            .map(|&(o, c)| &text[o + text[o..].chars().next().unwrap().len_utf8()..c])
            .collect();
        assert_eq!(inner, ["yes", "no"]);
        let q = Quotations::of(text);
        let y = text.find("yes").unwrap();
        assert!(q.around(y).is_some());
        assert!(q.around(text.find("maybe").unwrap()).is_none());
    }
}
