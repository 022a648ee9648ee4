#pragma once
// Open polylines in 3D: length, arc-length resampling, centripetal Catmull-Rom smoothing, closest point.
// The paths of the Anatomy Trains lines and the muscle centrelines are polylines; tubes are built around them.
#include <cstddef>
#include <glm/vec3.hpp>
#include <span>
#include <vector>

namespace myoatlas::geometry {

// Total length (0 for fewer than two points).
[[nodiscard]] float polylineLength(std::span<const glm::vec3> points);

// Arc length at every point: result[0] = 0, result.back() = polylineLength(points).
[[nodiscard]] std::vector<float> cumulativeLengths(std::span<const glm::vec3> points);

// Drops points closer than minDistance to the last kept point (the last input point is always kept, replacing the
// last kept one when they are too close), so that no segment is degenerate.
[[nodiscard]] std::vector<glm::vec3> removeNearDuplicates(std::span<const glm::vec3> points, float minDistance = 1e-6f);

// The point at arc length s (clamped to [0, length]). cumulative may be passed to avoid recomputing it.
[[nodiscard]] glm::vec3 pointAtArcLength(std::span<const glm::vec3> points, float s,
                                         std::span<const float> cumulative = {});

// Evenly spaced samples along the polyline, keeping both endpoints: the segment count is
// max(1, round(length / spacing)), so the actual spacing is within a factor 1.5 of the request.
[[nodiscard]] std::vector<glm::vec3> resampleBySpacing(std::span<const glm::vec3> points, float spacing);

// count >= 2 evenly spaced samples along the polyline, first and last points included.
[[nodiscard]] std::vector<glm::vec3> resampleByCount(std::span<const glm::vec3> points, size_t count);

// Centripetal Catmull-Rom spline (alpha = 0.5: no cusps or self-intersections within a segment) through every
// control point, samplesPerSegment samples per span, ends extrapolated by mirroring. The result interpolates
// every control point (after near-duplicates are dropped). Fewer than 3 controls are returned unchanged.
[[nodiscard]] std::vector<glm::vec3> catmullRomCentripetal(std::span<const glm::vec3> controls, int samplesPerSegment,
                                                           float alpha = 0.5f);

// Laplacian smoothing of the interior points (ends fixed): `iterations` passes of p += weight * (mid - p).
[[nodiscard]] std::vector<glm::vec3> smoothPolyline(std::span<const glm::vec3> points, int iterations,
                                                    float weight = 0.5f);

struct PolylinePoint {
    glm::vec3 point{0.0f};
    size_t segment = 0; // the segment [segment, segment + 1] holding the point
    float t = 0.0f;     // parameter on that segment, 0..1
    float arcLength = 0.0f;
    float distance = 0.0f; // from the query point
};

// Closest point on the polyline to p. A single point polyline returns that point; an empty one a default result
// with distance infinity.
[[nodiscard]] PolylinePoint closestPointOnPolyline(std::span<const glm::vec3> points, const glm::vec3& p);

// Unit tangent at arc length s (the direction of the segment holding s); +Y for a degenerate polyline.
[[nodiscard]] glm::vec3 tangentAtArcLength(std::span<const glm::vec3> points, float s);

} // namespace myoatlas::geometry
