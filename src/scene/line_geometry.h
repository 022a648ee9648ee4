#pragma once
// The Anatomy Trains lines on this body, GL-free: a line id resolved to its stations and track structures
// (planLine), built into a smooth path per branch from station to station through its track muscles, along their
// centrelines or over sheet muscles' surfaces (geometry::buildLinePath), and drawn as tubes and station markers
// (lineOverlays).
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"
#include "geometry/line_path.h"
#include "scene/overlay.h"

#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::scene {

struct LineInstance {
    size_t line = 0; // index into Atlas::lines
    anatomy::Side side = anatomy::Side::Right;
};
// The instances an id names; empty when the id is unknown.
[[nodiscard]] std::vector<LineInstance> parseLineId(const anatomy::Atlas& atlas, std::string_view id);
// "SBL_right".
[[nodiscard]] std::string lineInstanceId(const anatomy::FascialLine& line, anatomy::Side side);
// A distinct, saturated colour per line, chosen to stay apart on a projector and from muscle red.
[[nodiscard]] glm::vec3 lineColor(std::string_view lineId);

// Arc lengths below run over the whole line: branches are counted back to back (LineBranch::offset).
struct LineStation {
    std::string name;
    glm::vec3 position{0.0f};
    size_t branch = 0;
    float arcLength = 0.0f;
    float distance = 0.0f; // from the path (0: the path is pinned to stations)
};

struct LineTrack {
    std::string name;
    std::vector<uint32_t> structures; // track structures (muscles and connective sheets) on its side
    bool drawn = false;               // false: no mesh (sacrotuberous ligament, galea), the path runs straight
    size_t branch = 0;
    float begin = 0.0f, end = 0.0f; // arc length span over the track
    float distance = 0.0f;          // largest gap from a control point (centreline or surface route) to the path
    geometry::LineWaypoint::Route route = geometry::LineWaypoint::Route::Auto; // the route taken (drawn tracks)
};

// One continuous piece of a line. Most lines are one branch; the DFL is four (lower posterior, lower anterior with
// the upper posterior, upper middle, upper anterior), as the atlas marks with "branch".
struct LineBranch {
    geometry::LinePath path;
    float offset = 0.0f; // the line's arc length where this branch starts
};

struct LineGeometry {
    std::string id; // "SBL_right"
    LineInstance instance;
    std::vector<LineBranch> branches;
    float length = 0.0f;               // all branches
    std::vector<LineStation> stations; // resolved stations, in order
    std::vector<LineTrack> tracks;     // every track element, in order
};

// A line resolved on the body (stations placed, tracks' structures found) but not yet built: what the geometry
// needs, with the meshes it reads (body.meshes, which must outlive the plan).
struct LinePlan {
    struct Branch {
        std::vector<geometry::LineWaypoint> waypoints;
        std::vector<int> target; // per waypoint, the record it fills: >= 0 a station, < 0 a track (-1 - index)
    };
    LineGeometry line; // id, instance, stations and tracks; no branches yet
    std::vector<Branch> branches;
    std::vector<int> order; // every record in element order, coded like Branch::target
};
// Resolving uses the shared resolver: main thread only. Quick (landmarks are cached).
[[nodiscard]] LinePlan planLine(const anatomy::Body& body, anatomy::AtlasResolver& resolver,
                                const anatomy::Atlas& atlas, LineInstance instance);
// The geometry: centrelines, surface routes, paths (10 to 400 ms a line side on 2 cores). Reads only the meshes
// the plan names, so it may run on a worker thread.
[[nodiscard]] LineGeometry buildPlannedLine(LinePlan plan);
// Both steps.
[[nodiscard]] LineGeometry buildLineGeometry(const anatomy::Body& body, anatomy::AtlasResolver& resolver,
                                             const anatomy::Atlas& atlas, LineInstance instance);

struct LineStyle {
    glm::vec3 color{1.0f};
    float tubeRadius = 0.006f;   // metres: about 4 px in a full-body view at 1080 p
    float markerRadius = 0.011f; // station spheres
    float flowSpeed = 0.16f;     // m/s, in the line's direction
    float flowWavelength = 0.22f;
};
// The tube (with per-vertex arc length for the flow) and the station markers, drawn over the body.
[[nodiscard]] std::vector<OverlayMesh> lineOverlays(const LineGeometry& line, const LineStyle& style);

} // namespace myoatlas::scene
