#include "geometry/muscle_axis.h"

#include "geometry/bvh.h"
#include "geometry/polyline.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <limits>
#include <optional>

namespace myoatlas::geometry {
namespace {

struct Sample {
    glm::vec3 p;
    float w;
};

PrincipalAxes fromMoments(const Eigen::Matrix3d& covariance, const glm::vec3& centroid) {
    Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> solver(covariance);
    PrincipalAxes pa;
    pa.centroid = centroid;
    // Eigen sorts ascending; the long axis is the last.
    for (int k = 0; k < 3; ++k) {
        Eigen::Vector3d v = solver.eigenvectors().col(2 - k);
        pa.axes[k] =
            glm::normalize(glm::vec3(static_cast<float>(v.x()), static_cast<float>(v.y()), static_cast<float>(v.z())));
        pa.variances[k] = static_cast<float>(std::max(0.0, solver.eigenvalues()[2 - k]));
    }
    pa.axes[2] = glm::normalize(glm::cross(pa.axes[0], pa.axes[1]));
    return pa;
}

void computeExtents(PrincipalAxes& pa, std::span<const Mesh* const> meshes) {
    pa.extentMin = glm::vec3(std::numeric_limits<float>::infinity());
    pa.extentMax = -pa.extentMin;
    for (const Mesh* m : meshes)
        for (const glm::vec3& v : m->positions)
            for (int k = 0; k < 3; ++k) {
                float d = glm::dot(v - pa.centroid, pa.axes[k]);
                pa.extentMin[k] = std::min(pa.extentMin[k], d);
                pa.extentMax[k] = std::max(pa.extentMax[k], d);
            }
    if (!(pa.extentMin.x <= pa.extentMax.x))
        pa.extentMin = pa.extentMax = glm::vec3(0.0f);
}

std::vector<Sample> surfaceSamples(std::span<const Mesh* const> meshes) {
    std::vector<Sample> samples;
    for (const Mesh* m : meshes)
        for (size_t t = 0; t < m->triangleCount(); ++t) {
            const glm::vec3& a = m->positions[m->indices[t * 3]];
            const glm::vec3& b = m->positions[m->indices[t * 3 + 1]];
            const glm::vec3& c = m->positions[m->indices[t * 3 + 2]];
            float area = 0.5f * glm::length(glm::cross(b - a, c - a));
            if (area > 0.0f)
                samples.push_back({(a + b + c) / 3.0f, area});
        }
    return samples;
}

// Weighted centroids of the samples binned by parameter u; empty bins are skipped.
std::vector<glm::vec3> binCentroids(const std::vector<Sample>& samples, const std::vector<float>& u, int bins) {
    auto [lo, hi] = std::minmax_element(u.begin(), u.end());
    float base = *lo, span = std::max(*hi - *lo, 1e-9f);
    std::vector<glm::dvec3> sum(static_cast<size_t>(bins), glm::dvec3(0.0));
    std::vector<double> weight(static_cast<size_t>(bins), 0.0);
    for (size_t i = 0; i < samples.size(); ++i) {
        auto b = static_cast<size_t>(
            std::clamp(static_cast<int>((u[i] - base) / span * static_cast<float>(bins)), 0, bins - 1));
        sum[b] += glm::dvec3(samples[i].p) * static_cast<double>(samples[i].w);
        weight[b] += samples[i].w;
    }
    std::vector<glm::vec3> out;
    for (size_t b = 0; b < sum.size(); ++b)
        if (weight[b] > 0.0)
            out.push_back(glm::vec3(sum[b] / weight[b]));
    return out;
}

// The tip beyond `end` in the direction away from `inner`: the centroid of the samples that reach furthest along
// that direction, `fraction` of the total weight. Follows the end of a curved muscle, where a global parameter
// would not. Returns nothing when no sample lies beyond `end`.
std::optional<glm::vec3> tipBeyond(const std::vector<Sample>& samples, const glm::vec3& end, const glm::vec3& inner,
                                   float fraction, double total) {
    glm::vec3 d = end - inner;
    float len = glm::length(d);
    if (len <= 0.0f)
        return std::nullopt;
    d /= len;
    std::vector<std::pair<float, size_t>> beyond;
    for (size_t i = 0; i < samples.size(); ++i) {
        float h = glm::dot(samples[i].p - end, d);
        if (h > 0.0f)
            beyond.emplace_back(h, i);
    }
    if (beyond.empty())
        return std::nullopt;
    std::sort(beyond.begin(), beyond.end(), std::greater<>());
    glm::dvec3 acc(0.0);
    double w = 0.0;
    for (const auto& [h, i] : beyond) {
        acc += glm::dvec3(samples[i].p) * static_cast<double>(samples[i].w);
        w += samples[i].w;
        if (w >= fraction * total)
            break;
    }
    return glm::vec3(acc / w);
}

} // namespace

PrincipalAxes principalAxes(std::span<const glm::vec3> points) {
    PrincipalAxes pa;
    if (points.empty())
        return pa;
    glm::dvec3 mean(0.0);
    for (const glm::vec3& p : points)
        mean += glm::dvec3(p);
    mean /= static_cast<double>(points.size());
    Eigen::Matrix3d cov = Eigen::Matrix3d::Zero();
    for (const glm::vec3& p : points) {
        Eigen::Vector3d d(p.x - mean.x, p.y - mean.y, p.z - mean.z);
        cov += d * d.transpose();
    }
    cov /= static_cast<double>(points.size());
    pa = fromMoments(cov, glm::vec3(mean));
    Mesh cloud;
    cloud.positions.assign(points.begin(), points.end());
    const Mesh* one = &cloud;
    computeExtents(pa, std::span<const Mesh* const>(&one, 1));
    return pa;
}

PrincipalAxes principalAxes(std::span<const Mesh* const> meshes) {
    // Second moments of a triangle about the origin: A/12 (a a^T + b b^T + c c^T + s s^T), s = a + b + c.
    // Accumulated relative to a reference point to keep doubles well conditioned.
    glm::dvec3 ref(0.0);
    size_t nv = 0;
    for (const Mesh* m : meshes)
        for (const glm::vec3& v : m->positions) {
            ref += glm::dvec3(v);
            ++nv;
        }
    PrincipalAxes pa;
    if (nv == 0)
        return pa;
    ref /= static_cast<double>(nv);
    double area = 0.0;
    Eigen::Vector3d first = Eigen::Vector3d::Zero();
    Eigen::Matrix3d second = Eigen::Matrix3d::Zero();
    for (const Mesh* m : meshes)
        for (size_t t = 0; t < m->triangleCount(); ++t) {
            auto vec = [&](uint32_t i) {
                glm::dvec3 d = glm::dvec3(m->positions[i]) - ref;
                return Eigen::Vector3d(d.x, d.y, d.z);
            };
            Eigen::Vector3d a = vec(m->indices[t * 3]), b = vec(m->indices[t * 3 + 1]), c = vec(m->indices[t * 3 + 2]);
            double A = 0.5 * (b - a).cross(c - a).norm();
            Eigen::Vector3d s = a + b + c;
            area += A;
            first += A * s / 3.0;
            second += A / 12.0 * (a * a.transpose() + b * b.transpose() + c * c.transpose() + s * s.transpose());
        }
    if (area <= 0.0)
        return principalAxes(meshes.empty() ? std::span<const glm::vec3>() : meshes[0]->positions);
    Eigen::Vector3d mean = first / area;
    Eigen::Matrix3d cov = second / area - mean * mean.transpose();
    glm::vec3 centroid(glm::dvec3(mean.x(), mean.y(), mean.z()) + ref);
    pa = fromMoments(cov, centroid);
    computeExtents(pa, meshes);
    return pa;
}

MuscleCentreline muscleCentreline(const Mesh& mesh, const CentrelineOptions& options) {
    const Mesh* one = &mesh;
    return muscleCentreline(std::span<const Mesh* const>(&one, 1), options);
}

MuscleCentreline muscleCentreline(std::span<const Mesh* const> meshes, const CentrelineOptions& options) {
    MuscleCentreline c;
    c.axes = principalAxes(meshes);
    std::vector<Sample> samples = surfaceSamples(meshes);
    if (samples.empty())
        return c;
    int bins =
        options.slices > 0
            ? options.slices
            : std::clamp(static_cast<int>(std::round(c.axes.length() / std::max(options.sliceSpacing, 1e-4f))), 4, 64);
    std::vector<float> u(samples.size());
    for (size_t i = 0; i < samples.size(); ++i)
        u[i] = glm::dot(samples[i].p - c.axes.centroid, c.axes.axes[0]);
    std::vector<glm::vec3> line = binCentroids(samples, u, bins);
    for (int it = 0; it < options.refineIterations && line.size() >= 3; ++it) {
        // Principal-curve pass: each sample's parameter becomes the arc length of its closest centreline point.
        for (size_t i = 0; i < samples.size(); ++i)
            u[i] = closestPointOnPolyline(line, samples[i].p).arcLength;
        line = binCentroids(samples, u, bins);
    }
    if (line.size() >= 2) {
        constexpr float kTip = 0.03f;
        double total = 0.0;
        for (const Sample& s : samples)
            total += s.w;
        auto first = tipBeyond(samples, line[0], line[1], kTip, total);
        auto last = tipBeyond(samples, line.back(), line[line.size() - 2], kTip, total);
        if (first)
            line.insert(line.begin(), *first);
        if (last)
            line.push_back(*last);
    }
    line = smoothPolyline(line, options.smoothIterations, 0.5f);
    c.points = removeNearDuplicates(line, 1e-5f);
    c.length = polylineLength(c.points);
    if (options.startNear)
        orderFrom(c, *options.startNear);
    return c;
}

void orderFrom(MuscleCentreline& centreline, const glm::vec3& start) {
    auto& p = centreline.points;
    if (p.size() >= 2 && glm::distance(p.back(), start) < glm::distance(p.front(), start))
        std::reverse(p.begin(), p.end());
}

glm::vec3 fibreDirectionAt(const MuscleCentreline& centreline, const glm::vec3& p) {
    const auto& pts = centreline.points;
    if (pts.size() < 2)
        return centreline.axes.axes[0];
    PolylinePoint q = closestPointOnPolyline(pts, p);
    // Blend the tangents of neighbouring segments so the field is continuous across centreline vertices.
    glm::vec3 here = pts[q.segment + 1] - pts[q.segment];
    glm::vec3 other = here;
    if (q.t < 0.5f && q.segment > 0)
        other = pts[q.segment] - pts[q.segment - 1];
    else if (q.t >= 0.5f && q.segment + 2 < pts.size())
        other = pts[q.segment + 2] - pts[q.segment + 1];
    float w = 0.5f - std::abs(q.t - 0.5f); // 0.5 at a vertex, 0 mid-segment
    glm::vec3 d = glm::normalize(here) * (1.0f - w) + glm::normalize(other) * w;
    float len = glm::length(d);
    return len > 1e-6f ? d / len : glm::normalize(here);
}

std::vector<glm::vec3> surfaceFibreDirections(const Mesh& mesh, const MuscleCentreline& centreline) {
    std::vector<glm::vec3> out(mesh.positions.size());
    for (size_t i = 0; i < mesh.positions.size(); ++i) {
        glm::vec3 t = fibreDirectionAt(centreline, mesh.positions[i]);
        if (i < mesh.normals.size()) {
            glm::vec3 n = mesh.normals[i];
            glm::vec3 proj = t - glm::dot(t, n) * n;
            float len = glm::length(proj);
            if (len > 1e-3f)
                t = proj / len;
        }
        out[i] = t;
    }
    return out;
}

bool insideClosedSurface(const Bvh& bvh, const glm::vec3& p, std::span<const uint8_t> meshMask) {
    static constexpr glm::vec3 kDirs[3] = {
        {0.5773f, 0.5774f, 0.5774f}, {-0.6123f, 0.3536f, -0.7071f}, {0.2673f, -0.8018f, 0.5345f}};
    int inside = 0;
    for (const glm::vec3& dir : kDirs) {
        Ray ray{p, dir};
        int crossings = 0;
        for (int guard = 0; guard < 256; ++guard) {
            RayHit h = bvh.intersect(ray, std::numeric_limits<float>::infinity(), meshMask);
            if (!h.hit)
                break;
            ++crossings;
            ray.origin = h.point + dir * 1e-6f;
        }
        inside += crossings % 2;
    }
    return inside >= 2;
}

} // namespace myoatlas::geometry
