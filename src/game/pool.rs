//! The questions the next game may ask: the library through the settings' filters, kept
//! ready as indices. It is worked out when the library or a filter changes (on the setup
//! screen, a step at a time), not when a game starts, so that starting a game from a library
//! of a million questions does not stall (docs/PERFORMANCE.md).

use bevy::prelude::*;

use super::settings::{DifficultyChoice, GameSettings};
use super::watched::Watched;
use crate::pack::{AnswerKind, Pack, PackLibrary, Question};

/// The eligible questions, as (pack, question) indices into the library, in library order.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct DrawPool {
    key: Option<Filters>,
    /// (pack index, question index) of each eligible question.
    pub entries: Vec<(u32, u32)>,
    /// Eligible questions of each difficulty (easy, medium, hard).
    pub levels: [usize; 3],
}

/// The settings that decide which questions are eligible.
#[derive(Debug, Clone, PartialEq)]
struct Filters {
    packs: Vec<String>,
    categories: Vec<String>,
    kinds: Vec<AnswerKind>,
    difficulty: DifficultyChoice,
    max_season: u8,
    watched: Watched,
}

impl Filters {
    fn of(settings: &GameSettings) -> Self {
        Self {
            packs: settings.packs.clone(),
            categories: settings.categories.clone(),
            kinds: settings.kinds.clone(),
            difficulty: settings.difficulty,
            max_season: settings.spoiler_limit(),
            watched: settings.watched.clone(),
        }
    }
}

/// Whether `settings` let a game ask `question` of `pack`.
pub fn allows(settings: &GameSettings, pack: &Pack, q: &Question) -> bool {
    (settings.packs.is_empty() || settings.packs.contains(&pack.id))
        && (settings.categories.is_empty() || settings.categories.contains(&q.category))
        && (settings.kinds.is_empty() || settings.kinds.contains(&q.answer.kind()))
        && settings.difficulty.allows(q.difficulty)
        && q.within_seasons(settings.spoiler_limit())
        && settings.watched.allows(q)
}

impl DrawPool {
    /// The questions of `library` that `settings` allow.
    pub fn of(library: &PackLibrary, settings: &GameSettings) -> Self {
        let mut entries = Vec::new();
        let mut levels = [0; 3];
        for (p, pack) in library.packs.iter().enumerate() {
            if !settings.packs.is_empty() && !settings.packs.contains(&pack.id) {
                continue;
            }
            for (i, q) in pack.questions.iter().enumerate().filter(|(_, q)| allows(settings, pack, q)) {
                entries.push((p as u32, i as u32));
                levels[q.difficulty as usize] += 1;
            }
        }
        Self { key: Some(Filters::of(settings)), entries, levels }
    }

    /// The entry at `index`, as the pack id and the question (`None` if the library changed
    /// under the pool, which [`plugin`] does not let happen).
    pub fn get<'a>(&self, library: &'a PackLibrary, index: usize) -> Option<(&'a str, &'a Question)> {
        let (pack, question) = *self.entries.get(index)?;
        let pack = library.packs.get(pack as usize)?;
        Some((pack.id.as_str(), pack.questions.get(question as usize)?))
    }

    /// Every eligible question, in library order.
    pub fn questions<'a>(&self, library: &'a PackLibrary) -> Vec<(&'a str, &'a Question)> {
        (0..self.entries.len()).filter_map(|i| self.get(library, i)).collect()
    }

    /// Whether this pool was worked out for these settings' filters.
    pub fn fits(&self, settings: &GameSettings) -> bool {
        self.key.as_ref() == Some(&Filters::of(settings))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DrawPool>()
        // Before the core acts on this frame's commands (a change made later in the frame is
        // caught by the start of a game, which checks that the pool fits).
        .add_systems(Update, refresh.in_set(super::GameSystems::Screens));
}

fn refresh(library: Res<PackLibrary>, settings: Res<GameSettings>, mut pool: ResMut<DrawPool>) {
    if !library.is_changed() && (!settings.is_changed() || pool.fits(&settings)) {
        return;
    }
    *pool = DrawPool::of(&library, &settings);
}
