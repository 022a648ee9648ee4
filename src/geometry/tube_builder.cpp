#include "geometry/tube_builder.h"

#include "geometry/polyline.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <numbers>

namespace myoatlas::geometry {
namespace {

glm::vec3 leastAlignedAxis(const glm::vec3& t) {
    glm::vec3 a = glm::abs(t);
    if (a.x <= a.y && a.x <= a.z)
        return {1.0f, 0.0f, 0.0f};
    if (a.y <= a.z)
        return {0.0f, 1.0f, 0.0f};
    return {0.0f, 0.0f, 1.0f};
}

glm::vec3 orthonormalTo(const glm::vec3& t, const glm::vec3& v) {
    glm::vec3 n = v - glm::dot(v, t) * t;
    float len = glm::length(n);
    return len > 1e-6f ? n / len : glm::vec3(0.0f);
}

// Tangent at each point: the normalised sum of the unit directions of the adjacent segments.
std::vector<glm::vec3> pointTangents(std::span<const glm::vec3> path) {
    size_t n = path.size();
    std::vector<glm::vec3> seg(n - 1);
    for (size_t i = 0; i + 1 < n; ++i)
        seg[i] = glm::normalize(path[i + 1] - path[i]);
    std::vector<glm::vec3> t(n);
    t[0] = seg[0];
    t[n - 1] = seg[n - 2];
    for (size_t i = 1; i + 1 < n; ++i) {
        glm::vec3 s = seg[i - 1] + seg[i];
        float len = glm::length(s);
        t[i] = len > 1e-6f ? s / len : seg[i]; // a full reversal: take the outgoing direction
    }
    return t;
}

} // namespace

std::vector<TubeFrame> parallelTransportFrames(std::span<const glm::vec3> path, const glm::vec3& initialNormal) {
    std::vector<TubeFrame> frames;
    if (path.size() < 2)
        return frames;
    std::vector<glm::vec3> t = pointTangents(path);
    frames.resize(path.size());
    glm::vec3 r = orthonormalTo(t[0], initialNormal);
    if (r == glm::vec3(0.0f))
        r = orthonormalTo(t[0], leastAlignedAxis(t[0]));
    frames[0] = {t[0], r, glm::cross(t[0], r)};
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        // Double reflection: reflect across the bisector plane of the chord, then across the plane that maps the
        // reflected tangent onto the next tangent.
        glm::vec3 v1 = path[i + 1] - path[i];
        float c1 = glm::dot(v1, v1);
        glm::vec3 rL = r, tL = t[i];
        if (c1 > 0.0f) {
            rL = r - (2.0f / c1) * glm::dot(v1, r) * v1;
            tL = t[i] - (2.0f / c1) * glm::dot(v1, t[i]) * v1;
        }
        glm::vec3 v2 = t[i + 1] - tL;
        float c2 = glm::dot(v2, v2);
        glm::vec3 next = c2 > 1e-12f ? rL - (2.0f / c2) * glm::dot(v2, rL) * v2 : rL;
        // Re-orthonormalise against drift over long paths.
        glm::vec3 fixed = orthonormalTo(t[i + 1], next);
        r = fixed == glm::vec3(0.0f) ? orthonormalTo(t[i + 1], leastAlignedAxis(t[i + 1])) : fixed;
        frames[i + 1] = {t[i + 1], r, glm::cross(t[i + 1], r)};
    }
    return frames;
}

TubeMesh buildTube(std::span<const glm::vec3> inputPath, const TubeOptions& options) {
    TubeMesh tube;
    bool perPointRadius = options.radii.size() == inputPath.size();
    // Near-duplicate removal must carry the per-point radii along, so it is done here by index.
    std::vector<glm::vec3> path;
    std::vector<float> radius;
    for (size_t i = 0; i < inputPath.size(); ++i) {
        float r = perPointRadius ? options.radii[i] : options.radius;
        if (path.empty() || glm::distance(path.back(), inputPath[i]) > 1e-7f) {
            path.push_back(inputPath[i]);
            radius.push_back(r);
        }
    }
    if (path.size() < 2)
        return tube;
    const int sides = std::max(3, options.sides);
    const auto ns = static_cast<uint32_t>(sides);
    tube.frames = parallelTransportFrames(path);
    std::vector<float> s = cumulativeLengths(path);
    tube.length = s.back();

    const size_t rings = path.size();
    size_t capVerts = (options.capStart ? ns + 1 : 0) + (options.capEnd ? ns + 1 : 0);
    size_t vertexCount = rings * ns + capVerts;
    Mesh& m = tube.mesh;
    m.positions.reserve(vertexCount);
    m.normals.reserve(vertexCount);
    tube.arcLength.reserve(vertexCount);
    tube.around.reserve(vertexCount);
    std::vector<float> cosA(ns), sinA(ns);
    for (uint32_t j = 0; j < ns; ++j) {
        float a = 2.0f * std::numbers::pi_v<float> * static_cast<float>(j) / static_cast<float>(ns);
        cosA[j] = std::cos(a);
        sinA[j] = std::sin(a);
    }
    for (size_t i = 0; i < rings; ++i) {
        const TubeFrame& f = tube.frames[i];
        for (uint32_t j = 0; j < ns; ++j) {
            glm::vec3 d = cosA[j] * f.normal + sinA[j] * f.binormal;
            m.positions.push_back(path[i] + radius[i] * d);
            m.normals.push_back(d);
            tube.arcLength.push_back(s[i]);
            tube.around.push_back(static_cast<float>(j) / static_cast<float>(ns));
        }
    }
    m.indices.reserve(6 * ns * (rings - 1) + 3 * ns * 2);
    for (uint32_t i = 0; i + 1 < rings; ++i) {
        for (uint32_t j = 0; j < ns; ++j) {
            uint32_t a = i * ns + j, b = i * ns + (j + 1) % ns;
            uint32_t c = a + ns, d = b + ns;
            // (a, b, c): cross(b - a, c - a) points along the ring's outward direction for a right-handed frame.
            m.indices.insert(m.indices.end(), {a, b, c, b, d, c});
        }
    }
    auto addCap = [&](size_t ring, bool atEnd) {
        const TubeFrame& f = tube.frames[ring];
        glm::vec3 n = atEnd ? f.tangent : -f.tangent;
        auto centre = static_cast<uint32_t>(m.positions.size());
        m.positions.push_back(path[ring]);
        m.normals.push_back(n);
        tube.arcLength.push_back(s[ring]);
        tube.around.push_back(0.0f);
        for (uint32_t j = 0; j < ns; ++j) {
            m.positions.push_back(m.positions[ring * ns + j]);
            m.normals.push_back(n);
            tube.arcLength.push_back(s[ring]);
            tube.around.push_back(0.0f);
        }
        for (uint32_t j = 0; j < ns; ++j) {
            uint32_t a = centre + 1 + j, b = centre + 1 + (j + 1) % ns;
            // The ring runs counter-clockwise about +tangent: the end cap keeps that order, the start cap reverses.
            if (atEnd)
                m.indices.insert(m.indices.end(), {centre, a, b});
            else
                m.indices.insert(m.indices.end(), {centre, b, a});
        }
    };
    if (options.capStart)
        addCap(0, false);
    if (options.capEnd)
        addCap(rings - 1, true);
    tube.path = std::move(path);
    return tube;
}

} // namespace myoatlas::geometry
