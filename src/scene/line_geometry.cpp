#include "scene/line_geometry.h"

#include "geometry/polyline.h"
#include "geometry/tube_builder.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

namespace myoatlas::scene {
namespace {

using anatomy::Side;

constexpr float kPi = 3.14159265f;

std::string_view suffixOf(Side side) {
    return side == Side::Left ? "_left" : "_right";
}

// A UV sphere (outward normals, counter-clockwise from outside).
geometry::Mesh sphere(const glm::vec3& centre, float radius, int rings = 10, int segments = 16) {
    geometry::Mesh m;
    for (int r = 0; r <= rings; ++r) {
        float v = kPi * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s <= segments; ++s) {
            float u = 2.0f * kPi * static_cast<float>(s) / static_cast<float>(segments);
            glm::vec3 n(std::sin(v) * std::cos(u), std::cos(v), std::sin(v) * std::sin(u));
            m.positions.push_back(centre + radius * n);
            m.normals.push_back(n);
        }
    }
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            auto a = static_cast<uint32_t>(r * (segments + 1) + s), b = a + static_cast<uint32_t>(segments + 1);
            m.indices.insert(m.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
        }
    return m;
}

} // namespace

std::vector<LineInstance> parseLineId(const anatomy::Atlas& atlas, std::string_view id) {
    for (size_t i = 0; i < atlas.lines.size(); ++i) {
        const std::string& base = atlas.lines[i].id;
        if (id == base)
            return {{i, Side::Right}, {i, Side::Left}};
        for (Side s : {Side::Right, Side::Left})
            if (id.size() == base.size() + suffixOf(s).size() && id.starts_with(base) && id.ends_with(suffixOf(s)))
                return {{i, s}};
    }
    return {};
}

std::string lineInstanceId(const anatomy::FascialLine& line, Side side) {
    return line.id + std::string(suffixOf(side));
}

glm::vec3 lineColor(std::string_view id) {
    struct Entry {
        std::string_view id;
        glm::vec3 color;
    };
    // Saturated and light enough to read on a washed-out projector; none near muscle red or skin beige.
    static const Entry kColors[] = {
        {"SBL", {0.15f, 0.55f, 1.00f}},  {"SFL", {1.00f, 0.82f, 0.10f}},  {"LL", {0.20f, 0.85f, 0.35f}},
        {"SPL", {1.00f, 0.50f, 0.75f}},  {"SFAL", {1.00f, 0.55f, 0.05f}}, {"DFAL", {0.10f, 0.85f, 0.90f}},
        {"SBAL", {0.65f, 0.45f, 1.00f}}, {"DBAL", {0.70f, 0.95f, 0.20f}}, {"BFL", {0.20f, 0.70f, 0.60f}},
        {"FFL", {1.00f, 0.95f, 0.60f}},  {"IFL", {0.60f, 0.78f, 1.00f}},  {"DFL", {0.85f, 0.25f, 0.95f}},
    };
    for (const Entry& e : kColors)
        if (e.id == id)
            return e.color;
    return {1.0f, 1.0f, 1.0f};
}

