//! Widgets as functions returning bundles, sized in `rem` so the whole UI follows the window
//! height and the user's text scale.

use bevy::ecs::system::IntoObserverSystem;
use bevy::prelude::*;
use bevy::ui_widgets::observe;

use super::focus::{Activate, Adjust, Adjustable};
use super::palette;
use crate::persist::UserSettings;
use bevy::input_focus::tab_navigation::{TabGroup, TabIndex};

/// The game's fonts.
#[derive(Resource, Debug, Clone, Default)]
pub struct Fonts {
    /// DejaVu Sans.
    pub regular: Handle<Font>,
    /// DejaVu Sans Bold.
    pub bold: Handle<Font>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Fonts>()
        .add_systems(Startup, load_fonts)
        .add_systems(Update, (follow_window, apply_text_scale))
        // After the screens set what their buttons say this frame.
        .add_systems(Update, show_button_text.after(crate::game::GameSystems::Flow))
        .add_observer(name_text);
}

/// A text without a name of its own is named after its first words, so an inspector or a test
/// finds "Text \"Start\"" instead of an entity number.
fn name_text(added: On<Add, Text>, texts: Query<&Text, Without<Name>>, mut commands: Commands) {
    let Ok(text) = texts.get(added.entity) else { return };
    let words: String = text.0.chars().take(32).collect();
    let more = if text.0.chars().nth(32).is_some() { "…" } else { "" };
    commands.entity(added.entity).insert(Name::new(format!("Text \"{words}{more}\"")));
}

/// What a button or stepper says: a screen sets this on the button (by its own marker) and
/// the label follows, so no screen walks a button's children for its text.
#[derive(Component, Debug, Clone, PartialEq, Eq, Default)]
pub struct ButtonText(pub String);

/// The text node inside a button, which shows its [`ButtonText`].
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct ButtonLabel;

fn show_button_text(
    buttons: Query<&ButtonText, Changed<ButtonText>>,
    mut labels: Query<(&ChildOf, &mut Text), With<ButtonLabel>>,
) {
    if buttons.is_empty() {
        return;
    }
    for (parent, mut text) in &mut labels {
        if let Ok(ButtonText(wanted)) = buttons.get(parent.parent())
            && text.0 != *wanted
        {
            text.0.clone_from(wanted);
        }
    }
}

/// The fonts in the binary, so no folder beside it is needed.
fn load_fonts(assets: Option<ResMut<Assets<Font>>>, mut fonts: ResMut<Fonts>) {
    if let Some(mut assets) = assets {
        fonts.regular = assets.add(Font::from_bytes(crate::shipped::FONT_REGULAR.to_vec()));
        fonts.bold = assets.add(Font::from_bytes(crate::shipped::FONT_BOLD.to_vec()));
    }
}

/// One `rem` is 1/54 of the window height (20 px at 1080p): text stays readable from across
/// the room on a TV and on a 720p laptop alike.
fn follow_window(windows: Query<&Window>, rem: Option<ResMut<bevy::text::RemSize>>) {
    let (Some(mut rem), Ok(window)) = (rem, windows.single()) else { return };
    let size = (window.height() / 54.0).max(11.0);
    if (rem.0 - size).abs() > 0.01 {
        rem.0 = size;
    }
}

/// How much a screen holds, for screens that show a crowd: the window's width in rem (its
/// height is always 54 rem) and the user's text scale. Lists pick how many rows and letters
/// they show from it, so a hundred players fit 800×600 at 200% as well as a TV.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    /// The window's width, in rem.
    pub width: f32,
    /// The user's text scale (1.0 is 100%).
    pub scale: f32,
}

impl Room {
    /// The room of `window` (a 16:9 TV when there is none, headless) with `settings`' text scale.
    pub fn of(window: Option<&Window>, settings: Option<&UserSettings>) -> Self {
        let width = window.map_or(96.0, |w| w.width() / (w.height() / 54.0).max(1.0));
        Self { width, scale: settings.map_or(1.0, |s| f32::from(s.text_scale) / 100.0) }
    }

    /// Of `normal` rows (at 100%), how many fit at this text scale: rows of text grow with it.
    pub fn rows(&self, normal: usize) -> usize {
        let grown = scaled_size(1.5, self.scale) / 1.5;
        ((normal as f32 / grown).floor() as usize).max(2)
    }

    /// How many letters of `design`-rem text fit across `width` rem (an average letter is
    /// about 0.6 of the text's size).
    pub fn letters(&self, width: f32, design: f32) -> usize {
        (width / (scaled_size(design, self.scale) * 0.6)).max(8.0) as usize
    }

    /// Text this big at 100% is this big here, in rem.
    pub fn size(&self, design: f32) -> f32 {
        scaled_size(design, self.scale)
    }
}

