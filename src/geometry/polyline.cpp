#include "geometry/polyline.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <limits>

namespace myoatlas::geometry {

float polylineLength(std::span<const glm::vec3> points) {
    float length = 0.0f;
    for (size_t i = 1; i < points.size(); ++i)
        length += glm::distance(points[i - 1], points[i]);
    return length;
}

std::vector<float> cumulativeLengths(std::span<const glm::vec3> points) {
    std::vector<float> s(points.size(), 0.0f);
    for (size_t i = 1; i < points.size(); ++i)
        s[i] = s[i - 1] + glm::distance(points[i - 1], points[i]);
    return s;
}

std::vector<glm::vec3> removeNearDuplicates(std::span<const glm::vec3> points, float minDistance) {
    std::vector<glm::vec3> out;
    out.reserve(points.size());
    for (const glm::vec3& p : points)
        if (out.empty() || glm::distance(out.back(), p) >= minDistance)
            out.push_back(p);
    if (!points.empty() && out.back() != points.back()) {
        if (out.size() > 1)
            out.back() = points.back();
        else
            out.push_back(points.back());
    }
    return out;
}

glm::vec3 pointAtArcLength(std::span<const glm::vec3> points, float s, std::span<const float> cumulative) {
    if (points.empty())
        return glm::vec3(0.0f);
    if (points.size() == 1)
        return points[0];
    std::vector<float> own;
    if (cumulative.size() != points.size()) {
        own = cumulativeLengths(points);
        cumulative = own;
    }
    s = std::clamp(s, 0.0f, cumulative.back());
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), s);
    size_t i = std::clamp<size_t>(static_cast<size_t>(it - cumulative.begin()), 1, points.size() - 1);
    float len = cumulative[i] - cumulative[i - 1];
    float t = len > 0.0f ? (s - cumulative[i - 1]) / len : 0.0f;
    return glm::mix(points[i - 1], points[i], std::clamp(t, 0.0f, 1.0f));
}

std::vector<glm::vec3> resampleByCount(std::span<const glm::vec3> points, size_t count) {
    if (points.size() < 2 || count < 2)
        return {points.begin(), points.end()};
    std::vector<float> cumulative = cumulativeLengths(points);
    float length = cumulative.back();
    std::vector<glm::vec3> out;
    out.reserve(count);
    size_t seg = 1;
    for (size_t k = 0; k < count; ++k) {
        float s = length * static_cast<float>(k) / static_cast<float>(count - 1);
        while (seg + 1 < points.size() && cumulative[seg] < s)
            ++seg;
        float len = cumulative[seg] - cumulative[seg - 1];
        float t = len > 0.0f ? std::clamp((s - cumulative[seg - 1]) / len, 0.0f, 1.0f) : 0.0f;
        out.push_back(glm::mix(points[seg - 1], points[seg], t));
    }
    out.front() = points.front();
    out.back() = points.back();
    return out;
}

std::vector<glm::vec3> resampleBySpacing(std::span<const glm::vec3> points, float spacing) {
    if (points.size() < 2 || !(spacing > 0.0f))
        return {points.begin(), points.end()};
    float length = polylineLength(points);
    auto segments = static_cast<size_t>(std::max(1.0f, std::round(length / spacing)));
    return resampleByCount(points, segments + 1);
}

std::vector<glm::vec3> catmullRomCentripetal(std::span<const glm::vec3> input, int samplesPerSegment, float alpha) {
    std::vector<glm::vec3> c = removeNearDuplicates(input, 1e-6f);
    if (c.size() < 3 || samplesPerSegment < 1)
        return c;
    // Phantom end points mirror the neighbours so the spline starts and ends along the first and last chords.
    std::vector<glm::vec3> p;
    p.reserve(c.size() + 2);
    p.push_back(2.0f * c[0] - c[1]);
    p.insert(p.end(), c.begin(), c.end());
    p.push_back(2.0f * c.back() - c[c.size() - 2]);

    auto knot = [alpha](const glm::vec3& a, const glm::vec3& b) {
        return std::pow(std::max(glm::distance(a, b), 1e-9f), alpha);
    };
    std::vector<glm::vec3> out;
    out.reserve((c.size() - 1) * static_cast<size_t>(samplesPerSegment) + 1);
    for (size_t i = 1; i + 2 < p.size(); ++i) {
        const glm::vec3 &p0 = p[i - 1], &p1 = p[i], &p2 = p[i + 1], &p3 = p[i + 2];
        float t0 = 0.0f;
        float t1 = t0 + knot(p0, p1);
        float t2 = t1 + knot(p1, p2);
        float t3 = t2 + knot(p2, p3);
        for (int k = 0; k < samplesPerSegment; ++k) {
            float t = t1 + (t2 - t1) * static_cast<float>(k) / static_cast<float>(samplesPerSegment);
            // Barry and Goldman's pyramidal formulation.
            glm::vec3 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
            glm::vec3 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
            glm::vec3 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
            glm::vec3 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
            glm::vec3 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
            out.push_back((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2);
        }
    }
    out.push_back(c.back());
    return out;
}

std::vector<glm::vec3> smoothPolyline(std::span<const glm::vec3> points, int iterations, float weight) {
    std::vector<glm::vec3> cur(points.begin(), points.end()), next;
    if (cur.size() < 3)
        return cur;
    for (int it = 0; it < iterations; ++it) {
        next = cur;
        for (size_t i = 1; i + 1 < cur.size(); ++i)
            next[i] = cur[i] + weight * (0.5f * (cur[i - 1] + cur[i + 1]) - cur[i]);
        cur.swap(next);
    }
    return cur;
}

PolylinePoint closestPointOnPolyline(std::span<const glm::vec3> points, const glm::vec3& p) {
    PolylinePoint best;
    best.distance = std::numeric_limits<float>::infinity();
    if (points.empty())
        return best;
    if (points.size() == 1) {
        best.point = points[0];
        best.distance = glm::distance(points[0], p);
        return best;
    }
    float bestD2 = std::numeric_limits<float>::infinity();
    float s = 0.0f;
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        glm::vec3 d = points[i + 1] - points[i];
        float len2 = glm::dot(d, d);
        float t = len2 > 0.0f ? std::clamp(glm::dot(p - points[i], d) / len2, 0.0f, 1.0f) : 0.0f;
        glm::vec3 q = points[i] + t * d;
        glm::vec3 e = q - p;
        float d2 = glm::dot(e, e);
        float len = std::sqrt(len2);
        if (d2 < bestD2) {
            bestD2 = d2;
            best.point = q;
            best.segment = i;
            best.t = t;
            best.arcLength = s + t * len;
        }
        s += len;
    }
    best.distance = std::sqrt(bestD2);
    return best;
}

glm::vec3 tangentAtArcLength(std::span<const glm::vec3> points, float s) {
    float acc = 0.0f;
    glm::vec3 last(0.0f, 1.0f, 0.0f);
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        glm::vec3 d = points[i + 1] - points[i];
        float len = glm::length(d);
        if (len <= 0.0f)
            continue;
        last = d / len;
        acc += len;
        if (acc >= s)
            return last;
    }
    return last;
}

} // namespace myoatlas::geometry
