//! A question's `source` as players read it: the titles a pack declares in `sources`, never a
//! file name or an id.

use super::format::{Pack, SourceText};

/// The references a question's `source` makes: each part (`; ` between them) as the id it
/// starts with and the section after its first comma (`"encyclopedia, Casting"`).
pub fn references(source: &str) -> impl Iterator<Item = (&str, &str)> {
    source.split(';').map(str::trim).filter(|part| !part.is_empty()).map(|part| match part.split_once(',') {
        Some((id, section)) => (id.trim(), section.trim()),
        None => (part, ""),
    })
}

impl Pack {
    /// The declared source named `id`, if any.
    pub fn source_text(&self, id: &str) -> Option<&SourceText> {
        self.sources.iter().find(|declared| declared.id == id)
    }

    /// `source` as players read it: each reference to a declared source becomes its title and
    /// section (`the encyclopedia article "Jim Halpert", Casting`); a pack that declares none
    /// shows `source` as written.
    pub fn cite(&self, source: &str) -> String {
        if self.sources.is_empty() {
            return source.to_owned();
        }
        let parts: Vec<String> = references(source)
            .map(|(id, section)| match self.source_text(id) {
                Some(text) if section.is_empty() => text.title.clone(),
                Some(text) => format!("{}, {section}", text.title),
                None if section.is_empty() => id.to_owned(),
                None => format!("{id}, {section}"),
            })
            .collect();
        parts.join("; ")
    }

    /// `cited` (as [`Pack::cite`] writes it, or as an author wrote it) with each part that
    /// starts with a declared source's title turned back into its id and section
    /// (`encyclopedia, Casting`): a sheet shows titles, the pack keeps ids. Parts naming no
    /// declared title stay as they are, for `validate` to judge.
    pub fn uncite(&self, cited: &str) -> String {
        if self.sources.is_empty() {
            return cited.to_owned();
        }
        let parts: Vec<String> = cited
            .split("; ")
            .map(|part| {
                let part = part.trim();
                // The longest title first, so that a title that starts another is not taken for it.
                let mut titles: Vec<_> = self.sources.iter().collect();
                titles.sort_by_key(|text| std::cmp::Reverse(text.title.len()));
                titles
                    .into_iter()
                    .find_map(|text| match part.strip_prefix(text.title.as_str())?.trim_start() {
                        "" => Some(text.id.clone()),
                        rest => rest.strip_prefix(',').map(|section| format!("{}, {}", text.id, section.trim())),
                    })
                    .unwrap_or_else(|| part.to_owned())
            })
            .collect();
        parts.join("; ")
    }
}
