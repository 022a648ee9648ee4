// The Anatomy Trains lines on the real body: every line on both sides is a continuous path that visits its stations
// in order and runs through (or within a few millimetres of) each of its track muscles in order; left and right
// mirror each other; inspect's JSON carries every line's length and stations.
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "app/line_feature.h"
#include "geometry/bvh.h"
#include "geometry/muscle_axis.h"
#include "geometry/polyline.h"
#include "io/body_loader.h"
#include "report/body_report.h"
#include "report/line_report.h"
#include "support/test_body.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <iostream>
#include <nlohmann/json.hpp>

using namespace myoatlas;
using anatomy::Side;

namespace {

struct Fixture {
    const anatomy::Body& body = test::testBody();
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas");
    anatomy::AtlasResolver resolver{atlas, body};
    std::map<std::string, scene::LineGeometry> lines; // every line, both sides

    Fixture() {
        for (size_t i = 0; i < atlas.lines.size(); ++i)
            for (Side s : {Side::Right, Side::Left}) {
                auto g = scene::buildLineGeometry(body, resolver, atlas, {i, s});
                lines.emplace(g.id, std::move(g));
            }
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

} // namespace

TEST(LineIds, ParseBothSidesAndOneSide) {
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(io::locateAssets() / "atlas");
    auto both = scene::parseLineId(atlas, "SBL");
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(atlas.lines[both[0].line].id, "SBL");
    auto left = scene::parseLineId(atlas, "LL_left");
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].side, Side::Left);
    EXPECT_EQ(scene::lineInstanceId(atlas.lines[left[0].line], Side::Left), "LL_left");
    EXPECT_TRUE(scene::parseLineId(atlas, "LL_middle").empty());
    EXPECT_TRUE(scene::parseLineId(atlas, "XYZ").empty());
    // Distinct colours: no two lines closer than a clearly visible step.
    for (size_t a = 0; a < atlas.lines.size(); ++a)
        for (size_t b = a + 1; b < atlas.lines.size(); ++b)
            EXPECT_GT(glm::distance(scene::lineColor(atlas.lines[a].id), scene::lineColor(atlas.lines[b].id)), 0.15f)
                << atlas.lines[a].id << " vs " << atlas.lines[b].id;
}

TEST(LinesRealBody, EveryLineIsContinuousAndVisitsItsStationsInOrder) {
    auto& f = fixture();
    ASSERT_EQ(f.lines.size(), 24u);
    for (const auto& [id, g] : f.lines) {
        SCOPED_TRACE(id);
        // One branch per atlas "branch" mark, plus the first.
        size_t marks = 1;
        for (const auto& el : f.atlas.lines[g.instance.line].elements)
            marks += el.branch ? 1 : 0;
        ASSERT_EQ(g.branches.size(), marks);
        float total = 0.0f;
        for (const scene::LineBranch& b : g.branches) {
            ASSERT_GE(b.path.points.size(), 10u);
            EXPECT_NEAR(b.offset, total, 1e-4f);
            total += b.path.length;
            float maxGap = 0.0f;
            for (size_t i = 1; i < b.path.points.size(); ++i)
                maxGap = std::max(maxGap, glm::distance(b.path.points[i - 1], b.path.points[i]));
            EXPECT_LE(maxGap, 0.006f) << "a gap in the path";
            EXPECT_GT(b.path.length, 0.1f);
        }
        EXPECT_NEAR(g.length, total, 1e-3f);
        EXPECT_GT(g.length, 0.3f);
        ASSERT_GE(g.stations.size(), 2u);
        for (size_t k = 0; k < g.stations.size(); ++k) {
            EXPECT_LE(g.stations[k].distance, 0.004f) << g.stations[k].name; // stations are pinned
            if (k > 0) {
                EXPECT_LE(g.stations[k - 1].arcLength, g.stations[k].arcLength + 1e-4f) << g.stations[k].name;
            }
        }
        EXPECT_NEAR(g.stations.front().arcLength, 0.0f, 0.01f);
        if (f.atlas.lines[g.instance.line].elements.back().station) { // DFL ends on a track
            EXPECT_NEAR(g.stations.back().arcLength, g.length, 0.01f);
        }
        // Every track lies within its branch, in order, and a track without a mesh spans the gap it bridges.
        for (const scene::LineTrack& t : g.tracks) {
            const scene::LineBranch& b = g.branches.at(t.branch);
            EXPECT_GE(t.begin, b.offset - 1e-3f) << t.name;
            EXPECT_LE(t.end, b.offset + b.path.length + 1e-3f) << t.name;
            EXPECT_LE(t.begin, t.end) << t.name;
        }
        std::cout << "[ line ] " << id << " " << g.length << " m, " << g.branches.size() << " branches, "
                  << g.stations.size() << " stations, " << g.tracks.size() << " tracks\n";
    }
}

