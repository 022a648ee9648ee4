// Frame time, pick latency and memory of the renderer on the real body, through EGL surfaceless on whatever GL
// the machine has (llvmpipe here). Prints figures; asserts nothing.
// Usage: render_bench [DATA_DIR] [--frames N]
#include "core/timer.h"
#include "geometry/tube_builder.h"
#include "io/body_loader.h"
#include "platform/egl_context.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "scene/options.h"
#include "scene/picker.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <epoxy/gl.h>
#include <fstream>
#include <glm/geometric.hpp>
#include <string>
#include <vector>

using namespace myoatlas;

namespace {

long peakRssKb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

void frames(render::Renderer& r, scene::AppState& state, const char* label, int n, float lodPixels = 1.0f,
            bool cull = true) {
    render::FrameInputs in;
    in.lodPixels = lodPixels;
    in.cull = cull;
    in.view = &state.view;
    in.width = 1280;
    in.height = 720;
    r.render(in); // warm-up: first use of the targets and programs
    glFinish();
    std::vector<double> ms;
    size_t tris = 0, culled = 0;
    for (int i = 0; i < n; ++i) {
        state.view.camera.yaw += 0.05f; // a moving camera defeats any caching
        core::Stopwatch sw;
        auto stats = r.render(in);
        glFinish();
        ms.push_back(sw.millis());
        tris = stats.drawnTriangles;
        culled = stats.culledStructures;
    }
    std::printf("frame_ms[%s] median %.1f  min %.1f  (%zu triangles, %zu structures culled, %.1f fps)\n", label,
                median(ms), *std::min_element(ms.begin(), ms.end()), tris, culled, 1000.0 / median(ms));
}

} // namespace

int main(int argc, char** argv) {
    std::optional<std::filesystem::path> dataArg;
    int n = 10;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--frames") && i + 1 < argc)
            n = std::stoi(argv[++i]);
        else
            dataArg = argv[i];
    }
    io::LoadOptions lo;
    lo.dataDir = io::locateData(dataArg);
    io::LoadReport rep;
    auto body = io::loadBody(lo, &rep);
    std::printf("load_s %.3f (%s)\n", rep.seconds, rep.fromCache ? "cache" : "parsed");

    platform::EglContext gl;
    std::printf("gl %s\n", gl.renderer().c_str());
    core::Stopwatch upload;
    render::Renderer renderer(body);
    glFinish();
    std::printf("upload_ms %.1f\n", upload.millis());

    scene::AppState state;
    state.viewportAspect = 1280.0f / 720.0f;
    scene::apply(state, body, scene::SetNamedView{scene::ViewName::Anterior});
    frames(renderer, state, "full body, default layers (skin 0.18 translucent), no LOD", n, 0.0f);
    frames(renderer, state, "full body, default layers (skin 0.18 translucent)", n);
    // A tube over everything, as a line is drawn: first as is, then fading where it runs through the far half of
    // the body (the skin's entry and exit distances drawn once more per frame).
    {
        const geometry::Aabb& b = body.structures[body.skin().value_or(0)].bounds;
        glm::vec3 c = b.center();
        std::vector<glm::vec3> path;
        for (int i = 0; i <= 64; ++i) {
            float t = static_cast<float>(i) / 64.0f;
            path.emplace_back(c.x + 0.12f * std::sin(t * 25.0f), b.min.y + t * (b.max.y - b.min.y),
                              c.z + 0.08f * std::cos(t * 25.0f));
        }
        for (bool fade : {false, true}) {
            render::OverlayMesh o;
            o.mesh = geometry::buildTube(path, {}).mesh;
            o.colors.assign(o.mesh.vertexCount(), glm::vec4(0.2f, 0.5f, 1.0f, 1.0f));
            o.onTop = true;
            o.fadeFarSide = fade;
            std::vector<render::OverlayMesh> overlays;
            overlays.push_back(std::move(o));
            renderer.setOverlays(std::move(overlays));
            frames(renderer, state,
                   fade ? "default layers, a line over everything fading on the far side"
                        : "default layers, a line over everything",
                   n);
        }
        renderer.setOverlays({});
    }
    // A close-up as a technique frames its contact: the right shoulder and neck, 30 cm across.
    {
        scene::AppState close = state;
        const geometry::Aabb& b = body.structures[body.skin().value_or(0)].bounds;
        geometry::Aabb neck;
        glm::vec3 c(b.center().x - 0.1f, b.max.y - 0.28f, b.center().z - 0.05f);
        neck.expand(c - glm::vec3(0.15f));
        neck.expand(c + glm::vec3(0.15f));
        scene::apply(close, body, scene::FrameBox{neck});
        frames(renderer, close, "close-up on the neck and shoulder, no frustum culling", n, 1.0f, false);
        frames(renderer, close, "close-up on the neck and shoulder", n);
    }
    state.view.layers = scene::parseLayers("superficial_muscle,deep_muscle");
    frames(renderer, state, "muscles only", n);
    state.view.layers = scene::parseLayers("skin,superficial_muscle,deep_muscle,bone,connective");
    frames(renderer, state, "everything opaque", n);

    scene::Picker picker(body);
    state.view.layers = scene::ViewState::defaultLayers();
    std::vector<double> pickUs;
    scene::Camera cam;
    cam.pose = state.view.camera;
    for (int i = 0; i < 400; ++i) {
        glm::vec2 px(320.0f + (i % 20) * 32.0f, 40.0f + (i / 20) * 32.0f);
        core::Stopwatch sw;
        auto hit = picker.pick(cam.rayThrough(px, {1280, 720}), state.view);
        (void)hit;
        pickUs.push_back(sw.millis() * 1000.0);
    }
    std::printf("pick_us first %.0f (builds the BVHs it reaches), then median %.0f, max %.0f (400 rays over the "
                "body; %zu structure BVHs built)\n",
                pickUs.front(), median(pickUs), *std::max_element(pickUs.begin() + 1, pickUs.end()),
                picker.builtCount());
    std::printf("peak_rss_mb %.0f\n", peakRssKb() / 1024.0);
    return 0;
}
