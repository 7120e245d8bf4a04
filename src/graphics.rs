//! Which graphics API the game draws with: Vulkan where a driver for it works (Metal and
//! DirectX 12 elsewhere), OpenGL where none does (older laptops, virtual machines).
//!
//! Bevy 0.19.1 can find an OpenGL adapter but not show it: it makes wgpu's instance with no
//! display, so EGL takes a surfaceless one and the window's surface then offers no present
//! mode (bevyengine/bevy#22220). Here the OpenGL renderer is made by the game, on winit's own
//! display (X11 or Wayland), and handed to Bevy whole.

use std::sync::Arc;

use bevy::app::{App, Plugin};
use bevy::render::RenderPlugin;
use bevy::render::renderer::{
    RenderAdapter, RenderAdapterInfo, RenderDevice, RenderInstance, RenderQueue, WgpuWrapper,
};
use bevy::render::settings::{Backends, RenderCreation, RenderResources, WgpuSettings};
use bevy::tasks::block_on;
use bevy::winit::DisplayHandleWrapper;
use winit::event_loop::OwnedDisplayHandle;

/// Bevy's [`RenderPlugin`], added once winit has opened its display (the plugin goes after
/// `WinitPlugin`, in `RenderPlugin`'s place), with the renderer [`render_creation`] chooses.
#[derive(Debug, Default)]
pub struct ChosenRenderer;

impl Plugin for ChosenRenderer {
    fn build(&self, app: &mut App) {
        let display = app.world().get_resource::<DisplayHandleWrapper>().map(|wrapper| wrapper.0.clone());
        app.add_plugins(RenderPlugin { render_creation: render_creation(display), ..Default::default() });
    }
}

/// How Bevy's renderer is to be made: `WGPU_BACKEND` when the player sets it, else Vulkan (or
/// the platform's own API) when a driver answers, else OpenGL when it can open on this
/// desktop. When nothing works, Bevy's own "no GPU" panic follows, which `no_gpu` explains.
pub fn render_creation(display: Option<OwnedDisplayHandle>) -> RenderCreation {
    let asked = Backends::from_env();
    let settings = WgpuSettings { backends: Some(asked.unwrap_or(Backends::PRIMARY)), ..Default::default() };
    let opengl_wanted = match asked {
        Some(backends) => backends == Backends::GL,
        None => !has_adapter(Backends::PRIMARY),
    };
    if opengl_wanted && let Some(display) = display {
        if let Some(resources) = opengl(&settings, display) {
            return RenderCreation::Manual(resources);
        }
        bevy::log::warn!("no OpenGL driver works on this desktop either");
    }
    settings.into()
}

/// Whether any adapter of `backends` answers (the instance is dropped again: Bevy makes its own).
fn has_adapter(backends: Backends) -> bool {
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends,
        ..wgpu::InstanceDescriptor::new_without_display_handle()
    });
    !block_on(instance.enumerate_adapters(backends)).is_empty()
}

/// An OpenGL renderer on the desktop's display (the one the window opens on, so that its
/// surface can be drawn to), or none where no OpenGL driver works.
fn opengl(settings: &WgpuSettings, display: OwnedDisplayHandle) -> Option<RenderResources> {
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends: Backends::GL,
        flags: settings.instance_flags,
        ..wgpu::InstanceDescriptor::new_with_display_handle(Box::new(display))
    });
    let adapter = block_on(instance.request_adapter(&wgpu::RequestAdapterOptions {
        power_preference: settings.power_preference,
        compatible_surface: None,
        force_fallback_adapter: false,
    }))
    .ok()?;
    let info = adapter.get_info();
    bevy::log::info!("drawing with OpenGL: no Vulkan driver answered, or WGPU_BACKEND asked for it");
    // As Bevy logs the adapter it chooses itself.
    bevy::log::info!("{info:?}");
    let descriptor = wgpu::DeviceDescriptor {
        label: Some("bigtuna (OpenGL)"),
        // What the adapter offers, as Bevy asks for by default (`WgpuSettingsPriority::Functionality`).
        required_features: adapter.features(),
        required_limits: adapter.limits(),
        ..Default::default()
    };
    let (device, queue) = block_on(adapter.request_device(&descriptor))
        .inspect_err(|error| bevy::log::warn!("the OpenGL driver refused a device: {error}"))
        .ok()?;
    Some(RenderResources(
        RenderDevice::from(device),
        RenderQueue(Arc::new(WgpuWrapper::new(queue))),
        RenderAdapterInfo(WgpuWrapper::new(info)),
        RenderAdapter(Arc::new(WgpuWrapper::new(adapter))),
        RenderInstance(Arc::new(WgpuWrapper::new(instance))),
    ))
}