TEST(LinesRealBody, PathRunsThroughEachTrackMuscleInOrder) {
    auto& f = fixture();
    size_t tracks = 0;
    float worstShare = 1.0f;
    for (const auto& [id, g] : f.lines) {
        float lastMid = -1.0f;
        for (const scene::LineTrack& t : g.tracks) {
            if (!t.drawn)
                continue;
            SCOPED_TRACE(id + ": " + t.name);
            ++tracks;
            std::vector<const geometry::Mesh*> meshes;
            for (uint32_t s : t.structures)
                meshes.push_back(&f.body.meshes[s]);
            geometry::Bvh bvh;
            bvh.build(std::span<const geometry::Mesh* const>(meshes));
            // Over the track's span: the share of samples inside a track mesh or within 4 mm of one.
            size_t total = 0, near = 0;
            float closest = 1e9f;
            const scene::LineBranch& b = g.branches.at(t.branch);
            for (size_t i = 0; i < b.path.points.size(); ++i) {
                // The span, widened by a sample either side (a short track may fall between two samples).
                float s = b.offset + b.path.arcLength[i];
                if (s < t.begin - 0.005f || s > t.end + 0.005f)
                    continue;
                ++total;
                const glm::vec3& p = b.path.points[i];
                float d = geometry::insideClosedSurface(bvh, p) ? 0.0f : bvh.closestPoint(p).distance;
                closest = std::min(closest, d);
                near += d <= 0.004f ? 1 : 0;
            }
            ASSERT_GT(total, 0u);
            // Every track is reached; a track the line runs along (two or more centimetres of path) holds the path
            // within 4 mm over at least 80% of its span: along the centreline of a fusiform muscle, over the surface
            // of a sheet or dome (diaphragm, obliques, intercostals, serratus, rotator cuff). A crossing (linea alba,
            // flexor retinaculum) is only touched.
            EXPECT_LE(closest, 0.004f) << "the path never reaches the track";
            float share = static_cast<float>(near) / static_cast<float>(total);
            worstShare = std::min(worstShare, total >= 5 ? share : 1.0f);
            if (total >= 5) {
                EXPECT_GE(share, 0.8f) << near << " of " << total << " samples within 4 mm";
            }
            if (share < 0.95f)
                std::cout << "[ track ] " << id << ": " << t.name << ": " << near << " of " << total
                          << " samples within 4 mm (closest " << closest * 1000.0f << " mm, "
                          << (t.route == geometry::LineWaypoint::Route::Surface ? "surface" : "centreline")
                          << " route, span " << (t.end - t.begin) * 1000.0f << " mm)\n";
            // Relaxing the control points and smoothing the path move it a few millimetres at most.
            EXPECT_LE(t.distance, 0.01f) << "control points far from the path";
            float mid = 0.5f * (t.begin + t.end);
            EXPECT_GE(mid, lastMid - 0.02f) << "tracks out of order";
            lastMid = mid;
        }
    }
    EXPECT_GT(tracks, 100u);
    std::cout << "[ tracks ] " << tracks << " drawn, worst share within 4 mm " << worstShare << "\n";
}

TEST(LinesRealBody, LeftAndRightMirror) {
    auto& f = fixture();
    // BodyParts3D's left muscles are mirrored right ones; the mirror plane is the skin's mid-sagittal plane.
    const auto& skin = f.body.structures[*f.body.skin()].bounds;
    float mid = 0.5f * (skin.min.x + skin.max.x);
    for (const auto& line : f.atlas.lines) {
        SCOPED_TRACE(line.id);
        const auto& r = f.lines.at(line.id + "_right");
        const auto& l = f.lines.at(line.id + "_left");
        ASSERT_EQ(r.branches.size(), l.branches.size());
        float sum = 0.0f, worst = 0.0f;
        glm::vec3 worstAt(0.0f);
        size_t count = 0;
        for (size_t b = 0; b < r.branches.size(); ++b) {
            std::vector<glm::vec3> mirrored;
            for (const glm::vec3& p : r.branches[b].path.points)
                mirrored.push_back({2.0f * mid - p.x, p.y, p.z});
            for (const glm::vec3& p : l.branches[b].path.points) {
                float d = geometry::closestPointOnPolyline(mirrored, p).distance;
                sum += d;
                if (d > worst) {
                    worst = d;
                    worstAt = p;
                }
                ++count;
            }
        }
        float mean = sum / static_cast<float>(count);
        std::cout << "[ mirror ] " << line.id << " mean " << mean * 1000.0f << " mm, max " << worst * 1000.0f
                  << " mm (left side at " << worstAt.x << " " << worstAt.y << " " << worstAt.z << "), lengths "
                  << r.length << " / " << l.length << "\n";
        // The body is not exactly symmetric (skin and bone landmarks), so a few centimetres at worst.
        // Worst: the DFL over the top of the diaphragm, whose right dome rides higher than the left.
        EXPECT_LE(mean, 0.005f);
        EXPECT_LE(worst, 0.042f);
        EXPECT_NEAR(r.length, l.length, 0.08f * r.length);
        EXPECT_EQ(r.stations.size(), l.stations.size());
    }
}