namespace {

geometry::LineWaypoint::Route routeOf(anatomy::TrackRoute r) {
    switch (r) {
    case anatomy::TrackRoute::Centreline:
        return geometry::LineWaypoint::Route::Centreline;
    case anatomy::TrackRoute::Surface:
        return geometry::LineWaypoint::Route::Surface;
    case anatomy::TrackRoute::Auto:
        break;
    }
    return geometry::LineWaypoint::Route::Auto;
}

// Where one branch's path meets each of its waypoints, searched forward from the previous one: the path builder's
// own visit estimates assume arc lengths that pinning a far station can shift by several centimetres.
// target: per waypoint, >= 0 a station index, < 0 a track (-1 - index).
void placeOnBranch(LineGeometry& g, size_t branch, const std::vector<int>& target) {
    const LineBranch& b = g.branches[branch];
    const auto& pts = b.path.points;
    const auto& arc = b.path.arcLength;
    if (pts.size() < 2)
        return;
    auto closestFrom = [&](const glm::vec3& q, float from, float to) {
        auto lo = static_cast<size_t>(std::lower_bound(arc.begin(), arc.end(), from) - arc.begin());
        auto hi = static_cast<size_t>(std::upper_bound(arc.begin(), arc.end(), to) - arc.begin());
        lo = std::min(lo, pts.size() - 1);
        hi = std::clamp(hi, lo + 1, pts.size());
        geometry::PolylinePoint c = geometry::closestPointOnPolyline(std::span(pts).subspan(lo, hi - lo), q);
        c.arcLength += arc[lo];
        return c;
    };
    float cursor = 0.0f; // the last station's arc length: stations are pinned, so they anchor the search
    for (size_t k = 0; k < b.path.visits.size() && k < target.size(); ++k) {
        const geometry::WaypointVisit& v = b.path.visits[k];
        float horizon = std::max(v.end, cursor) + 0.3f; // generous: the estimates drift by centimetres, not metres
        if (target[k] >= 0) {
            auto& st = g.stations[static_cast<size_t>(target[k])];
            geometry::PolylinePoint c = closestFrom(st.position, cursor, horizon);
            st.arcLength = b.offset + c.arcLength;
            st.distance = c.distance;
            cursor = c.arcLength;
            continue;
        }
        auto& tr = g.tracks[static_cast<size_t>(-1 - target[k])];
        tr.route = v.route;
        if (v.centreline.empty())
            continue;
        float begin = closestFrom(v.centreline.front(), cursor, horizon).arcLength;
        float end = std::max(begin, closestFrom(v.centreline.back(), begin, horizon + 0.3f).arcLength);
        tr.begin = b.offset + begin;
        tr.end = b.offset + end;
        tr.distance = 0.0f;
        for (const glm::vec3& c : v.centreline)
            tr.distance = std::max(tr.distance, closestFrom(c, begin - 0.05f, end + 0.05f).distance);
    }
}

} // namespace

LinePlan planLine(const anatomy::Body& body, anatomy::AtlasResolver& resolver, const anatomy::Atlas& atlas,
                  LineInstance instance) {
    const anatomy::FascialLine& line = atlas.lines.at(instance.line);
    LinePlan plan;
    LineGeometry& g = plan.line;
    g.id = lineInstanceId(line, instance.side);
    g.instance = instance;
    anatomy::ResolvedLine resolved = resolver.line(line, instance.side);
    auto& pending = plan.branches;
    auto& order = plan.order;
    pending.resize(1);
    for (size_t i = 0; i < resolved.elements.size(); ++i) {
        const anatomy::ResolvedLineElement& e = resolved.elements[i];
        const anatomy::LineElement& spec = line.elements.at(i);
        if (spec.branch && !pending.back().waypoints.empty())
            pending.emplace_back();
        LinePlan::Branch& p = pending.back();
        size_t branch = pending.size() - 1;
        if (e.station) {
            if (!e.ok)
                continue;
            order.push_back(static_cast<int>(g.stations.size()));
            p.target.push_back(static_cast<int>(g.stations.size()));
            g.stations.push_back({e.name, e.position, branch, 0.0f, 0.0f});
            p.waypoints.push_back(geometry::LineWaypoint::station(e.position));
            continue;
        }
        LineTrack t;
        t.name = e.name;
        t.structures = e.structures;
        t.drawn = !e.structures.empty();
        t.branch = branch;
        if (t.drawn) {
            std::vector<const geometry::Mesh*> meshes;
            for (uint32_t s : e.structures)
                meshes.push_back(&body.meshes[s]);
            p.target.push_back(-1 - static_cast<int>(g.tracks.size()));
            p.waypoints.push_back(geometry::LineWaypoint::track(std::move(meshes), routeOf(spec.route)));
        }
        order.push_back(-1 - static_cast<int>(g.tracks.size()));
        g.tracks.push_back(std::move(t));
    }
    if (pending.back().waypoints.empty() && pending.size() > 1)
        pending.pop_back();
    return plan;
}

