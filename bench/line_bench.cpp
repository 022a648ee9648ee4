// Anatomy Trains line building on the real body: time to build each line (both sides), as the app does the first
// time a line is shown, and how closely each line keeps to its tracks (share of the path over each drawn track within
// 4 mm of, or inside, the track's muscles).
// Usage: line_bench [bodyparts3d dir]   (default: as `myoatlas`: $MYOATLAS_DATA, else ../shared/bodyparts3d)
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "core/timer.h"
#include "geometry/bvh.h"
#include "geometry/muscle_axis.h"
#include "io/body_loader.h"
#include "scene/line_geometry.h"

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace myoatlas;

int main(int argc, char** argv) {
    std::optional<std::filesystem::path> dataArg;
    if (argc > 1)
        dataArg = argv[1];
    io::LoadOptions lo;
    lo.dataDir = io::locateData(dataArg);
    anatomy::Body body = io::loadBody(lo);
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas");
    anatomy::AtlasResolver resolver(atlas, body);

    double total = 0.0, worstMs = 0.0;
    float worstShare = 1.0f;
    size_t tracks = 0, tracksAbove90 = 0;
    std::printf("%-10s %9s %8s %9s %12s\n", "line", "build_ms", "length_m", "branches", "min_share");
    for (size_t i = 0; i < atlas.lines.size(); ++i)
        for (anatomy::Side side : {anatomy::Side::Right, anatomy::Side::Left}) {
            core::Stopwatch sw;
            scene::LineGeometry g = scene::buildLineGeometry(body, resolver, atlas, {i, side});
            double ms = sw.millis();
            total += ms;
            worstMs = std::max(worstMs, ms);
            float lineWorst = 1.0f;
            for (const scene::LineTrack& t : g.tracks) {
                if (!t.drawn)
                    continue;
                std::vector<const geometry::Mesh*> meshes;
                for (uint32_t s : t.structures)
                    meshes.push_back(&body.meshes[s]);
                geometry::Bvh bvh;
                bvh.build(std::span<const geometry::Mesh* const>(meshes));
                const scene::LineBranch& b = g.branches.at(t.branch);
                size_t n = 0, near = 0;
                for (size_t k = 0; k < b.path.points.size(); ++k) {
                    float s = b.offset + b.path.arcLength[k];
                    if (s < t.begin - 0.005f || s > t.end + 0.005f)
                        continue;
                    ++n;
                    const glm::vec3& p = b.path.points[k];
                    float d = geometry::insideClosedSurface(bvh, p) ? 0.0f : bvh.closestPoint(p).distance;
                    near += d <= 0.004f ? 1 : 0;
                }
                if (n < 5) // a crossing (linea alba, flexor retinaculum): touched, not run along
                    continue;
                float share = static_cast<float>(near) / static_cast<float>(n);
                ++tracks;
                tracksAbove90 += share >= 0.9f ? 1 : 0;
                lineWorst = std::min(lineWorst, share);
            }
            worstShare = std::min(worstShare, lineWorst);
            std::printf("%-10s %9.1f %8.3f %9zu %12.2f\n", g.id.c_str(), ms, g.length, g.branches.size(), lineWorst);
        }
    std::printf("line_build_ms_total %.0f (24 line sides), worst %.0f\n", total, worstMs);
    std::printf("tracks_run_along %zu, within_4mm_over_90pct %zu, worst_share %.2f\n", tracks, tracksAbove90,
                worstShare);
    return 0;
}