TEST(LinesRealBody, InspectJsonHasLengthsAndStations) {
    auto& f = fixture();
    app::FeatureContext context{f.body, &f.atlas, &f.resolver, ""};
    nlohmann::json j = report::linesJson(context);
    ASSERT_EQ(j.size(), 24u);
    for (const auto& line : j) {
        EXPECT_GT(line["length_m"].get<float>(), 0.3f) << line["id"];
        EXPECT_GE(line["stations"].size(), 2u);
        EXPECT_EQ(line["stations"][0]["position"].size(), 3u);
    }
    EXPECT_EQ(j[0]["id"], "SBL_right");
    // The whole of `inspect`: the body, the atlas resolved on it and the lines; without an atlas, why.
    io::LoadReport load;
    const nlohmann::json all = report::inspectJson(context, load);
    EXPECT_EQ(all["lines"], j);
    EXPECT_EQ(all["structures"].size(), f.body.size());
    EXPECT_TRUE(all.contains("atlas"));
    const nlohmann::json none = report::inspectJson({f.body, nullptr, nullptr, "atlas missing"}, load);
    EXPECT_EQ(none["atlas_error"], "atlas missing");
    EXPECT_FALSE(none.contains("atlas"));
}

TEST(LinesRealBody, FeatureShowsOverlaysAndDimsAllButTheTracks) {
    auto& f = fixture();
    app::FeatureContext context{f.body, &f.atlas, &f.resolver, ""};
    app::LineFeature feature(context);
    scene::AppState state;
    state.view.lines = {"SBL"};
    EXPECT_TRUE(feature.update(state, 0.0));
    std::vector<render::OverlayMesh> overlays;
    feature.appendOverlays(overlays);
    ASSERT_EQ(overlays.size(), 4u); // tube and markers, both sides
    EXPECT_GT(overlays[0].flowSpeed, 0.0f);
    EXPECT_EQ(overlays[0].params.size(), overlays[0].mesh.vertexCount());
    std::vector<uint8_t> dimmed(f.body.size(), 0);
    feature.markDimmed(dimmed);
    const auto* g = feature.geometry("SBL_right");
    ASSERT_NE(g, nullptr);
    for (const auto& t : g->tracks)
        for (uint32_t s : t.structures)
            EXPECT_EQ(dimmed[s], 0) << f.body.structures[s].name;
    EXPECT_GT(std::count(dimmed.begin(), dimmed.end(), 1), static_cast<long>(f.body.size() / 2));
    uint64_t v = feature.overlayVersion();
    state.view.lines = {};
    EXPECT_FALSE(feature.update(state, 0.0));
    EXPECT_NE(feature.overlayVersion(), v);
}

TEST(LinesRealBody, LinesShownLaterAreBuiltOnAWorkerAndAppearWhenReady) {
    auto& f = fixture();
    app::FeatureContext context{f.body, &f.atlas, &f.resolver, ""};
    app::LineFeature feature(context);
    scene::AppState state;
    EXPECT_FALSE(feature.update(state, 0.0)); // the first frame shows no line
    uint64_t v0 = feature.overlayVersion();
    state.view.lines = {"LL"};
    EXPECT_TRUE(feature.update(state, 0.1)); // building: the loop keeps polling
    // Either still building (nothing shown yet) or already done; never half a line.
    std::vector<render::OverlayMesh> overlays;
    feature.appendOverlays(overlays);
    EXPECT_TRUE(overlays.empty() || overlays.size() == 4u);
    feature.finishPending();
    EXPECT_FALSE(feature.busy());
    EXPECT_TRUE(feature.update(state, 0.2));
    overlays.clear();
    feature.appendOverlays(overlays);
    EXPECT_EQ(overlays.size(), 4u); // tube and markers, both sides
    EXPECT_NE(feature.overlayVersion(), v0);
    ASSERT_NE(feature.geometry("LL_left"), nullptr);
    EXPECT_GT(feature.geometry("LL_left")->length, 1.0f);
}
