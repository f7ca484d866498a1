//! Small lists of names that capitalisation alone cannot classify: countries,
//! capitals and other often-reported places, international bodies and
//! institutions, and political parties — each with its usual variants mapped to one canonical name
//! (`U.S.`, `US`, `USA`, `America` → `United States`; `EU` → `European Union`).
//!
//! They are deliberately small (news about world affairs, a few hundred
//! names): enough to anchor the heuristics in [`super::entities`], with no
//! data files and nothing to download.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::article::EntityKind;

/// Countries, with variants after `=` (`canonical=variant=variant`).
const COUNTRIES: &[&str] = &[
    "United States=US=U.S.=USA=U.S.A.=America=United States of America",
    "United Kingdom=UK=U.K.=Britain=Great Britain",
    "Russia=Russian Federation",
    "Ukraine",
    "China=People's Republic of China",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Portugal",
    "Poland",
    "Hungary",
    "Austria",
    "Switzerland",
    "Belgium",
    "Netherlands=Holland",
    "Luxembourg",
    "Denmark",
    "Sweden",
    "Norway",
    "Finland",
    "Iceland",
    "Ireland",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Belarus",
    "Moldova",
    "Romania",
    "Bulgaria",
    "Greece",
    "Turkey=Türkiye",
    "Cyprus",
    "Malta",
    "Serbia",
    "Croatia",
    "Slovenia",
    "Slovakia",
    "Czech Republic=Czechia",
    "Bosnia",
    "Montenegro",
    "Albania",
    "North Macedonia=Macedonia",
    "Kosovo",
    "Georgia",
    "Armenia",
    "Azerbaijan",
    "Kazakhstan",
    "Uzbekistan",
    "Turkmenistan",
    "Kyrgyzstan",
    "Tajikistan",
    "Mongolia",
    "Japan",
    "South Korea",
    "North Korea",
    "Taiwan",
    "India",
    "Pakistan",
    "Bangladesh",
    "Sri Lanka",
    "Nepal",
    "Afghanistan",
    "Iran",
    "Iraq",
    "Syria",
    "Lebanon",
    "Israel",
    "Palestine",
    "Jordan",
    "Saudi Arabia",
    "Yemen",
    "Oman",
    "United Arab Emirates=UAE",
    "Qatar",
    "Kuwait",
    "Bahrain",
    "Egypt",
    "Libya",
    "Tunisia",
    "Algeria",
    "Morocco",
    "Sudan",
    "South Sudan",
    "Ethiopia",
    "Eritrea",
    "Somalia",
    "Kenya",
    "Uganda",
    "Tanzania",
    "Rwanda",
    "Nigeria",
    "Ghana",
    "Senegal",
    "Mali",
    "Niger",
    "Chad",
    "Cameroon",
    "Congo",
    "Angola",
    "Zambia",
    "Zimbabwe",
    "Mozambique",
    "Namibia",
    "Botswana",
    "South Africa",
    "Madagascar",
    "Canada",
    "Mexico",
    "Cuba",
    "Haiti",
    "Venezuela",
    "Colombia",
    "Ecuador",
    "Peru",
    "Bolivia",
    "Brazil",
    "Chile",
    "Argentina",
    "Uruguay",
    "Paraguay",
    "Australia",
    "New Zealand",
    "Indonesia",
    "Malaysia",
    "Singapore",
    "Thailand",
    "Vietnam",
    "Philippines",
    "Myanmar=Burma",
    "Cambodia",
    "Laos",
    "North Korea",
    "Vatican",
];

