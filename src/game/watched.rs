//! "What I watched this week": a game of questions about one season or one episode. Episodes
//! are the `episode:<Title>` tags of the packs' questions; a season matches the questions
//! whose seasons include it.

use serde::{Deserialize, Serialize};

use crate::pack::{PackLibrary, Question, SEASONS};

/// Which part of the show a game is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Watched {
    /// The whole show.
    #[default]
    Everything,
    /// Questions whose seasons include this one.
    Season(u8),
    /// Questions tagged with this episode.
    Episode(String),
}

impl Watched {
    /// Whether `question` is about this part of the show.
    pub fn allows(&self, question: &Question) -> bool {
        match self {
            Watched::Everything => true,
            Watched::Season(n) => question.seasons.is_some_and(|range| (range.first()..=range.last()).contains(n)),
            Watched::Episode(title) => episodes(question).any(|e| e == title),
        }
    }

    /// Everything, each season with questions, then each episode with questions (in the
    /// order of their first season, then by title): what setup steps through.
    pub fn choices(library: &PackLibrary) -> Vec<Watched> {
        let mut choices = vec![Watched::Everything];
        let questions: Vec<&Question> = library.questions().map(|(_, q)| q).collect();
        for season in SEASONS {
            if questions.iter().any(|q| Watched::Season(season).allows(q)) {
                choices.push(Watched::Season(season));
            }
        }
        let mut episodes: Vec<(u8, String)> = questions
            .iter()
            .flat_map(|q| episodes(q).map(|e| (q.seasons.map_or(u8::MAX, |s| s.first()), e.to_owned())))
            .collect();
        episodes.sort();
        let mut seen = std::collections::HashSet::new();
        choices.extend(episodes.into_iter().filter(|(_, e)| seen.insert(e.clone())).map(|(_, e)| Watched::Episode(e)));
        choices
    }
}

/// The episodes a question is tagged with.
pub fn episodes(question: &Question) -> impl Iterator<Item = &str> {
    question.episodes()
}
