#include "geometry/line_path.h"

#include "geometry/bvh.h"
#include "geometry/muscle_axis.h"
#include "geometry/polyline.h"
#include "geometry/surface_route.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <memory>
#include <optional>

namespace myoatlas::geometry {
namespace {

// Cos of the turn at b for the path a -> b -> c (1: straight on, -1: full reversal).
float turnCos(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    glm::vec3 u = b - a, v = c - b;
    float lu = glm::length(u), lv = glm::length(v);
    if (lu < 1e-9f || lv < 1e-9f)
        return 1.0f;
    return glm::dot(u, v) / (lu * lv);
}

struct Piece {
    std::vector<glm::vec3> points; // stations: one point; tracks: the oriented, thinned centreline or surface route
    glm::vec3 anchor{0.0f};        // where neighbours aim when orienting: the station or the track's centroid
    LineWaypoint::Route route = LineWaypoint::Route::Auto; // tracks: the route taken
    std::unique_ptr<Bvh> bvh;                              // tracks: the muscle's triangles
};

// 0 inside the muscle's closed surface, else the distance to it.
float distanceOutside(const Bvh& bvh, const glm::vec3& p) {
    if (insideClosedSurface(bvh, p))
        return 0.0f;
    ClosestPoint q = bvh.closestPoint(p);
    return q.found ? q.distance : 0.0f;
}

// Smooths a track's control points while keeping them on or in the muscle: each pass moves every interior point
// halfway to its neighbours' midpoint, then pulls the points that ended up more than surfaceTolerance outside
// back onto the surface. Removes the zigzag of a surface route along mesh edges and the wobble of slice centroids
// jumping between the strands of a muscle group, without leaving the muscle. The ends stay put.
void relaxOnto(const Bvh& bvh, std::vector<glm::vec3>& pts, const LinePathOptions& options) {
    if (pts.size() < 3)
        return;
    auto pull = [&](glm::vec3& p) {
        if (insideClosedSurface(bvh, p))
            return;
        ClosestPoint q = bvh.closestPoint(p);
        if (q.found && q.distance > options.surfaceTolerance)
            p = q.point; // onto the surface: the final smoothing has the tolerance to spend
    };
    for (size_t i = 1; i + 1 < pts.size(); ++i)
        pull(pts[i]);
    std::vector<glm::vec3> next = pts;
    for (int it = 0; it < options.relaxIterations; ++it) {
        for (size_t i = 1; i + 1 < pts.size(); ++i)
            next[i] = pts[i] + 0.5f * (0.5f * (pts[i - 1] + pts[i + 1]) - pts[i]);
        pts.swap(next);
        for (size_t i = 1; i + 1 < pts.size(); ++i)
            pull(pts[i]);
    }
}

} // namespace

LinePath buildLinePath(std::span<const LineWaypoint> waypoints, const LinePathOptions& options) {
    LinePath path;
    const size_t n = waypoints.size();
    if (n == 0)
        return path;
    std::vector<Piece> pieces(n);
    CentrelineOptions copt;
    copt.sliceSpacing = options.centrelineSliceSpacing;
    for (size_t k = 0; k < n; ++k) {
        const LineWaypoint& w = waypoints[k];
        Piece& piece = pieces[k];
        if (w.kind == LineWaypoint::Kind::Station || w.meshes.empty()) {
            piece.points = {w.point};
            piece.anchor = w.point;
            continue;
        }
        std::span<const Mesh* const> meshes(w.meshes);
        MuscleCentreline c = muscleCentreline(meshes, copt);
        piece.anchor = c.axes.centroid;
        piece.points = c.points;
        piece.bvh = std::make_unique<Bvh>();
        piece.bvh->build(meshes);
        if (w.route != LineWaypoint::Route::Auto || c.points.size() < 3) {
            piece.route = c.points.size() < 2 ? LineWaypoint::Route::Surface : w.route;
            piece.route = piece.route == LineWaypoint::Route::Auto ? LineWaypoint::Route::Centreline : piece.route;
            continue;
        }
        // The centreline, unless too much of it lies outside the muscle (a sheet or dome around a hollow).
        size_t in = 0;
        for (size_t i = 1; i + 1 < c.points.size(); ++i)
            in += distanceOutside(*piece.bvh, c.points[i]) <= options.surfaceTolerance ? 1 : 0;
        bool inside = static_cast<float>(in) >= options.minCentrelineInside * static_cast<float>(c.points.size() - 2);
        piece.route = inside ? LineWaypoint::Route::Centreline : LineWaypoint::Route::Surface;
    }

    // In order: orient each centreline track (enter near the previous waypoint's exit, leave toward the next
    // waypoint's anchor); route each surface track from the previous exit toward the next anchor. Then relax the
    // track's points onto the muscle: smooth, and pull back what leaves it.
    for (size_t k = 0; k < n; ++k) {
        auto& pts = pieces[k].points;
        if (waypoints[k].kind != LineWaypoint::Kind::Track || waypoints[k].meshes.empty())
            continue;
        std::optional<glm::vec3> prev, next;
        if (k > 0)
            prev = pieces[k - 1].points.back();
        if (k + 1 < n)
            next = pieces[k + 1].anchor;
        auto cost = [&](const glm::vec3& first, const glm::vec3& last) {
            return (prev ? glm::distance(*prev, first) : 0.0f) + (next ? glm::distance(last, *next) : 0.0f);
        };
        if (pts.size() >= 2 && cost(pts.back(), pts.front()) < cost(pts.front(), pts.back()))
            std::reverse(pts.begin(), pts.end());
        if (pieces[k].route == LineWaypoint::Route::Surface) {
            // A first track starts at its centreline's far end from the next waypoint; a last one aims at its far tip.
            glm::vec3 from = prev.value_or(pts.empty() ? pieces[k].anchor : pts.front());
            glm::vec3 aim = next.value_or(pts.empty() ? pieces[k].anchor : pts.back());
            SurfaceRoute route = surfaceRoute(std::span<const Mesh* const>(waypoints[k].meshes), from, aim);
            if (!route.points.empty())
                pts = route.points;
        }
        if (pts.size() >= 2)
            pts = resampleBySpacing(pts, options.controlSpacing);
        if (pts.empty()) // a mesh with no area: the line passes through where it is
            pts = {pieces[k].anchor};
        relaxOnto(*pieces[k].bvh, pts, options);
    }

    // Assemble the control points, trimming track ends that would make the line double back at a join.
    std::vector<glm::vec3> controls;
    std::vector<std::pair<size_t, size_t>> ranges(n); // control index range [first, last] per waypoint
    const float minGap = 0.25f * options.controlSpacing;
    for (size_t k = 0; k < n; ++k) {
        std::vector<glm::vec3> pts = pieces[k].points;
        if (waypoints[k].kind == LineWaypoint::Kind::Track && pts.size() > 1) {
            size_t mid = pts.size() / 2;
            glm::vec3 keep = pts[mid];
            if (!controls.empty()) {
                const glm::vec3 before = controls.back();
                size_t drop = 0;
                while (pts.size() - drop >= 2 && (turnCos(before, pts[drop], pts[drop + 1]) < options.minJoinAngleCos ||
                                                  glm::distance(before, pts[drop]) < minGap))
                    ++drop;
                pts.erase(pts.begin(), pts.begin() + static_cast<std::ptrdiff_t>(drop));
            }
            if (k + 1 < n && !pts.empty()) {
                const glm::vec3 after = pieces[k + 1].points.front();
                while (pts.size() >= 2 && (turnCos(pts[pts.size() - 2], pts.back(), after) < options.minJoinAngleCos ||
                                           glm::distance(pts.back(), after) < minGap))
                    pts.pop_back();
            }
            if (pts.empty())
                pts = {keep};
        }
        if (waypoints[k].kind == LineWaypoint::Kind::Station && !controls.empty() &&
            glm::distance(controls.back(), pts.front()) < minGap && k > 0 &&
            waypoints[k - 1].kind == LineWaypoint::Kind::Track && ranges[k - 1].second > ranges[k - 1].first) {
            // A station right on a track's last point: the station wins, the centreline point goes.
            controls.pop_back();
            ranges[k - 1].second--;
        }
        ranges[k].first = controls.size();
        controls.insert(controls.end(), pts.begin(), pts.end());
        ranges[k].second = controls.size() - 1;
    }

    // Smooth through the controls, then resample evenly. The dense spline sample of control i is i * perSegment,
    // which gives every control's arc length. Near-duplicate controls (coincident stations) keep their index.
    float longest = 0.0f;
    for (size_t i = 1; i < controls.size(); ++i)
        longest = std::max(longest, glm::distance(controls[i - 1], controls[i]));
    int perSegment = std::clamp(static_cast<int>(std::ceil(2.0f * longest / options.sampleSpacing)), 4, 256);
    std::vector<glm::vec3> dense;
    std::vector<size_t> controlSample(controls.size(), 0);
    {
        std::vector<glm::vec3> distinct;
        for (size_t i = 0; i < controls.size(); ++i) {
            if (distinct.empty() || glm::distance(distinct.back(), controls[i]) > 1e-6f)
                distinct.push_back(controls[i]);
            controlSample[i] = (distinct.size() - 1) * static_cast<size_t>(perSegment);
        }
        dense = distinct.size() >= 3 ? catmullRomCentripetal(distinct, perSegment) : distinct;
        if (distinct.size() < 3)
            for (size_t i = 0; i < controls.size(); ++i)
                controlSample[i] = std::min(controlSample[i] / static_cast<size_t>(perSegment), dense.size() - 1);
    }
    std::vector<float> denseS = cumulativeLengths(dense);
    std::vector<glm::vec3> even = resampleBySpacing(dense, options.sampleSpacing);
    float evenLength = polylineLength(even);
    float toEven = denseS.back() > 0.0f ? evenLength / denseS.back() : 0.0f;
    auto controlArc = [&](size_t i) { return denseS[std::min(controlSample[i], dense.size() - 1)] * toEven; };

    // The slice centroids of real muscles wobble by a few millimetres from slice to slice, which the interpolating
    // spline turns into kinks. A Gaussian-like Laplacian smoothing of the even samples (stations and ends pinned)
    // removes wobbles shorter than a few centimetres.
    if (options.smoothing > 0.0f && even.size() > 2) {
        float h = evenLength / static_cast<float>(even.size() - 1);
        std::vector<uint8_t> pinned(even.size(), 0);
        pinned.front() = pinned.back() = 1;
        for (size_t k = 0; k < n; ++k)
            if (waypoints[k].kind == LineWaypoint::Kind::Station) {
                auto idx = static_cast<size_t>(std::lround(controlArc(ranges[k].first) / std::max(h, 1e-9f)));
                idx = std::min(idx, even.size() - 1);
                pinned[idx] = 1;
                even[idx] = waypoints[k].point;
            }
        int iterations = static_cast<int>(std::ceil(2.0f * options.smoothing * options.smoothing / (h * h)));
        std::vector<glm::vec3> next = even;
        for (int it = 0; it < std::min(iterations, 2000); ++it) {
            for (size_t i = 1; i + 1 < even.size(); ++i)
                next[i] = pinned[i] ? even[i] : even[i] + 0.5f * (0.5f * (even[i - 1] + even[i + 1]) - even[i]);
            even.swap(next);
        }
    }
    path.points = resampleBySpacing(even, options.sampleSpacing);
    path.arcLength = cumulativeLengths(path.points);
    path.length = path.arcLength.empty() ? 0.0f : path.arcLength.back();
    float toFinal = evenLength > 0.0f ? path.length / polylineLength(even) : 0.0f;

    // Closest point on the path to q among the samples within `window` of the expected arc length.
    auto closestNear = [&](const glm::vec3& q, float expected, float window) {
        auto lo = std::lower_bound(path.arcLength.begin(), path.arcLength.end(), expected - window);
        auto hi = std::upper_bound(path.arcLength.begin(), path.arcLength.end(), expected + window);
        size_t a = static_cast<size_t>(lo - path.arcLength.begin());
        size_t b = std::max(a + 1, static_cast<size_t>(hi - path.arcLength.begin()));
        a = a > 0 ? a - 1 : 0;
        b = std::min(b + 1, path.points.size());
        PolylinePoint c = closestPointOnPolyline(std::span<const glm::vec3>(path.points).subspan(a, b - a), q);
        c.arcLength += path.arcLength[a];
        return c;
    };
    const float window = 4.0f * options.smoothing + 4.0f * options.sampleSpacing + 0.01f;

    path.visits.resize(n);
    for (size_t k = 0; k < n; ++k) {
        WaypointVisit& v = path.visits[k];
        v.kind = waypoints[k].kind;
        v.distance = 0.0f;
        if (path.points.size() < 2) {
            v.distance = path.points.empty() ? 0.0f : glm::distance(path.points[0], controls[ranges[k].first]);
            continue;
        }
        PolylinePoint first = closestNear(controls[ranges[k].first], controlArc(ranges[k].first) * toFinal, window);
        PolylinePoint last = closestNear(controls[ranges[k].second], controlArc(ranges[k].second) * toFinal, window);
        v.begin = first.arcLength;
        v.end = std::max(first.arcLength, last.arcLength);
        v.arcLength = 0.5f * (v.begin + v.end);
        for (size_t i = ranges[k].first; i <= ranges[k].second; ++i)
            v.distance = std::max(v.distance, closestNear(controls[i], controlArc(i) * toFinal, window).distance);
        v.route = pieces[k].route;
        if (v.kind == LineWaypoint::Kind::Track)
            v.centreline.assign(controls.begin() + static_cast<std::ptrdiff_t>(ranges[k].first),
                                controls.begin() + static_cast<std::ptrdiff_t>(ranges[k].second) + 1);
    }
    return path;
}

} // namespace myoatlas::geometry