/// Capitals, cities, regions and continents often in the news.
const PLACES: &[&str] = &[
    "Moscow",
    "Kyiv=Kiev",
    "Washington=Washington D.C.=Washington, D.C.",
    "Miami",
    "Berlin",
    "Abu Dhabi",
    "Paris",
    "London",
    "New Delhi=Delhi",
    "Beijing",
    "Tokyo",
    "Brussels",
    "Geneva",
    "Istanbul",
    "Ankara",
    "Doha",
    "Riyadh",
    "Jeddah",
    "Dubai",
    "Tehran",
    "Jerusalem",
    "Tel Aviv",
    "Gaza",
    "Gaza Strip",
    "West Bank",
    "Cairo",
    "Rome",
    "Madrid",
    "Warsaw",
    "Vienna",
    "Minsk",
    "Budapest",
    "Prague",
    "Helsinki",
    "Stockholm",
    "Oslo",
    "Copenhagen",
    "Amsterdam",
    "The Hague",
    "Lisbon",
    "Athens",
    "Bucharest",
    "Sofia",
    "Belgrade",
    "Tbilisi",
    "Yerevan",
    "Baku",
    "Astana",
    "Tashkent",
    "Islamabad",
    "Kabul",
    "Baghdad",
    "Damascus",
    "Beirut",
    "Amman",
    "Seoul",
    "Pyongyang",
    "Taipei",
    "Hong Kong",
    "Shanghai",
    "Bangkok",
    "Jakarta",
    "Manila",
    "Hanoi",
    "Sydney",
    "Canberra",
    "Melbourne",
    "Ottawa",
    "Toronto",
    "New York",
    "Los Angeles",
    "Chicago",
    "Houston",
    "Dallas",
    "Seattle",
    "Detroit",
    "Atlanta",
    "Miami",
    "Las Vegas",
    "Philadelphia",
    "San Francisco",
    "Boston",
    "Mexico City",
    "Brasilia",
    "Buenos Aires",
    "Lagos",
    "Nairobi",
    "Johannesburg",
    "Cape Town",
    "Pretoria",
    "Addis Ababa",
    "Kharkiv",
    "Odesa=Odessa",
    "Mariupol",
    "Kherson",
    "Zaporizhzhia",
    "Lviv",
    "Dnipro",
    "St Petersburg=St. Petersburg=Saint Petersburg",
    "Sochi",
    "Westminster",
    "Edinburgh",
    "Glasgow",
    "Manchester",
    "Liverpool",
    "Birmingham",
    "Leeds",
    "Dublin",
    "Belfast",
    "Cardiff",
    "Frankfurt",
    "Munich",
    "Milan",
    "Barcelona",
    "Zurich",
    "Davos",
    "Anchorage",
    "Mumbai",
    "Donbas=Donbass",
    "Donetsk",
    "Luhansk",
    "Crimea",
    "Kursk",
    "Belgorod",
    "Europe",
    "Asia",
    "Africa",
    "North America",
    "South America",
    "Latin America",
    "Middle East",
    "Eastern Europe",
    "Western Europe",
    "Central Asia",
    "Scandinavia",
    "Balkans",
    "Caucasus",
    "Arctic",
    "Antarctica",
    "Black Sea",
    "Baltic Sea",
    "Mediterranean",
    "Gulf",
    "Siberia",
    "Scotland",
    "England",
    "Wales",
    "Northern Ireland",
    "California",
    "Texas",
    "Florida",
    "Alaska",
    "Kashmir",
    "Tibet",
    "Transnistria",
    "Silicon Valley",
    "Wall Street",
    "Hollywood",
];

/// International bodies and institutions.
const ORGANIZATIONS: &[&str] = &[
    "European Union=EU=E.U.",
    "United Nations=UN=U.N.",
    "NATO=Nato=North Atlantic Treaty Organization",
    "Kremlin",
    "White House",
    "Pentagon",
    "Downing Street",
    "Elysee=Élysée",
    "European Commission",
    "European Parliament",
    "European Central Bank=ECB",
    "International Monetary Fund=IMF",
    "World Bank",
    "World Trade Organization=WTO",
    "World Health Organization=WHO",
    "OPEC=Opec",
    "G7=Group of Seven",
    "G20=Group of 20",
    "ASEAN",
    "African Union",
    "Arab League",
    "Red Cross",
    "UNESCO=Unesco",
    "UNICEF=Unicef",
    "OSCE",
    "Council of Europe",
    "International Criminal Court=ICC",
    "International Atomic Energy Agency=IAEA",
    "Security Council=UN Security Council",
    "Federal Reserve=Fed",
    "Bank of England",
    "State Department",
    "Foreign Office",
    "Congress",
    "Senate",
    "House of Commons",
    "House of Lords",
    "Bundestag",
    "Duma",
    "European Council",
    "Hamas",
    "Hezbollah",
    "Taliban",
    "BBC",
    "Reuters",
    "Associated Press=AP",
    "Al Jazeera",
    "CNN",
    "RT",
    "France 24",
    "TASS=Tass",
];

