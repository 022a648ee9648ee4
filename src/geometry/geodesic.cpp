#include "geometry/geodesic.h"

#include "core/error.h"
#include "geometry/bvh.h"
#include "geometry/intrinsic_delaunay.h"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <algorithm>
#include <array>
#include <cmath>
#include <glm/geometric.hpp>
#include <limits>
#include <stdexcept>
#include <string>

namespace myoatlas::geometry {

namespace {

using SpMat = Eigen::SparseMatrix<double>;
using Solver = Eigen::SimplicialLDLT<SpMat>;

struct Vec2 {
    double x = 0.0, y = 0.0;
};

// Per welded triangle: its area and the gradients of the three hat functions, in the triangle's own 2D frame.
// Only the intrinsic (mollified) edge lengths enter, so a sliver or a non-manifold fan costs nothing special.
struct TriangleOperator {
    std::array<uint32_t, 3> v{};
    std::array<Vec2, 3> grad{};
    double area = 0.0;
};

// Area from three edge lengths, Kahan's numerically stable Heron formula.
double heronArea(double a, double b, double c) {
    if (a < b)
        std::swap(a, b);
    if (b < c)
        std::swap(b, c);
    if (a < b)
        std::swap(a, b);
    double q = (a + (b + c)) * (c - (a - b)) * (c + (a - b)) * (a + (b - c));
    return 0.25 * std::sqrt(std::max(q, 0.0));
}

glm::vec3 barycentricOf(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    glm::vec3 v0 = b - a, v1 = c - a, v2 = p - a;
    float d00 = glm::dot(v0, v0), d01 = glm::dot(v0, v1), d11 = glm::dot(v1, v1);
    float d20 = glm::dot(v2, v0), d21 = glm::dot(v2, v1);
    float denom = d00 * d11 - d01 * d01;
    if (!(std::abs(denom) > 0.0f)) { // degenerate triangle: snap to the nearest corner
        float da = glm::dot(p - a, p - a), db = glm::dot(p - b, p - b), dc = glm::dot(p - c, p - c);
        if (da <= db && da <= dc)
            return {1, 0, 0};
        return db <= dc ? glm::vec3(0, 1, 0) : glm::vec3(0, 0, 1);
    }
    float v = (d11 * d20 - d01 * d21) / denom;
    float w = (d00 * d21 - d01 * d20) / denom;
    glm::vec3 bc(1.0f - v - w, v, w);
    bc = glm::clamp(bc, glm::vec3(0.0f), glm::vec3(1.0f));
    float s = bc.x + bc.y + bc.z;
    return s > 0.0f ? bc / s : glm::vec3(1, 0, 0);
}

} // namespace

struct GeodesicSolver::Impl {
    std::vector<glm::vec3> positions; // original
    std::vector<uint32_t> indices;    // original
    WeldedMesh welded;
    TopologyReport topology;
    Components components;        // of welded vertices
    std::vector<uint32_t> pinned; // one welded vertex per component
    std::vector<TriangleOperator> triangles;
    std::vector<uint32_t> keptTriangles; // original ids of the triangles the operators use (the BVH's order)
    std::vector<float> vertexAreas;      // per original vertex
    double totalArea = 0.0;
    double meanEdge = 0.0;
    double t = 0.0;
    size_t flips = 0;
    Solver heat;    // M + t K   (K = cotangent stiffness, positive semidefinite)
    Solver poisson; // K with one vertex per component pinned to 0
    Bvh bvh;

