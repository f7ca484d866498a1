//! Words that tell the extractors what the words next to them are: titles
//! and roles before a person's name, post-nominals after it, demonyms,
//! connectors inside a name, the last words of organisations and places,
//! calendar words that are never names, and the verbs that introduce speech.
//!
//! Each list compares the word exactly as written, so the lower-case lists
//! (role nouns, connectors, speech verbs) match only lower-case words.

word_set!(
    /// Titles and roles written before a name (`President`, `Mr`), compared
    /// without a trailing dot; a person cue.
    is_title,
    [
        "President", "Vice", "Prime", "Minister", "Chancellor", "Senator", "Sen", "Secretary",
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "King", "Queen", "Prince",
        "Princess", "Pope", "General", "Gen", "Governor", "Gov", "Senior", "Deputy", "Foreign",
        "Special", "Envoy", "Chief", "Spokesman", "Spokeswoman", "Spokesperson", "Adviser",
        "Advisor", "Sir", "Lord", "Lady", "Dame", "Judge", "Justice", "Mayor", "Ambassador",
        "Commissioner", "Director", "Chairman", "Chairwoman", "CEO", "Rep", "Representative",
        "Lieutenant", "Colonel", "Col", "Captain", "Capt", "Sgt", "Sergeant", "Admiral",
        "Marshal", "Commander", "Defence", "Defense", "Finance", "Interior", "Health",
        "Culture", "Sports", "Home", "Labour", "Trade", "Economy", "Officer", "Executive",
        "Presidential", "Former", "Acting", "Interim", "Coach", "Manager", "Striker",
        "Speaker", "Leader", "Premier", "Attorney", "Sheikh", "Crown", "Emir", "Ayatollah",
        "Archbishop", "Bishop", "Father", "Rev", "Reverend", "Saint", "MP", "MEP", "MSP",
        "QC", "KC",
    ]
);

word_set!(
    /// Letters written after a name (`Frank Field MP`): not part of it.
    /// Before a name they are titles (`Labour MP Jackie Ballard`).
    is_post_nominal,
    ["MP", "MPs", "MEP", "MEPs", "MSP", "MSPs", "QC", "KC", "OBE", "MBE", "CBE"]
);

word_set!(
    /// Role nouns in running text that announce a person's name after them
    /// (`envoy Steve Witkoff`, `adviser Yuri Ushakov`).
    is_role_noun,
    [
        "president", "envoy", "envoys", "adviser", "advisor", "aide", "spokesman",
        "spokeswoman", "spokesperson", "minister", "secretary", "senator", "chancellor",
        "official", "leader", "ambassador", "director", "chief", "executive", "chairman",
        "chairwoman", "coach", "manager", "striker", "player", "singer", "actor", "actress",
        "star", "writer", "author", "journalist", "correspondent", "analyst", "premier",
        "lawyer", "prosecutor", "judge", "economist", "founder", "boss", "head", "captain",
        "defender", "midfielder", "goalkeeper", "champion", "winner", "chef", "presenter",
        "director-general", "negotiator", "diplomat", "commander", "general", "mp", "mep",
        "counterpart", "mayor", "governor", "rapper", "guitarist", "comedian", "designer",
        "producer", "artist", "businessman", "businesswoman", "tycoon", "billionaire",
        "candidate", "challenger", "rival", "colleague", "son", "daughter", "wife", "husband",
    ]
);

word_set!(
    /// Adjectives of nationality or region; not entities themselves
    /// (`Russian officials`), and not part of the name they precede.
    is_demonym,
    [
        "Russian", "Ukrainian", "American", "French", "German", "British", "Chinese",
        "Indian", "European", "Western", "Eastern", "Northern", "Southern", "Asian", "African",
        "Arab", "Israeli", "Palestinian", "Iranian", "Turkish", "Polish", "Italian", "Spanish",
        "Japanese", "Korean", "Canadian", "Australian", "Mexican", "Brazilian", "Syrian",
        "Iraqi", "Afghan", "Pakistani", "Saudi", "Egyptian", "Dutch", "Belgian", "Swiss",
        "Swedish", "Norwegian", "Danish", "Finnish", "Irish", "Scottish", "Welsh", "English",
        "Greek", "Hungarian", "Czech", "Romanian", "Bulgarian", "Serbian", "Belarusian",
        "Georgian", "Armenian", "Azerbaijani", "Kazakh", "Soviet", "Nordic", "Baltic",
        "Emirati", "Qatari", "Turk", "Kremlin-backed", "Pro-Russian", "Latin", "Islamic",
        "Christian", "Muslim", "Jewish", "Catholic", "Hindu", "Sunni", "Shia", "Kurdish",
        "Scandinavian", "Slovak", "Croatian", "Lithuanian", "Latvian", "Estonian", "Moldovan",
    ]
);