/// Political parties, written before their members' names as often as
/// alone (`Liberal Democrat Sarah Teather`, `Tory leader Michael Howard`).
/// Singular `Democrat` and `Republican` are left out: they open other
/// names (`Irish Republican Army`).
const PARTIES: &[&str] = &[
    "Labour Party=Labour=New Labour",
    "Conservative Party=Conservatives=Conservative=Tories=Tory=Tory Party",
    "Liberal Democrats=Liberal Democrat=Lib Dems=Lib Dem=Liberal Democratic Party",
    "Scottish National Party=SNP",
    "Plaid Cymru",
    "UK Independence Party=UKIP=Ukip",
    "Green Party",
    "Sinn Fein=Sinn Féin",
    "Democratic Unionist Party=DUP",
    "Ulster Unionist Party=UUP",
    "Democratic Party=Democrats",
    "Republican Party=Republicans=GOP",
    "United Russia",
];

/// One gazetteer entry: the canonical name and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub canonical: &'static str,
    pub kind: EntityKind,
    /// A party: a name written right after it is one of its members, not
    /// part of the party's name.
    pub affiliation: bool,
}

struct Tables {
    exact: HashMap<&'static str, Known>,
    /// Lower-cased names of places, for datelines in capitals (`MOSCOW`).
    places_lower: HashMap<String, &'static str>,
    /// The longest entry in words, to bound the longest-match search.
    max_words: usize,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut exact = HashMap::new();
        let mut places_lower = HashMap::new();
        let mut max_words = 1;
        let lists = [
            (COUNTRIES, EntityKind::Place, false),
            (PLACES, EntityKind::Place, false),
            (ORGANIZATIONS, EntityKind::Organization, false),
            (PARTIES, EntityKind::Organization, true),
        ];
        for (list, kind, affiliation) in lists {
            for entry in list {
                let mut names = entry.split('=');
                let canonical = names.next().unwrap_or(entry);
                for name in entry.split('=') {
                    exact.entry(name).or_insert(Known {
                        canonical,
                        kind,
                        affiliation,
                    });
                    max_words = max_words.max(name.split_whitespace().count());
                    if kind == EntityKind::Place {
                        places_lower.insert(name.to_lowercase(), canonical);
                    }
                }
            }
        }
        Tables {
            exact,
            places_lower,
            max_words,
        }
    })
}

/// Looks a name up exactly as written (`EU`, `U.S.`, `Abu Dhabi`).
pub fn lookup(name: &str) -> Option<Known> {
    tables().exact.get(name).copied()
}

/// The most words any entry has.
pub fn max_words() -> usize {
    tables().max_words
}

/// True for a known place in any case (`Moscow`, `MOSCOW`).
pub fn is_place(name: &str) -> bool {
    tables().places_lower.contains_key(&name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_a_canonical_name() {
        for v in ["US", "U.S.", "United States", "America"] {
            assert_eq!(lookup(v).unwrap().canonical, "United States");
        }
        assert_eq!(lookup("EU").unwrap().canonical, "European Union");
        assert_eq!(lookup("Kremlin").unwrap().kind, EntityKind::Organization);
        assert_eq!(lookup("Abu Dhabi").unwrap().kind, EntityKind::Place);
        assert_eq!(lookup("us"), None);
    }

    #[test]
    fn places_in_capitals() {
        assert!(is_place("MOSCOW"));
        assert!(!is_place("Note"));
    }
}
