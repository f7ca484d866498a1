//! Numbers an article states ([`Quantity`]): what each measures, its unit
//! and the hedge written before it, as closed sets of words.

use serde::{Deserialize, Serialize};

use super::Span;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Money,
    Duration,
    Count,
    Percent,
    Year,
}

impl QuantityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Duration => "duration",
            QuantityKind::Count => "count",
            QuantityKind::Percent => "percent",
            QuantityKind::Year => "year",
        }
    }
}

/// Defines a closed set of words as an enum that reads as its word: `ALL`
/// (declaration order), `as_str`, `from_word`, `Display` and comparison
/// with strings. It serializes as its word in every format, so the JSON
/// and the bundle's bytes are what they were when these were strings.
macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $word:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            const WORDS: &'static [&'static str] = &[$($word,)*];

            /// The word, as JSON carries it and readers see it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)*
                }
            }

            /// The value written `word`, if there is one.
            pub fn from_word(word: &str) -> Option<$name> {
                match word {
                    $($word => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                struct Word;
                impl serde::de::Visitor<'_> for Word {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "one of {:?}", $name::WORDS)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_word(v).ok_or_else(|| E::unknown_variant(v, $name::WORDS))
                    }
                }
                d.deserialize_str(Word)
            }
        }
    };
}

word_enum! {
    /// The unit a quantity is normalised to: a currency for money, one of
    /// the time units for durations, `%`, `year` for a calendar year, and
    /// nothing (the empty word) for a count.
    pub enum QuantityUnit {
        Usd = "USD",
        Eur = "EUR",
        Gbp = "GBP",
        Jpy = "JPY",
        Rub = "RUB",
        Uah = "UAH",
        Cny = "CNY",
        Percent = "%",
        Seconds = "s",
        Minutes = "min",
        Hours = "h",
        Days = "days",
        Weeks = "weeks",
        Months = "months",
        Years = "years",
        Decades = "decades",
        /// A calendar year (`2022`), not a duration.
        CalendarYear = "year",
        /// A plain count (`two envoys`): no unit.
        Count = "",
    }
}

word_enum! {
    /// A hedge written before a number (`nearly four hours`, `more than
    /// 1,000`), in the order the quantity reader looks for them: phrases
    /// before the single words they end with.
    pub enum Qualifier {
        MoreThan = "more than",
        LessThan = "less than",
        FewerThan = "fewer than",
        UpTo = "up to",
        AtLeast = "at least",
        AtMost = "at most",
        AsManyAs = "as many as",
        AsMuchAs = "as much as",
        Nearly = "nearly",
        Almost = "almost",
        About = "about",
        Around = "around",
        Approximately = "approximately",
        Roughly = "roughly",
        Some = "some",
        Over = "over",
        Under = "under",
        Just = "just",
        Only = "only",
        Exactly = "exactly",
        Precisely = "precisely",
        Estimated = "estimated",
        Barely = "barely",
        UpwardsOf = "upwards of",
    }
}

/// A number the article states, normalised so reports can be compared:
/// `a five-hour meeting` → 5 `h`, subject `meeting`; `nearly four hours` →
/// 4 `h`, qualifier `nearly`; `€90 billion loan` → 9e10 `EUR`, subject `loan`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The words that state it (`five-hour`, `€90 billion`).
    pub text: String,
    pub kind: QuantityKind,
    pub value: f64,
    /// `USD`, `EUR`, `GBP`, …; `h`, `min`, `s`, `days`, `weeks`, `months`,
    /// `years`, `decades`; `%`; `year` for calendar years; empty for counts.
    pub unit: QuantityUnit,
    /// A hedge before it: `nearly`, `about`, `more than`, …
    pub qualifier: Option<Qualifier>,
    /// The noun it describes when adjacent (`meeting`, `loan`, `envoys`).
    pub subject: Option<String>,
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_words_read_and_serialize_as_before() {
        for &unit in QuantityUnit::ALL {
            assert_eq!(QuantityUnit::from_word(unit.as_str()), Some(unit));
        }
        for &hedge in Qualifier::ALL {
            assert_eq!(Qualifier::from_word(hedge.as_str()), Some(hedge));
        }
        assert_eq!(QuantityUnit::Count.to_string(), "");
        assert_eq!(
            format!("{} {}", QuantityUnit::Hours, Qualifier::MoreThan),
            "h more than"
        );
        assert!(QuantityUnit::CalendarYear == "year" && QuantityUnit::Years == "years");
        assert_eq!(Some(Qualifier::Nearly).map(|q| q.as_str()), Some("nearly"));
        assert_eq!(Qualifier::from_word("nearly enough"), None);
    }

    #[test]
    fn quantity_words_are_strings_in_every_format() {
        let json = serde_json::to_string(&(QuantityUnit::Eur, Some(Qualifier::UpTo))).unwrap();
        assert_eq!(json, r#"["EUR","up to"]"#);
        let back: (QuantityUnit, Option<Qualifier>) = serde_json::from_str(&json).unwrap();
        assert_eq!(back, (QuantityUnit::Eur, Some(Qualifier::UpTo)));
        assert!(serde_json::from_str::<QuantityUnit>(r#""furlongs""#).is_err());
        // The bundle's encoding: the same bytes as the strings they were.
        let bytes = postcard::to_allocvec(&QuantityUnit::Percent).unwrap();
        assert_eq!(bytes, postcard::to_allocvec("%").unwrap());
        let back: QuantityUnit = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, QuantityUnit::Percent);
    }
}
