//! Code lists compiled in: ISO 639-1 languages and ISCED-F 2013 fields.

const ISO_639_1: &str = include_str!("../../data/iso-639-1.txt");
const ISCED_F: &str = include_str!("../../data/isced-f-2013.txt");

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

#[derive(Debug, Clone)]
pub struct Codes {
    languages: Vec<&'static str>,
    fields: Vec<&'static str>,
}

impl Default for Codes {
    fn default() -> Self {
        // Sorted once for every checker.
        static SORTED: std::sync::OnceLock<Codes> = std::sync::OnceLock::new();
        SORTED
            .get_or_init(|| {
                let mut languages: Vec<&str> = entries(ISO_639_1).collect();
                let mut fields: Vec<&str> = entries(ISCED_F).collect();
                crate::sort::sort_dedup(&mut languages);
                crate::sort::sort_dedup(&mut fields);
                Codes { languages, fields }
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
    }
}
