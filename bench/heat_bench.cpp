// Referred-pain heat benchmark on the real skin: one-time factorisation, one geodesic solve, a whole HeatField
// (target: < 50 ms for one trigger point after the factorisation), and one animation frame.
// Usage: heat_bench [bodyparts3d dir] [repetitions]   (default dir: $MYOATLAS_TEST_DATA)
#include "core/timer.h"
#include "geometry/geodesic.h"
#include "heat_test_data.h"
#include "scene/heat_field.h"
#include "scene/suspects.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

using namespace myoatlas;

namespace {

struct Stats {
    double median = 0.0, min = 0.0, max = 0.0;
};

Stats timeIt(int repetitions, const std::function<void()>& body) {
    std::vector<double> ms;
    ms.reserve(repetitions);
    for (int i = 0; i < repetitions; ++i) {
        core::Stopwatch sw;
        body();
        ms.push_back(sw.millis());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back()};
}

void print(const char* what, const Stats& s) {
    std::printf("%-44s median %8.3f ms   (min %.3f, max %.3f)\n", what, s.median, s.min, s.max);
}

// An upper-trapezius-like pattern on the right side (+X is the subject's left): essential zones along the
// posterolateral neck and at the temple, spillover behind the ear and at the angle of the jaw.
anatomy::ResolvedReferral trapeziusLike() {
    using anatomy::ZoneKind;
    anatomy::ResolvedReferral r;
    r.trpId = "BENCH-TRAPU-TP1";
    r.side = "right";
    r.trpPosition = {-0.10f, 1.42f, -0.01f};
    r.zones.push_back({ZoneKind::Essential, {{-0.05f, 1.47f, 0.00f}, {-0.05f, 1.52f, 0.01f}}, 0.05f, "neck"});
    r.zones.push_back({ZoneKind::Essential, {{-0.075f, 1.60f, 0.10f}}, 0.04f, "temple"});
    r.zones.push_back({ZoneKind::Spillover, {{-0.07f, 1.55f, 0.03f}}, 0.04f, "behind the ear"});
    r.zones.push_back({ZoneKind::Spillover, {{-0.055f, 1.50f, 0.09f}}, 0.03f, "jaw angle"});
    return r;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const std::filesystem::path dir = argc > 1 ? std::filesystem::path(argv[1]) : testdata::dataDir();
        const int reps = argc > 2 ? std::max(3, std::atoi(argv[2])) : 21;

        core::Stopwatch sw;
        geometry::Mesh skin = testdata::loadSkin(dir);
        std::printf("skin: %zu vertices, %zu triangles (loaded in %.0f ms)\n", skin.vertexCount(), skin.triangleCount(),
                    sw.millis());

        sw.reset();
        geometry::GeodesicSolver solver(skin);
        const double buildMs = sw.millis();
        const geometry::TopologyReport& topo = solver.topology();
        std::printf("welded: %zu vertices (%zu seam duplicates), %zu edges, %u component(s), %zu boundary edges, "
                    "%zu non-manifold edges, %zu degenerate triangles, Euler characteristic %lld (outer surface)\n",
                    solver.weldedVertexCount(), skin.vertexCount() - solver.weldedVertexCount(), topo.edges,
                    topo.components, topo.boundaryEdges, topo.nonManifoldEdges, topo.degenerateTriangles,
                    static_cast<long long>(topo.vertices - topo.isolatedVertices) - static_cast<long long>(topo.edges) +
                        static_cast<long long>(topo.triangles));
        std::printf("outer surface: %zu of %zu triangles (the file is a double-walled shell)\n",
                    solver.surfaceTriangleCount(), skin.triangleCount());
        std::printf("mean edge %.2f mm, heat time t = h^2 = %.3g m^2, intrinsic Delaunay flips %zu, area %.3f m^2\n",
                    solver.meanEdgeLength() * 1000.0, solver.heatTime(), solver.intrinsicFlips(), solver.totalArea());
        std::printf("%-44s %8.1f ms   (weld, intrinsic Delaunay, operators, 2 x LDLT, BVH)\n",
                    "one-time build + factorisation", buildMs);

        const uint32_t src = solver.nearestVertex({-0.16f, 1.36f, 0.05f});
        std::vector<float> d;
        print("geodesic solve, 1 source set",
              timeIt(reps, [&] { d = solver.distances(std::span<const uint32_t>(&src, 1)); }));
        std::vector<std::vector<uint32_t>> five(5, std::vector<uint32_t>{src});
        print("geodesic solve, 5 source sets batched", timeIt(reps, [&] { (void)solver.distances(five); }));

        const anatomy::ResolvedReferral referral = trapeziusLike();
        std::optional<scene::HeatField> field;
        print("HeatField build (4 zones + TrP, 5 fields)", timeIt(reps, [&] { field.emplace(solver, referral); }));
        anatomy::ResolvedReferral single = referral;
        single.zones.resize(1);
        print("HeatField build (1 zone + TrP)", timeIt(reps, [&] { scene::HeatField f(solver, single); }));

        std::vector<float> frame;
        float t = 0.0f;
        print("evaluate(t), one frame", timeIt(reps * 10, [&] {
                  field->evaluate(t, frame);
                  t += 1.0f / 60.0f;
              }));
        // Reverse lookup over 200 candidate patterns (the trapezius-like one, shifted around the body) for 3 pain
        // points: one solve per pain point, whatever the number of candidates.
        std::vector<anatomy::ResolvedReferral> candidates;
        for (int i = 0; i < 200; ++i) {
            anatomy::ResolvedReferral c = referral;
            c.trpId = "BENCH-" + std::to_string(i);
            const glm::vec3 shift(0.002f * static_cast<float>(i % 20), -0.07f * static_cast<float>(i / 20), 0.0f);
            c.trpPosition += shift;
            for (auto& z : c.zones)
                for (auto& seed : z.seeds)
                    seed += shift;
            candidates.push_back(std::move(c));
        }
        const std::vector<glm::vec3> pain{{-0.05f, 1.49f, 0.0f}, {-0.075f, 1.59f, 0.09f}, {-0.06f, 1.52f, 0.02f}};
        std::vector<scene::Suspect> ranked;
        print("rankSuspects, 3 pain points x 200 patterns",
              timeIt(std::max(3, reps / 4), [&] { ranked = scene::rankSuspects(solver, pain, candidates); }));
        std::printf("top suspect %s (score %.2f, %u essential / %u spillover hits)\n",
                    ranked.empty() ? "-" : ranked[0].trpId.c_str(), ranked.empty() ? 0.0f : ranked[0].score,
                    ranked.empty() ? 0u : ranked[0].essentialHits, ranked.empty() ? 0u : ranked[0].spilloverHits);

        anatomy::ResolvedReferral wide = referral; // the same pattern with 5x the radii: ~10% of the skin heated
        for (auto& z : wide.zones)
            z.radius *= 5.0f;
        scene::HeatField wideField(solver, wide);
        print("evaluate(t), one frame, 5x wider pattern", timeIt(reps * 10, [&] {
                  wideField.evaluate(t, frame);
                  t += 1.0f / 60.0f;
              }));
        std::printf("wide pattern: essential %.1f%% / spillover %.1f%% of the skin\n",
                    100.0 * wideField.essentialAreaFraction(), 100.0 * wideField.spilloverAreaFraction());

        size_t heated = 0;
        for (float h : field->steady())
            heated += h > 0.0f ? 1 : 0;
        std::printf("pattern: %zu heated vertices, essential %.2f%% / spillover %.2f%% of the skin, spreads in %.2f s, "
                    "settles at %.2f s\n",
                    heated, 100.0 * field->essentialAreaFraction(), 100.0 * field->spilloverAreaFraction(),
                    field->spreadSeconds(), field->settleSeconds());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "heat_bench: %s\n", e.what());
        return 1;
    }
}