/// The size a text is designed at, in rem, before the user's text scale.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct DesignSize(pub f32);

/// The user's text scale grows small text the most: at 200%, body text (1 rem) doubles, answer
/// text (2 rem) grows by half, and headlines (3 rem and up), already large, stay as they are.
/// That is where reading is hard, and the screens keep room for it at any window size.
pub fn scaled_size(design: f32, scale: f32) -> f32 {
    let weight = ((3.0 - design) / 2.0).clamp(0.0, 1.0);
    design * (1.0 + (scale - 1.0) * weight)
}

fn apply_text_scale(
    settings: Option<Res<UserSettings>>,
    mut texts: Query<(Ref<DesignSize>, &mut TextFont)>,
    mut last: Local<f32>,
) {
    let scale = settings.map_or(1.0, |s| f32::from(s.text_scale) / 100.0);
    let changed = (scale - *last).abs() > f32::EPSILON;
    *last = scale;
    for (design, mut font) in &mut texts {
        if changed || design.is_added() {
            let size = FontSize::Rem(scaled_size(design.0, scale));
            font.reborrow().map_unchanged(|v| &mut v.font_size).set_if_neq(size);
        }
    }
}

/// Text of `size` rem in `color`.
pub fn text(content: impl Into<String>, size: f32, color: Color, font: &Handle<Font>) -> impl Bundle {
    (
        Text::new(content),
        TextFont { font: font.clone().into(), font_size: FontSize::Rem(size), ..default() },
        TextColor(color),
        DesignSize(size),
    )
}

/// A full-window column with its content centred: the layout of screens and overlays.
pub fn full_window_column() -> Node {
    Node {
        width: percent(100),
        height: percent(100),
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        justify_content: JustifyContent::Center,
        row_gap: rem(1.0),
        padding: UiRect::all(rem(2.0)),
        ..default()
    }
}

/// A screen's root: a full-window column on the background colour.
pub fn screen_root(name: &'static str) -> impl Bundle {
    (Name::new(name), full_window_column(), BackgroundColor(palette::BACKGROUND), TabGroup::new(0))
}

/// "easy" -> "Easy", for names shown as titles.
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Layout length in the same unit as text: 1 rem = 1/54 of the window height.
pub fn rem(value: f32) -> Val {
    Val::Vh(value * 100.0 / 54.0)
}

/// What any focusable item needs to be reached by keys, gamepad and mouse: its place in the
/// focus order, hover (Bevy's `Button` gives `Interaction`) and clicks (the headless widget
/// turns a click into [`Activate`]).
pub fn focusable(order: usize) -> impl Bundle {
    (Button, bevy::ui_widgets::Button, TabIndex(order as i32))
}

/// A menu button that does `action` when activated (Enter, South or a click): an observer
/// of [`Activate`], such as `send(FlowCommand::Continue)`.
pub fn button<M: Send + Sync + 'static>(
    label: impl Into<String>,
    order: usize,
    fonts: &Fonts,
    action: impl IntoObserverSystem<Activate, (), M> + Sync + 'static,
) -> impl Bundle {
    (button_look(label, fonts, 1.5), focusable(order), observe(action))
}

/// A [`button`] as wide as its label, with smaller text: one of a row of several (the
/// lifelines under the answers).
pub fn small_button<M: Send + Sync + 'static>(
    label: impl Into<String>,
    order: usize,
    fonts: &Fonts,
    action: impl IntoObserverSystem<Activate, (), M> + Sync + 'static,
) -> impl Bundle {
    (button_look_wide(label, fonts, 1.2, 0.0), focusable(order), observe(action))
}

/// A setting row whose value steps with left and right (and Enter or a click): `action`
/// observes [`Adjust`]. Its label is set by the screen.
pub fn stepper<M: Send + Sync + 'static>(
    order: usize,
    fonts: &Fonts,
    action: impl IntoObserverSystem<Adjust, (), M> + Sync + 'static,
) -> impl Bundle {
    stepper_sized(order, fonts, action, 1.5)
}

/// A [`stepper`] whose label is `size` rem (a screen that must fit many rows at large text).
pub fn stepper_sized<M: Send + Sync + 'static>(
    order: usize,
    fonts: &Fonts,
    action: impl IntoObserverSystem<Adjust, (), M> + Sync + 'static,
    size: f32,
) -> impl Bundle {
    (button_look("", fonts, size), focusable(order), Adjustable, observe(action))
}

/// The action of a button whose whole job is to send one message.
pub fn send<T: Message + Clone>(message: T) -> impl FnMut(On<Activate>, MessageWriter<T>) + Send + Sync + 'static {
    move |_, mut writer| {
        writer.write(message.clone());
    }
}

