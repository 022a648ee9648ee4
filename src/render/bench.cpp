#include "render/bench.h"

#include "core/error.h"
#include "core/timer.h"
#include "render/renderer.h"
#include "scene/app_state.h"
#include "scene/camera.h"
#include "scene/frame_budget.h"
#include "scene/picker.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <epoxy/gl.h>
#include <glm/gtc/constants.hpp>
#include <random>
#include <thread>

namespace myoatlas::render {
namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    auto i = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
    return v[std::min(i, v.size() - 1)];
}

struct Timed {
    std::vector<double> ms;
    std::vector<size_t> triangles;
    FrameStats last;
};

// One frame, finished: the time llvmpipe takes is only known once glFinish returns.
double timedFrame(Renderer& renderer, const FrameInputs& in, FrameStats& stats) {
    core::Stopwatch sw;
    stats = renderer.render(in);
    glFinish();
    return sw.millis();
}

ScenarioFigures figures(const Timed& t) {
    ScenarioFigures f;
    f.frameMsMedian = percentile(t.ms, 0.5);
    f.frameMsP95 = percentile(t.ms, 0.95);
    std::vector<double> tris(t.triangles.begin(), t.triangles.end());
    f.triangles = static_cast<size_t>(percentile(tris, 0.5));
    f.lodStructures = t.last.lodStructures;
    f.drawnStructures = t.last.drawnStructures;
    f.occludedStructures = t.last.occludedStructures;
    return f;
}

Timed still(Renderer& renderer, const scene::AppState& state, const BenchOptions& o, float lodPixels) {
    FrameInputs in;
    in.view = &state.view;
    in.width = o.width;
    in.height = o.height;
    in.lodPixels = lodPixels;
    in.occlusion = o.occlusion;
    Timed t;
    (void)timedFrame(renderer, in, t.last); // warm-up: targets, programs, caches
    for (int i = 0; i < o.restFrames; ++i) {
        t.ms.push_back(timedFrame(renderer, in, t.last));
        t.triangles.push_back(t.last.drawnTriangles);
    }
    return t;
}

void progress(const BenchOptions& o, const char* name, const ScenarioFigures& f) {
    if (o.progress)
        std::fprintf(stderr,
                     "bench: %-12s median %.1f ms, p95 %.1f ms, %zu triangles (%zu of %zu structures simplified, "
                     "%zu occluded)\n",
                     name, f.frameMsMedian, f.frameMsP95, f.triangles, f.lodStructures, f.drawnStructures,
                     f.occludedStructures);
}

} // namespace

double psnrDb(const core::Image& a, const core::Image& b) {
    if (a.width != b.width || a.height != b.height || a.rgba.size() != b.rgba.size())
        throw core::Error("psnr: images of different sizes");
    double sum = 0.0;
    size_t n = 0;
    for (size_t i = 0; i < a.rgba.size(); i += 4)
        for (size_t c = 0; c < 3; ++c) {
            double d = static_cast<double>(a.rgba[i + c]) - static_cast<double>(b.rgba[i + c]);
            sum += d * d;
            ++n;
        }
    if (n == 0 || sum == 0.0)
        return 99.0;
    double mse = sum / static_cast<double>(n);
    return 10.0 * std::log10(255.0 * 255.0 / mse);
}

