//! Code lists compiled in: ISO 639-1 languages, ISCED-F 2013 fields and
//! ISO 3166-1 alpha-2 countries.

const ISO_639_1: &str = include_str!("../../data/iso-639-1.txt");
const ISCED_F: &str = include_str!("../../data/isced-f-2013.txt");
const ISO_3166_1: &str = include_str!("../../data/iso-3166-1.txt");

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

#[derive(Debug, Clone)]
pub struct Codes {
    languages: Vec<&'static str>,
    fields: Vec<&'static str>,
    countries: Vec<&'static str>,
    /// Codes used for a country that ISO 3166-1 codes otherwise (`EL` → `GR`).
    reserved: Vec<(&'static str, &'static str)>,
}

impl Default for Codes {
    fn default() -> Self {
        // Sorted once for every checker.
        static SORTED: std::sync::OnceLock<Codes> = std::sync::OnceLock::new();
        SORTED
            .get_or_init(|| {
                let mut languages: Vec<&str> = entries(ISO_639_1).collect();
                let mut fields: Vec<&str> = entries(ISCED_F).collect();
                let (reserved, mut countries): (Vec<&str>, Vec<&str>) =
                    entries(ISO_3166_1).partition(|e| e.contains('>'));
                crate::sort::sort_dedup(&mut languages);
                crate::sort::sort_dedup(&mut fields);
                crate::sort::sort_dedup(&mut countries);
                Codes {
                    languages,
                    fields,
                    countries,
                    reserved: reserved.iter().filter_map(|e| e.split_once('>')).collect(),
                }
            })
            .clone()
    }
}

impl Codes {
    pub fn is_language(&self, code: &str) -> bool {
        self.languages.binary_search(&code).is_ok()
    }

    pub fn is_isced_field(&self, code: &str) -> bool {
        self.fields.binary_search(&code).is_ok()
    }

    /// An assigned ISO 3166-1 alpha-2 code, in capitals.
    pub fn is_country(&self, code: &str) -> bool {
        self.countries.binary_search(&code).is_ok()
    }

    /// The assigned code that a code the EU's texts use stands for (`UK` → `GB`).
    pub fn reserved_country(&self, code: &str) -> Option<&'static str> {
        self.reserved
            .iter()
            .find(|(r, _)| *r == code)
            .map(|(_, c)| *c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_real_lists() {
        let c = Codes::default();
        assert!(
            c.is_language("en")
                && c.is_language("nb")
                && !c.is_language("xx")
                && !c.is_language("EN")
        );
        assert!(c.is_isced_field("07") && c.is_isced_field("071") && c.is_isced_field("0713"));
        assert!(
            !c.is_isced_field("0739")
                && !c.is_isced_field("0718")
                && !c.is_isced_field("11")
                && !c.is_isced_field("713")
        );
        assert_eq!(c.fields.len(), 219);
        assert_eq!(c.countries.len(), 249);
        assert!(c.is_country("DE") && c.is_country("NO") && !c.is_country("de"));
        assert!(!c.is_country("UK") && !c.is_country("EL"));
        assert_eq!(c.reserved_country("UK"), Some("GB"));
        assert_eq!(c.reserved_country("EL"), Some("GR"));
    }
}