/// Named after its first label ("Start button"), so a test or a script finds it by name.
fn button_look(label: impl Into<String>, fonts: &Fonts, size: f32) -> impl Bundle {
    button_look_wide(label, fonts, size, 18.0)
}

/// A button's look, at least `min_width` rem wide.
fn button_look_wide(label: impl Into<String>, fonts: &Fonts, size: f32, min_width: f32) -> impl Bundle {
    let label = label.into();
    let name = if label.is_empty() { "Setting".to_owned() } else { format!("{label} button") };
    (
        Name::new(name),
        ButtonText(label.clone()),
        Node {
            min_width: rem(min_width),
            padding: UiRect::axes(rem(if min_width < 18.0 { 0.8 } else { 1.5 }), rem(0.6)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(rem(0.2)),
            border_radius: BorderRadius::all(rem(0.6)),
            ..default()
        },
        BackgroundColor(palette::PANEL),
        BorderColor::all(palette::PANEL),
        children![(ButtonLabel, text(label, size, palette::TEXT, &fonts.bold))],
    )
}

/// A box with a border and rounded corners (`radius` rem): a text field, a list item, a card.
pub fn bordered(padding: UiRect, radius: f32) -> Node {
    Node { padding, border: UiRect::all(rem(0.2)), border_radius: BorderRadius::all(rem(radius)), ..default() }
}

/// A veil over the whole window, above the screen: pause menu, host panel.
pub fn overlay(name: &str) -> impl Bundle {
    (
        Name::new(name.to_owned()),
        Node { position_type: PositionType::Absolute, ..full_window_column() },
        BackgroundColor(palette::BACKGROUND.with_alpha(0.85)),
        GlobalZIndex(10),
        // The focus stays on the overlay while it is open.
        TabGroup::modal(),
    )
}

/// The solid card the overlay's words and buttons sit on, so nothing beneath shows through.
pub fn card() -> impl Bundle {
    (
        Name::new("Card"),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: rem(1.0),
            ..bordered(UiRect::axes(rem(3.0), rem(2.0)), 1.0)
        },
        BackgroundColor(palette::BACKGROUND),
        BorderColor::all(palette::ACCENT),
    )
}

/// A framed panel in a screen's column (the title's resume offer, the results' challenge):
/// its lines centred, `gap` apart, `margin` above and below (in rem).
pub fn framed_panel(gap: f32, margin: f32) -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: rem(gap),
            padding: UiRect::all(rem(0.5)),
            margin: UiRect::vertical(rem(margin)),
            border: UiRect::all(rem(0.15)),
            ..default()
        },
        BackgroundColor(palette::PANEL),
        BorderColor::all(palette::ACCENT),
    )
}

/// The line of key hints at the foot of a screen.
#[derive(Component, Debug, Clone, Copy)]
pub struct Hints;

/// A small line of key hints at the bottom of a screen.
pub fn hints(content: impl Into<String>, fonts: &Fonts) -> impl Bundle {
    (
        Name::new("Hints"),
        Hints,
        // Across the window, so that a long line at large text wraps instead of running off it;
        // a column, so that a screen can put a line of its own above the keys.
        Node {
            position_type: PositionType::Absolute,
            bottom: rem(1.0),
            left: rem(2.0),
            right: rem(2.0),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: rem(0.3),
            ..default()
        },
        children![(text(content, 1.0, palette::MUTED, &fonts.regular), TextLayout::justify(Justify::Center))],
    )
}

#[cfg(test)]
mod tests {
    use super::{name_text, scaled_size};
    use bevy::prelude::*;

    #[test]
    fn a_text_without_a_name_is_named_after_its_words_and_a_named_one_keeps_its_own() {
        let mut app = App::new();
        app.add_observer(name_text);
        let plain = app.world_mut().spawn(Text::new("Start")).id();
        let long = app.world_mut().spawn(Text::new("Which prank did Jim play with the stapler and the jello")).id();
        let named = app.world_mut().spawn((Name::new("Prompt"), Text::new("Who?"))).id();
        app.update();
        let name = |e: Entity| app.world().get::<Name>(e).map(|n| n.as_str().to_owned());
        assert_eq!(name(plain).as_deref(), Some("Text \"Start\""));
        assert_eq!(name(long).as_deref(), Some("Text \"Which prank did Jim play with th…\""));
        assert_eq!(name(named).as_deref(), Some("Prompt"));
    }

    #[test]
    fn the_text_scale_grows_small_text_most() {
        assert_eq!(scaled_size(1.0, 2.0), 2.0);
        assert_eq!(scaled_size(2.0, 2.0), 3.0);
        assert_eq!(scaled_size(3.0, 2.0), 3.0);
        assert_eq!(scaled_size(5.0, 2.0), 5.0);
        assert_eq!(scaled_size(1.5, 1.0), 1.5, "100% changes nothing");
    }
}