BenchReport runBench(const anatomy::Body& body, const BenchOptions& o) {
    if (body.empty())
        throw core::Error("bench: the body is empty");
    BenchReport r;
    r.width = o.width;
    r.height = o.height;
    r.gl = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    if (o.progress) {
        // Where the triangles are: the largest meshes and how far their chains of levels go.
        std::vector<uint32_t> order(body.size());
        for (uint32_t s = 0; s < body.size(); ++s)
            order[s] = s;
        std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            return body.meshes[a].triangleCount() > body.meshes[b].triangleCount();
        });
        for (size_t i = 0; i < std::min<size_t>(12, order.size()); ++i) {
            const auto& m = body.meshes[order[i]];
            std::string chain;
            for (const auto& l : m.lods)
                chain.append(" ")
                    .append(std::to_string(l.indices.size() / 3))
                    .append("@")
                    .append(std::to_string(l.error * 1000.0f).substr(0, 4))
                    .append("mm");
            std::fprintf(stderr, "bench: mesh %-40.40s %7zu triangles, %zu vertices; levels:%s\n",
                         body.structures[order[i]].name.c_str(), m.triangleCount(), m.vertexCount(), chain.c_str());
        }
    }
    Renderer renderer(body);
    scene::AppState state;
    state.viewportAspect = static_cast<float>(o.width) / static_cast<float>(o.height);
    scene::apply(state, body, scene::SetNamedView{scene::ViewName::Anterior});

    // Whole body at rest, full detail, then with levels of detail: the same view, so the images compare.
    Timed full = still(renderer, state, o, 0.0f);
    core::Image fullImage = renderer.readPixels();
    r.restNoLod = figures(full);
    progress(o, "rest_no_lod", r.restNoLod);
    Timed rest = still(renderer, state, o, o.restLodPixels);
    r.rest = figures(rest);
    r.restImage = renderer.readPixels();
    r.rest.psnrDb = psnrDb(fullImage, r.restImage);
    if (o.occlusion) {
        // Culling must not change a pixel: the same frame with every structure drawn.
        FrameInputs all;
        all.view = &state.view;
        all.width = o.width;
        all.height = o.height;
        all.lodPixels = o.restLodPixels;
        all.occlusion = false;
        (void)renderer.render(all);
        r.rest.occlusionPsnrDb = psnrDb(renderer.readPixels(), r.restImage);
        if (o.progress)
            std::fprintf(stderr, "bench: rest with occlusion culling against without: %.2f dB (99 = identical)\n",
                         r.rest.occlusionPsnrDb);
    }
    r.restNoLodImage = std::move(fullImage);
    progress(o, "rest", r.rest);

    // A full turn as a user drags it: each frame's error budget and size come from the window's frame budget, fed
    // with the times the frames took.
    {
        scene::FrameBudget budget;
        budget.setOutputPixels(static_cast<double>(o.width) * static_cast<double>(o.height));
        scene::AppState turning = state;
        const float startYaw = turning.view.camera.yaw;
        Timed t;
        double clock = 0.0, lodSum = 0.0, scaleSum = 0.0;
        for (int i = 0; i < o.orbitFrames; ++i) {
            turning.view.camera.yaw =
                startYaw + glm::two_pi<float>() * static_cast<float>(i + 1) / static_cast<float>(o.orbitFrames);
            FrameInputs in;
            in.view = &turning.view;
            budget.moving(); // the camera turns every frame
            in.width = std::max(1, static_cast<int>(static_cast<float>(o.width) * budget.scale()));
            in.height = std::max(1, static_cast<int>(static_cast<float>(o.height) * budget.scale()));
            in.lodPixels = budget.lodPixels();
            in.occlusion = o.occlusion;
            lodSum += in.lodPixels;
            scaleSum += budget.scale();
            double ms = timedFrame(renderer, in, t.last);
            t.ms.push_back(ms);
            t.triangles.push_back(t.last.drawnTriangles);
            clock += ms / 1000.0;
            budget.drawn(clock, i > 0);
            if (i == o.orbitFrames / 4)
                r.orbitImage = renderer.readPixels();
            if (o.occlusion && i % 10 == 9) {
                // Culling must not change a pixel from any side: the same frame without it (not timed).
                core::Image culled = renderer.readPixels();
                FrameInputs all = in;
                all.occlusion = false;
                (void)renderer.render(all);
                core::Image plain = renderer.readPixels();
                size_t differ = 0;
                for (size_t p = 0; p + 3 < plain.rgba.size(); p += 4)
                    differ += std::equal(plain.rgba.begin() + static_cast<std::ptrdiff_t>(p),
                                         plain.rgba.begin() + static_cast<std::ptrdiff_t>(p + 3),
                                         culled.rgba.begin() + static_cast<std::ptrdiff_t>(p))
                                  ? 0
                                  : 1;
                r.orbitOcclusionChecks++;
                r.orbitOcclusionPixelsMax = std::max(r.orbitOcclusionPixelsMax, differ);
                r.orbitOcclusionPsnrMin = std::min(r.orbitOcclusionPsnrMin, psnrDb(plain, culled));
            }
        }
        if (o.occlusion && o.progress)
            std::fprintf(stderr,
                         "bench: orbit with occlusion culling against without, %d frames: worst %.2f dB, at most %zu "
                         "pixels differ\n",
                         r.orbitOcclusionChecks, r.orbitOcclusionPsnrMin, r.orbitOcclusionPixelsMax);
        r.orbit = figures(t);
        r.orbit.meanLodPixels = lodSum / o.orbitFrames;
        r.orbit.meanScale = scaleSum / o.orbitFrames;
        progress(o, "orbit", r.orbit);
    }

    // Head and neck filling the screen, from the front.
    {
        geometry::Aabb box;
        for (uint32_t s = 0; s < body.size(); ++s) {
            const auto& st = body.structures[s];
            if ((st.region == anatomy::Region::Head || st.region == anatomy::Region::Neck) &&
                st.category != anatomy::Category::Skin)
                box.expand(st.bounds);
        }
        scene::AppState close = state;
        if (box.valid())
            scene::apply(close, body, scene::FrameBox{box});
        r.closeup = figures(still(renderer, close, o, o.restLodPixels));
        r.closeupImage = renderer.readPixels();
        progress(o, "closeup", r.closeup);
        if (o.occlusion) {
            auto alternate = [&](const scene::AppState& s, double& onMs, double& offMs) {
                std::vector<double> on, off;
                FrameInputs in;
                in.view = &s.view;
                in.width = o.width;
                in.height = o.height;
                in.lodPixels = o.restLodPixels;
                FrameStats stats;
                for (int i = 0; i < o.restFrames; ++i) {
                    in.occlusion = true;
                    on.push_back(timedFrame(renderer, in, stats));
                    in.occlusion = false;
                    off.push_back(timedFrame(renderer, in, stats));
                }
                onMs = percentile(on, 0.5);
                offMs = percentile(off, 0.5);
            };
            alternate(state, r.restOnMs, r.restOffMs);
            alternate(close, r.closeupOnMs, r.closeupOffMs);
            if (o.progress)
                std::fprintf(stderr,
                             "bench: occlusion on/off in alternate frames: rest %.1f / %.1f ms, closeup %.1f / %.1f "
                             "ms\n",
                             r.restOnMs, r.restOffMs, r.closeupOnMs, r.closeupOffMs);
        }
    }

    // Clicks at random pixels over the body's picture, once every BVH exists (the window builds them on a
    // background thread after its first frame).
    {
        scene::Picker picker(body);
        core::Stopwatch build;
        picker.prebuildInBackground();
        while (picker.builtCount() < body.size())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        r.bvhBuildMs = build.millis();
        scene::Camera cam;
        cam.pose = state.view.camera;
        const glm::vec2 viewport(static_cast<float>(o.width), static_cast<float>(o.height));
        geometry::Aabb screen; // the body's box on screen
        const auto b = body.bounds();
        for (int c = 0; c < 8; ++c) {
            glm::vec3 corner((c & 1) ? b.max.x : b.min.x, (c & 2) ? b.max.y : b.min.y, (c & 4) ? b.max.z : b.min.z);
            if (auto p = cam.project(corner, viewport))
                screen.expand(glm::vec3(glm::clamp(*p, glm::vec2(0.0f), viewport), 0.0f));
        }
        if (!screen.valid())
            screen = {glm::vec3(0.0f), glm::vec3(viewport, 0.0f)};
        std::mt19937 rng(o.seed);
        std::uniform_real_distribution<float> ux(screen.min.x, screen.max.x), uy(screen.min.y, screen.max.y);
        std::vector<double> ms;
        scene::AppState clicked = state;
        for (int i = 0; i < o.picks; ++i) {
            glm::vec2 px(ux(rng), uy(rng));
            core::Stopwatch sw;
            auto hit = picker.pick(cam.rayThrough(px, viewport), clicked.view);
            if (hit)
                scene::apply(clicked, body, scene::SelectStructure{hit->structure, false, true});
            ms.push_back(sw.millis());
            r.pickHits += hit ? 1 : 0;
        }
        r.pickMsMedian = percentile(ms, 0.5);
        r.pickMsP95 = percentile(ms, 0.95);
        r.pickMsMax = ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end());
        if (o.progress)
            std::fprintf(
                stderr,
                "bench: pick         median %.3f ms, max %.3f ms (%zu of %d clicks hit; BVHs built in %.0f ms)\n",
                r.pickMsMedian, r.pickMsMax, r.pickHits, o.picks, r.bvhBuildMs);
    }
    return r;
}