word_set!(
    /// Words that join parts of one name (`Charter of the United Nations`).
    is_connector,
    ["of", "the", "de", "da", "del", "der", "van", "von", "bin", "al", "la", "le", "du"]
);

word_set!(
    /// Capitalised words that are never names by themselves.
    is_calendar_word,
    [
        "January", "February", "March", "April", "June", "July", "August", "September",
        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "Christmas", "Easter", "New Year", "Mon", "Tue",
        "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "I", "OK", "TV", "GDP", "CEO", "AM", "PM", "PC",
        "CD", "DVD", "UAVs", "A", "Internet", "Web", "God", "GMT", "BST", "UTC", "EST", "CET",
    ]
);

word_set!(
    /// Last words that make a name an organisation.
    is_org_word,
    [
        "Commission", "Council", "Committee", "Ministry", "Department", "Agency", "Bank",
        "Fund", "Group", "Party", "Union", "Association", "Organisation", "Organization",
        "Institute", "University", "College", "School", "Court", "Parliament", "Assembly",
        "Congress", "Senate", "Office", "Corporation", "Corp", "Company", "Co", "Inc", "Ltd",
        "plc", "PLC", "Airlines", "Airways", "Motors", "Foundation", "Federation", "Alliance",
        "Forces", "Army", "Navy", "Police", "Network", "News", "Times", "Post", "Journal",
        "Herald", "Guardian", "Telegraph", "Press", "Media", "Television", "Radio", "Records",
        "Studios", "Pictures", "Club", "FC", "United", "Board", "Authority", "Service",
        "Services", "Trust", "Society", "Industries", "Holdings", "Systems", "Technologies",
        "Labs", "Entertainment", "Communications", "Telecom", "Energy", "Oil", "Petroleum",
        "Exchange", "Reserve", "Treasury", "Cabinet", "Government", "Administration",
        "Independent", "Review", "Magazine", "Channel", "Broadcasting", "Olympics", "League",
        "Cup", "Championship", "Festival", "Awards", "Academy", "Orchestra", "Band",
        "Democrats", "Republicans", "Conservatives", "Dems", "Slam", "Open", "Games", "Prix",
        "Consortium", "Index", "Show", "Expo", "Research", "Software", "Electronics", "Arts",
        "Telekom", "Telecommunications", "Networks", "Wireless", "Mobile", "Computer",
        "Computers", "Semiconductor", "Interactive", "Digital", "Online", "Capital", "Partners",
        "Securities", "Insurance", "Pharmaceuticals", "Consulting", "Solutions", "Management",
        "Conference", "Convention",
    ]
);

word_set!(
    /// Last words that make a name a place.
    is_place_word,
    [
        "River", "Sea", "Ocean", "Island", "Islands", "Mountains", "Valley", "Province",
        "Region", "Oblast", "County", "Street", "Square", "Airport", "Bay", "Lake",
        "Peninsula", "Strait", "Coast", "Desert", "Republic", "Kingdom", "City", "Town",
        "Village", "District", "Park", "Bridge", "Stadium", "Arena", "Road", "Avenue",
    ]
);

word_set!(
    /// Verbs that introduce speech (`said`, `told`, `describing`).
    is_speech_verb,
    [
        "said", "says", "say", "saying", "stated", "states", "told", "tells", "telling",
        "described", "describes", "describing", "called", "calls", "calling", "added", "adds",
        "noted", "notes", "cautioned", "warned", "warns", "insisted", "insists", "argued",
        "argues", "claimed", "claims", "declared", "announced", "wrote", "writes", "asked",
        "replied", "explained", "urged", "stressed", "insisting", "labelled", "labeled",
        "termed", "terms", "dubbed", "remarked", "commented", "acknowledged", "admitted",
        "conceded", "suggested", "promised", "vowed", "pledged", "signalled", "signaled",
        "indicated", "emphasised", "emphasized", "highlighted", "characterized",
        "characterised", "praised", "criticised", "criticized",
    ]
);

word_set!(
    /// Titles that precede a surname on its own (`Mr Blair`, `President
    /// Putin`); others (`Former`, `Senior`, `Home`) also precede non-names
    /// (`Former Tory leader`), so they only cue names of two words or more.
    is_honorific,
    [
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Lord", "Lady", "Dame",
        "President", "King", "Queen", "Prince", "Princess", "Pope", "Sen", "Senator", "Rep",
        "Gov", "Governor", "Gen", "General", "Chancellor", "Minister", "Secretary", "Judge",
        "Justice", "Mayor", "Ambassador", "Sheikh", "Emir", "Ayatollah", "Archbishop",
        "Bishop", "Father", "Rev", "Reverend", "Saint", "Captain", "Capt", "Col", "Colonel",
        "Sgt", "Admiral", "Commissioner", "Coach", "Spokesman", "Envoy", "Adviser", "Advisor",
    ]
);