    void build(const Mesh& mesh, const GeodesicOptions& options);
    std::vector<std::vector<float>> solve(std::span<const std::vector<uint32_t>> sourceSets) const;
};

void GeodesicSolver::Impl::build(const Mesh& mesh, const GeodesicOptions& options) {
    positions = mesh.positions;
    indices = mesh.indices;
    if (indices.size() < 3)
        throw core::Error("geodesic solver: the mesh has no triangles");
    for (uint32_t i : indices)
        if (i >= positions.size())
            throw core::Error("geodesic solver: triangle index " + std::to_string(i) + " out of range");
    // Only the outer wall of a double-walled shell takes part (see outerShellTriangles).
    std::vector<uint8_t> keep = options.outerShellOnly ? outerShellTriangles(mesh, options.shellWall)
                                                       : std::vector<uint8_t>(mesh.triangleCount(), 1);
    std::vector<uint32_t> keptIndices;
    keptIndices.reserve(indices.size());
    for (size_t f = 0; f < mesh.triangleCount(); ++f)
        if (keep[f]) {
            keptIndices.insert(keptIndices.end(), &indices[f * 3], &indices[f * 3] + 3);
            keptTriangles.push_back(static_cast<uint32_t>(f));
        }
    if (keptTriangles.empty())
        throw core::Error("geodesic solver: no triangle left on the outer surface");
    welded = weldByPosition(positions, keptIndices, options.weldTolerance);
    topology = analyzeTopology(welded.positions, welded.indices);
    components = connectedComponents(welded.vertexCount(), welded.indices);
    const size_t n = welded.vertexCount();
    const size_t nt = welded.triangleCount();
    if (nt == 0)
        throw core::Error("geodesic solver: every triangle of the mesh is degenerate");

    // Intrinsic edge lengths (l[k] is opposite corner k), then one global mollification shift.
    std::vector<std::array<double, 3>> lengths(nt);
    double sum = 0.0;
    for (size_t f = 0; f < nt; ++f) {
        const uint32_t* tri = &welded.indices[f * 3];
        for (int k = 0; k < 3; ++k) {
            glm::dvec3 a(welded.positions[tri[(k + 1) % 3]]), b(welded.positions[tri[(k + 2) % 3]]);
            lengths[f][k] = glm::length(a - b);
            sum += lengths[f][k];
        }
    }
    meanEdge = sum / static_cast<double>(3 * nt);
    const double eps = options.mollifyRelative * meanEdge;
    double delta = 0.0;
    for (const auto& l : lengths)
        for (int k = 0; k < 3; ++k)
            delta = std::max(delta, eps - (l[(k + 1) % 3] + l[(k + 2) % 3] - l[k]));
    t = options.timeScale * meanEdge * meanEdge;

    // Mollify, then flip to an intrinsic Delaunay triangulation so that no cotangent weight is negative.
    for (auto& l : lengths)
        for (double& x : l)
            x += delta;
    IntrinsicTriangulation intrinsic;
    if (options.intrinsicDelaunay) {
        intrinsic = intrinsicDelaunay(welded.indices, lengths);
    } else {
        intrinsic.faces.resize(nt);
        for (size_t f = 0; f < nt; ++f)
            intrinsic.faces[f] = {welded.indices[f * 3], welded.indices[f * 3 + 1], welded.indices[f * 3 + 2]};
        intrinsic.lengths = lengths;
    }
    flips = intrinsic.flips;

    triangles.resize(nt);
    std::vector<double> mass(n, 0.0);
    std::vector<Eigen::Triplet<double>> stiffness;
    stiffness.reserve(nt * 9);
    for (size_t f = 0; f < nt; ++f) {
        TriangleOperator& op = triangles[f];
        op.v = intrinsic.faces[f];
        double l0 = intrinsic.lengths[f][0], l1 = intrinsic.lengths[f][1], l2 = intrinsic.lengths[f][2];
        double area = heronArea(l0, l1, l2);
        if (!(area > 0.0))
            area = 1e-30; // cannot happen after mollification unless delta is 0 and the triangle is exactly flat
        // Layout: corner 0 at the origin, corner 1 on +x, corner 2 above the x axis (counter-clockwise).
        Vec2 p[3];
        p[1] = {l2, 0.0};
        double x2 = (l1 * l1 + l2 * l2 - l0 * l0) / (2.0 * l2);
        p[2] = {x2, 2.0 * area / l2};
        for (int i = 0; i < 3; ++i) {
            const Vec2& pj = p[(i + 1) % 3];
            const Vec2& pk = p[(i + 2) % 3];
            // grad of hat i = rot90(pk - pj) / (2A)
            op.grad[i] = {-(pk.y - pj.y) / (2.0 * area), (pk.x - pj.x) / (2.0 * area)};
        }
        op.area = area;
        for (int i = 0; i < 3; ++i) {
            mass[op.v[i]] += area / 3.0;
            for (int j = 0; j < 3; ++j) {
                double kij = area * (op.grad[i].x * op.grad[j].x + op.grad[i].y * op.grad[j].y);
                stiffness.emplace_back(op.v[i], op.v[j], kij);
            }
        }
    }

    vertexAreas.assign(positions.size(), 0.0f);
    totalArea = 0.0;
    for (uint32_t f : keptTriangles) {
        double a = mesh.triangleArea(f);
        totalArea += a;
        for (int k = 0; k < 3; ++k)
            vertexAreas[indices[f * 3 + k]] += static_cast<float>(a / 3.0);
    }

    // Heat operator M + tK; a vertex in no triangle has no mass and no stiffness: give it an identity row.
    SpMat k(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    k.setFromTriplets(stiffness.begin(), stiffness.end());
    std::vector<Eigen::Triplet<double>> heatTriplets;
    heatTriplets.reserve(n);
    for (size_t i = 0; i < n; ++i)
        heatTriplets.emplace_back(i, i, mass[i] > 0.0 ? mass[i] : 1.0);
    SpMat h(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    h.setFromTriplets(heatTriplets.begin(), heatTriplets.end());
    h += t * k;
    heat.compute(h);
    if (heat.info() != Eigen::Success)
        throw core::Error("geodesic solver: factorising the heat operator failed");

    // Poisson operator: K with the lowest vertex of each component pinned (row and column replaced by identity).
    pinned.assign(components.count, UINT32_MAX);
    for (uint32_t v = 0; v < n; ++v)
        if (pinned[components.componentOf[v]] == UINT32_MAX)
            pinned[components.componentOf[v]] = v;
    std::vector<uint8_t> isPinned(n, 0);
    for (uint32_t v : pinned)
        isPinned[v] = 1;
    std::vector<Eigen::Triplet<double>> poissonTriplets;
    poissonTriplets.reserve(stiffness.size() + pinned.size());
    for (const auto& e : stiffness)
        if (!isPinned[e.row()] && !isPinned[e.col()])
            poissonTriplets.push_back(e);
    for (uint32_t v : pinned)
        poissonTriplets.emplace_back(v, v, 1.0);
    // A vertex in no triangle is its own component, so it is pinned: every diagonal entry is now non-zero.
    SpMat kp(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    kp.setFromTriplets(poissonTriplets.begin(), poissonTriplets.end());
    poisson.compute(kp);
    if (poisson.info() != Eigen::Success)
        throw core::Error("geodesic solver: factorising the Laplacian failed");

    Mesh surface;
    surface.positions = positions;
    surface.indices = std::move(keptIndices);
    bvh.build(surface);
}

std::vector<std::vector<float>> GeodesicSolver::Impl::solve(std::span<const std::vector<uint32_t>> sourceSets) const {
    const auto n = static_cast<Eigen::Index>(welded.vertexCount());
    const auto cols = static_cast<Eigen::Index>(sourceSets.size());
    std::vector<std::vector<float>> result(sourceSets.size());
    if (cols == 0)
        return result;

    // Sources on welded vertices, and which components each set reaches.
    std::vector<std::vector<uint32_t>> sources(sourceSets.size());
    Eigen::MatrixXd u0 = Eigen::MatrixXd::Zero(n, cols);
    for (Eigen::Index c = 0; c < cols; ++c) {
        for (uint32_t v : sourceSets[c]) {
            if (v >= positions.size())
                throw std::out_of_range("geodesic source vertex " + std::to_string(v) + " out of range");
            uint32_t w = welded.weldedOf[v];
            u0(w, c) = 1.0;
            sources[c].push_back(w);
        }
    }

    // 1. Heat flow for time t.
    Eigen::MatrixXd u = heat.solve(u0);
    // 2-3. Normalised negative gradient per triangle, and its integrated divergence at each vertex.
    Eigen::MatrixXd div = Eigen::MatrixXd::Zero(n, cols);
    for (Eigen::Index c = 0; c < cols; ++c) {
        const double* uc = u.col(c).data();
        double* dc = div.col(c).data();
        for (const TriangleOperator& op : triangles) {
            double gx = 0.0, gy = 0.0;
            for (int i = 0; i < 3; ++i) {
                gx += uc[op.v[i]] * op.grad[i].x;
                gy += uc[op.v[i]] * op.grad[i].y;
            }
            double len = std::sqrt(gx * gx + gy * gy);
            if (!(len > 0.0))
                continue; // no heat reached this triangle (other component, or underflow): no direction
            double xx = -gx / len, xy = -gy / len;
            // The weak form of  L phi = div X : sum over triangles of area * X . grad(hat_i).
            for (int i = 0; i < 3; ++i)
                dc[op.v[i]] += op.area * (xx * op.grad[i].x + xy * op.grad[i].y);
        }
        for (uint32_t p : pinned)
            dc[p] = 0.0;
    }
    // 4. Recover the distance up to one constant per component.
    Eigen::MatrixXd phi = poisson.solve(div);

    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> shift(components.count);
    for (Eigen::Index c = 0; c < cols; ++c) {
        std::fill(shift.begin(), shift.end(), inf);
        for (uint32_t w : sources[c]) {
            uint32_t comp = components.componentOf[w];
            shift[comp] = std::min(shift[comp], phi(w, c));
        }
        std::vector<float> dWelded(static_cast<size_t>(n));
        for (Eigen::Index w = 0; w < n; ++w) {
            double s = shift[components.componentOf[w]];
            dWelded[w] =
                s == inf ? std::numeric_limits<float>::infinity() : static_cast<float>(std::max(0.0, phi(w, c) - s));
        }
        for (uint32_t w : sources[c])
            dWelded[w] = 0.0f;
        auto& out = result[c];
        out.resize(positions.size());
        for (size_t v = 0; v < positions.size(); ++v)
            out[v] = dWelded[welded.weldedOf[v]];
    }
    return result;
}

GeodesicSolver::GeodesicSolver(const Mesh& mesh, const GeodesicOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->build(mesh, options);
}
GeodesicSolver::~GeodesicSolver() = default;
GeodesicSolver::GeodesicSolver(GeodesicSolver&&) noexcept = default;
GeodesicSolver& GeodesicSolver::operator=(GeodesicSolver&&) noexcept = default;

namespace {

// A source on a vertex the operators do not use (the skin's inner wall) moves to the nearest used vertex.
std::vector<std::vector<uint32_t>> sourcesOnSurface(const GeodesicSolver& solver,
                                                    std::span<const std::vector<uint32_t>> sets) {
    std::vector<std::vector<uint32_t>> out(sets.begin(), sets.end());
    const std::span<const float> area = solver.vertexAreas();
    for (auto& set : out)
        for (uint32_t& v : set)
            if (v < area.size() && area[v] == 0.0f)
                v = solver.nearestVertex(solver.positions()[v]);
    return out;
}

} // namespace

std::vector<float> GeodesicSolver::distances(std::span<const uint32_t> sourceVertices) const {
    std::vector<std::vector<uint32_t>> set{std::vector<uint32_t>(sourceVertices.begin(), sourceVertices.end())};
    return std::move(impl_->solve(sourcesOnSurface(*this, set)).front());
}

std::vector<std::vector<float>> GeodesicSolver::distances(std::span<const std::vector<uint32_t>> sourceSets) const {
    return impl_->solve(sourcesOnSurface(*this, sourceSets));
}

SurfacePoint GeodesicSolver::closestPoint(const glm::vec3& p) const {
    SurfacePoint sp;
    ClosestPoint cp = impl_->bvh.closestPoint(p);
    if (!cp.found)
        return sp;
    const uint32_t triangle = impl_->keptTriangles[cp.triangle];
    const uint32_t* tri = &impl_->indices[static_cast<size_t>(triangle) * 3];
    const auto& pos = impl_->positions;
    sp.found = true;
    sp.triangle = triangle;
    sp.point = cp.point;
    sp.distance = cp.distance;
    sp.barycentric = barycentricOf(cp.point, pos[tri[0]], pos[tri[1]], pos[tri[2]]);
    return sp;
}

uint32_t GeodesicSolver::nearestVertex(const glm::vec3& p) const {
    SurfacePoint sp = closestPoint(p);
    if (!sp.found)
        throw core::Error("geodesic solver: no surface to project onto");
    const uint32_t* tri = &impl_->indices[static_cast<size_t>(sp.triangle) * 3];
    uint32_t best = tri[0];
    float bestD = std::numeric_limits<float>::infinity();
    for (int k = 0; k < 3; ++k) {
        glm::vec3 d = impl_->positions[tri[k]] - p;
        float d2 = glm::dot(d, d);
        if (d2 < bestD) {
            bestD = d2;
            best = tri[k];
        }
    }
    return best;
}

float GeodesicSolver::interpolate(std::span<const float> perVertex, const SurfacePoint& at) const {
    if (!at.found || perVertex.size() != impl_->positions.size())
        return 0.0f;
    const uint32_t* tri = &impl_->indices[static_cast<size_t>(at.triangle) * 3];
    return at.barycentric.x * perVertex[tri[0]] + at.barycentric.y * perVertex[tri[1]] +
           at.barycentric.z * perVertex[tri[2]];
}

size_t GeodesicSolver::intrinsicFlips() const {
    return impl_->flips;
}
size_t GeodesicSolver::vertexCount() const {
    return impl_->positions.size();
}
size_t GeodesicSolver::weldedVertexCount() const {
    return impl_->welded.vertexCount();
}
uint32_t GeodesicSolver::weldedOf(uint32_t vertex) const {
    return impl_->welded.weldedOf.at(vertex);
}
uint32_t GeodesicSolver::componentOf(uint32_t vertex) const {
    return impl_->components.componentOf[impl_->welded.weldedOf.at(vertex)];
}
uint32_t GeodesicSolver::componentCount() const {
    return impl_->topology.components;
}
size_t GeodesicSolver::surfaceTriangleCount() const {
    return impl_->keptTriangles.size();
}
std::span<const float> GeodesicSolver::vertexAreas() const {
    return impl_->vertexAreas;
}
double GeodesicSolver::totalArea() const {
    return impl_->totalArea;
}
double GeodesicSolver::meanEdgeLength() const {
    return impl_->meanEdge;
}
double GeodesicSolver::heatTime() const {
    return impl_->t;
}
const TopologyReport& GeodesicSolver::topology() const {
    return impl_->topology;
}
std::span<const glm::vec3> GeodesicSolver::positions() const {
    return impl_->positions;
}
std::span<const uint32_t> GeodesicSolver::indices() const {
    return impl_->indices;
}

} // namespace myoatlas::geometry
