// Where the triangles of the whole-body still frame go: per structure, the level of detail the renderer would pick
// at the bench's `rest` view (anterior, whole body) and why it is not coarser. GL-free: no occlusion culling, so
// the totals are the `--no-occlusion` figures. Usage: lod_census DATA_DIR [PIXELS=1] [WIDTHxHEIGHT=1280x720] [-v]
#include "anatomy/atlas.h"
#include "geometry/bvh.h"
#include "io/body_loader.h"
#include "io/fascia_layer.h"
#include "scene/app_state.h"
#include "scene/commands.h"
#include "scene/lod_select.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

using namespace myoatlas;

namespace {

const char* shortLayer(anatomy::Layer l) {
    static const char* names[] = {"skin", "fascia", "superficial", "deep", "bone", "connective"};
    return names[anatomy::index(l)];
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: lod_census DATA_DIR [PIXELS] [WIDTHxHEIGHT] [-v]\n");
        return 2;
    }
    const float pixels = argc > 2 ? std::stof(argv[2]) : 1.0f;
    int width = 1280, height = 720;
    if (argc > 3)
        std::sscanf(argv[3], "%dx%d", &width, &height);
    const bool verbose = argc > 4 && std::strcmp(argv[4], "-v") == 0;
    const bool timeLods = argc > 4 && std::strcmp(argv[4], "--time") == 0;

    io::LoadOptions options;
    options.dataDir = argv[1];
    anatomy::Body body = io::loadBody(options);
    std::unique_ptr<anatomy::Atlas> atlas;
    try {
        atlas = std::make_unique<anatomy::Atlas>(anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas"));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "atlas: %s\n", e.what());
    }
    (void)io::addGeneratedFascia(body, atlas.get());
    if (timeLods) {
        // The chains' cost on one thread, at the old ladder (0.4) and the default one.
        for (float ratio : {0.4f, geometry::kLodRatio}) {
            auto copy = body.meshes;
            const auto start = std::chrono::steady_clock::now();
            size_t levels = 0;
            for (auto& m : copy) {
                m.buildLods(ratio);
                levels += m.lods.size();
            }
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::printf("buildLods(%.2f) over %zu meshes: %.2f s on one thread, %zu levels\n", ratio, copy.size(), s,
                        levels);
        }
        return 0;
    }

    scene::AppState state;
    state.viewportAspect = static_cast<float>(width) / static_cast<float>(height);
    scene::apply(state, body, scene::SetNamedView{scene::ViewName::Anterior});
    const auto& cam = state.view.camera;
    const glm::vec3 eye = cam.eye();
    const float ppm = scene::pixelsPerMetreAtUnitDistance(cam.fovY, height);

    struct Row {
        std::string name;
        std::string layer;
        size_t full, drawn, levels, chosen;
        float nearest, allowed, nextError;
        const char* why;
    };
    std::vector<Row> rows;
    std::map<std::string, std::pair<size_t, size_t>> byLayer; // full, drawn
    std::map<std::string, std::pair<size_t, size_t>> byWhy;   // structures, drawn triangles
    size_t total = 0, totalFull = 0;
    for (uint32_t s = 0; s < body.size(); ++s) {
        if (!state.view.isVisible(body, s))
            continue;
        const auto& m = body.meshes[s];
        std::vector<float> errors;
        for (const auto& l : m.lods)
            errors.push_back(l.error);
        const float nearest = std::sqrt(body.structures[s].bounds.distance2(eye));
        const size_t level = scene::selectLod(errors, nearest, ppm, pixels);
        const size_t drawn = level == 0 ? m.triangleCount() : m.lods[level - 1].indices.size() / 3;
        const float allowed = pixels * std::max(nearest, 0.05f) / ppm;
        const char* why;
        if (m.lods.empty())
            why = m.triangleCount() < 64 ? "no chain (under 64 triangles)" : "no chain (first level refused)";
        else if (level == m.lods.size())
            why = "chain end (coarsest level drawn)";
        else
            why = level == 0 ? "level 1 error too large" : "next level's error too large";
        rows.push_back({body.structures[s].name, shortLayer(body.structures[s].layer), m.triangleCount(), drawn,
                        m.lods.size(), level, nearest, allowed, level < errors.size() ? errors[level] : -1.0f, why});
        byLayer[shortLayer(body.structures[s].layer)].first += m.triangleCount();
        byLayer[shortLayer(body.structures[s].layer)].second += drawn;
        byWhy[why].first++;
        byWhy[why].second += drawn;
        total += drawn;
        totalFull += m.triangleCount();
    }
    std::printf("rest view %dx%d, %.2f px: %zu visible structures, %zu triangles at full detail, %zu drawn\n", width,
                height, pixels, rows.size(), totalFull, total);
    std::printf("eye %.3f %.3f %.3f, %.1f px per metre at 1 m\n", eye.x, eye.y, eye.z, ppm);
    std::printf("\nby layer (full -> drawn):\n");
    for (auto& [k, v] : byLayer)
        std::printf("  %-12s %9zu -> %9zu\n", k.c_str(), v.first, v.second);
    std::printf("\nby reason (structures, drawn triangles):\n");
    for (auto& [k, v] : byWhy)
        std::printf("  %-36s %5zu %9zu\n", k.c_str(), v.first, v.second);
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.drawn > b.drawn; });
    std::printf("\nlargest drawn (name, layer, full, drawn, level/levels, nearest m, allowed mm, next error mm, "
                "reason):\n");
    for (size_t i = 0; i < std::min<size_t>(verbose ? rows.size() : 40, rows.size()); ++i) {
        const auto& r = rows[i];
        std::printf("  %-40.40s %-11s %7zu %7zu %zu/%zu %5.2f %6.3f %7.3f %s\n", r.name.c_str(), r.layer.c_str(),
                    r.full, r.drawn, r.chosen, r.levels, r.nearest, r.allowed * 1000.0f, r.nextError * 1000.0f, r.why);
    }
    // The chains of the largest, with each level's stored error against its measured deviation from the full
    // mesh (geometry::lodDeviation, every point sampled).
    std::printf("\nchains (triangles@stated error/measured deviation, mm):\n");
    for (size_t i = 0; i < std::min<size_t>(verbose ? 60 : 12, rows.size()); ++i) {
        uint32_t s = 0;
        while (body.structures[s].name != rows[i].name)
            ++s;
        const auto& m = body.meshes[s];
        geometry::Bvh full;
        full.build(m);
        std::string line;
        for (const auto& l : m.lods) {
            char buf[64];
            std::snprintf(buf, sizeof buf, " %zu@%.2f/%.2f", l.indices.size() / 3, l.error * 1000.0f,
                          geometry::lodDeviation(m, full, l.indices, 1u << 20) * 1000.0f);
            line += buf;
        }
        std::printf("  %-32.32s %7zu:%s\n", rows[i].name.c_str(), m.triangleCount(), line.c_str());
    }
    return 0;
}