std::string benchJson(const BenchReport& r) {
    std::string out;
    char buf[512];
    auto frame = [&](const char* name, const ScenarioFigures& f, bool last) {
        std::snprintf(buf, sizeof buf,
                      "    \"%s\": {\"frame_ms_median\": %.2f, \"frame_ms_p95\": %.2f, \"triangles\": %zu, "
                      "\"lod_structures\": %zu, \"drawn_structures\": %zu, \"occluded_structures\": %zu",
                      name, f.frameMsMedian, f.frameMsP95, f.triangles, f.lodStructures, f.drawnStructures,
                      f.occludedStructures);
        out += buf;
        if (f.psnrDb >= 0.0) {
            std::snprintf(buf, sizeof buf, ", \"psnr_db\": %.2f", f.psnrDb);
            out += buf;
        }
        if (f.occlusionPsnrDb >= 0.0) {
            std::snprintf(buf, sizeof buf, ", \"occlusion_psnr_db\": %.2f", f.occlusionPsnrDb);
            out += buf;
        }
        if (f.meanLodPixels > 0.0) {
            std::snprintf(buf, sizeof buf, ", \"mean_lod_pixels\": %.2f, \"mean_scale\": %.3f", f.meanLodPixels,
                          f.meanScale);
            out += buf;
        }
        out += last ? "}\n" : "},\n";
    };
    out += "{\n  \"scenarios\": {\n";
    frame("rest_no_lod", r.restNoLod, false);
    frame("rest", r.rest, false);
    frame("orbit", r.orbit, false);
    frame("closeup", r.closeup, false);
    std::snprintf(
        buf, sizeof buf,
        "    \"pick\": {\"pick_ms_median\": %.4f, \"pick_ms_p95\": %.4f, \"pick_ms_max\": %.4f, \"hits\": %zu, "
        "\"bvh_build_ms\": %.1f}\n",
        r.pickMsMedian, r.pickMsP95, r.pickMsMax, r.pickHits, r.bvhBuildMs);
    out += buf;
    std::string gl;
    for (char c : r.gl)
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            gl += c;
    out += "  },\n";
    if (r.orbitOcclusionChecks > 0) {
        std::snprintf(buf, sizeof buf,
                      "  \"occlusion_orbit_check\": {\"frames\": %d, \"psnr_db_min\": %.2f, \"pixels_differing_max\": "
                      "%zu},\n",
                      r.orbitOcclusionChecks, r.orbitOcclusionPsnrMin, r.orbitOcclusionPixelsMax);
        out += buf;
    }
    if (r.restOnMs > 0.0) {
        std::snprintf(buf, sizeof buf,
                      "  \"occlusion_alternate\": {\"rest_ms_on\": %.2f, \"rest_ms_off\": %.2f, \"closeup_ms_on\": "
                      "%.2f, \"closeup_ms_off\": %.2f},\n",
                      r.restOnMs, r.restOffMs, r.closeupOnMs, r.closeupOffMs);
        out += buf;
    }
    std::snprintf(buf, sizeof buf, "  \"width\": %d,\n  \"height\": %d,\n  \"gl\": \"%s\"\n}\n", r.width, r.height,
                  gl.c_str());
    out += buf;
    return out;
}

} // namespace myoatlas::render