LineGeometry buildPlannedLine(LinePlan plan) {
    LineGeometry g = std::move(plan.line);
    const auto& pending = plan.branches;
    const auto& order = plan.order;
    for (size_t b = 0; b < pending.size(); ++b) {
        LineBranch branch;
        branch.path = geometry::buildLinePath(pending[b].waypoints);
        branch.offset = g.length;
        g.length += branch.path.length;
        g.branches.push_back(std::move(branch));
        placeOnBranch(g, b, pending[b].target);
    }
    // A track with no mesh (drawn straight) spans from the record before it to the record after it on its branch.
    struct Span {
        size_t branch;
        float begin, end;
        bool placed; // a station, or a drawn track
    };
    auto spanOf = [&](int r) {
        if (r >= 0) {
            const LineStation& st = g.stations[static_cast<size_t>(r)];
            return Span{st.branch, st.arcLength, st.arcLength, true};
        }
        const LineTrack& t = g.tracks[static_cast<size_t>(-1 - r)];
        return Span{t.branch, t.begin, t.end, t.drawn};
    };
    for (size_t i = 0; i < order.size(); ++i) {
        if (spanOf(order[i]).placed)
            continue;
        LineTrack& t = g.tracks[static_cast<size_t>(-1 - order[i])];
        const LineBranch& b = g.branches[std::min(t.branch, g.branches.size() - 1)];
        t.begin = b.offset;
        t.end = b.offset + b.path.length;
        for (size_t j = i; j-- > 0;)
            if (Span sp = spanOf(order[j]); sp.placed && sp.branch == t.branch) {
                t.begin = sp.end;
                break;
            }
        for (size_t j = i + 1; j < order.size(); ++j)
            if (Span sp = spanOf(order[j]); sp.placed && sp.branch == t.branch) {
                t.end = sp.begin;
                break;
            }
        t.end = std::max(t.begin, t.end);
    }
    return g;
}

LineGeometry buildLineGeometry(const anatomy::Body& body, anatomy::AtlasResolver& resolver, const anatomy::Atlas& atlas,
                               LineInstance instance) {
    return buildPlannedLine(planLine(body, resolver, atlas, instance));
}

std::vector<OverlayMesh> lineOverlays(const LineGeometry& line, const LineStyle& style) {
    std::vector<OverlayMesh> out;
    geometry::TubeOptions to;
    to.radius = style.tubeRadius;
    to.sides = 12;
    OverlayMesh o; // every branch in one overlay; the flow runs on the line's arc length
    for (const LineBranch& b : line.branches) {
        geometry::TubeMesh tube = geometry::buildTube(b.path.points, to);
        if (tube.mesh.indices.empty())
            continue;
        for (float s : tube.arcLength)
            o.params.push_back(b.offset + s);
        o.mesh.append(tube.mesh);
    }
    if (!o.mesh.indices.empty()) {
        o.colors.assign(o.mesh.vertexCount(), glm::vec4(style.color, 1.0f));
        o.flowSpeed = style.flowSpeed;
        o.flowWavelength = style.flowWavelength;
        o.onTop = true; // the line runs inside its muscles: it must read through them
        out.push_back(std::move(o));
    }
    if (!line.stations.empty()) {
        OverlayMesh m;
        for (const LineStation& s : line.stations)
            m.mesh.append(sphere(s.position, style.markerRadius));
        glm::vec3 light = glm::mix(style.color, glm::vec3(1.0f), 0.55f);
        m.colors.assign(m.mesh.vertexCount(), glm::vec4(light, 1.0f));
        m.onTop = true;
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace myoatlas::scene
