#include "geometry/intrinsic_delaunay.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace myoatlas::geometry {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

struct Edge {
    double length = 0.0;
    std::array<uint32_t, 2> faces{kNone, kNone};
    uint32_t faceCount = 0; // > 2: non-manifold, never flipped (and its face list is not maintained)
};

double areaFromLengths(double a, double b, double c) {
    if (a < b)
        std::swap(a, b);
    if (b < c)
        std::swap(b, c);
    if (a < b)
        std::swap(a, b);
    double q = (a + (b + c)) * (c - (a - b)) * (c + (a - b)) * (a + (b - c));
    return q > 0.0 ? 0.25 * std::sqrt(q) : 0.0;
}

// cot of the angle opposite side a in a triangle with sides a, b, c.
double cotOpposite(double a, double b, double c) {
    double area = areaFromLengths(a, b, c);
    return area > 0.0 ? (b * b + c * c - a * a) / (4.0 * area) : 0.0;
}

class Flipper {
public:
    Flipper(std::span<const uint32_t> indices, std::span<const std::array<double, 3>> lengths) {
        const size_t nf = indices.size() / 3;
        faces_.resize(nf);
        faceEdges_.resize(nf);
        std::unordered_map<uint64_t, uint32_t> edgeOf;
        edgeOf.reserve(nf * 2);
        for (size_t f = 0; f < nf; ++f) {
            for (int k = 0; k < 3; ++k)
                faces_[f][k] = indices[f * 3 + k];
            for (int k = 0; k < 3; ++k) {
                uint32_t a = faces_[f][(k + 1) % 3], b = faces_[f][(k + 2) % 3];
                uint64_t key = (static_cast<uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
                auto [it, fresh] = edgeOf.try_emplace(key, static_cast<uint32_t>(edges_.size()));
                if (fresh)
                    edges_.push_back(Edge{lengths[f][k]});
                Edge& e = edges_[it->second];
                if (e.faceCount < 2)
                    e.faces[e.faceCount] = static_cast<uint32_t>(f);
                ++e.faceCount;
                faceEdges_[f][k] = it->second;
            }
        }
    }

    size_t run(size_t maxFlips) {
        std::vector<uint32_t> stack(edges_.size());
        std::vector<uint8_t> queued(edges_.size(), 1);
        for (size_t e = 0; e < edges_.size(); ++e)
            stack[e] = static_cast<uint32_t>(edges_.size() - 1 - e);
        size_t flips = 0;
        while (!stack.empty() && flips < maxFlips) {
            uint32_t e = stack.back();
            stack.pop_back();
            queued[e] = 0;
            if (edgeWeight(e) >= -kTolerance)
                continue;
            std::array<uint32_t, 4> touched{};
            if (!flip(e, touched))
                continue;
            ++flips;
            for (uint32_t t : touched)
                if (!queued[t]) {
                    queued[t] = 1;
                    stack.push_back(t);
                }
        }
        return flips;
    }

    // cot alpha + cot beta for an interior manifold edge; +inf for edges that are never flipped.
    [[nodiscard]] double edgeWeight(uint32_t e) const {
        const Edge& edge = edges_[e];
        if (edge.faceCount != 2)
            return HUGE_VAL;
        double w = 0.0;
        for (uint32_t f : edge.faces) {
            int k = cornerOpposite(f, e);
            w += cotOpposite(len(f, k), len(f, (k + 1) % 3), len(f, (k + 2) % 3));
        }
        return w;
    }

    [[nodiscard]] size_t nonDelaunayCount(double tolerance) const {
        size_t n = 0;
        for (uint32_t e = 0; e < edges_.size(); ++e)
            if (edgeWeight(e) < -tolerance)
                ++n;
        return n;
    }

    void output(IntrinsicTriangulation& out) const {
        out.faces = faces_;
        out.lengths.resize(faces_.size());
        for (size_t f = 0; f < faces_.size(); ++f)
            for (int k = 0; k < 3; ++k)
                out.lengths[f][k] = edges_[faceEdges_[f][k]].length;
    }

private:
    static constexpr double kTolerance = 1e-9;

    [[nodiscard]] double len(uint32_t f, int k) const { return edges_[faceEdges_[f][k]].length; }
    [[nodiscard]] int cornerOpposite(uint32_t f, uint32_t e) const {
        for (int k = 0; k < 3; ++k)
            if (faceEdges_[f][k] == e)
                return k;
        return -1;
    }
    [[nodiscard]] int cornerOf(uint32_t f, uint32_t v) const {
        for (int k = 0; k < 3; ++k)
            if (faces_[f][k] == v)
                return k;
        return -1;
    }
    void replaceFace(uint32_t e, uint32_t from, uint32_t to) {
        Edge& edge = edges_[e];
        if (edge.faceCount > 2)
            return;
        for (uint32_t& f : edge.faces)
            if (f == from) {
                f = to;
                return;
            }
    }

    // Replaces edge i-j of faces (i, j, p) and (j, i, q) by p-q. Returns false when the flip is not allowed.
    bool flip(uint32_t e, std::array<uint32_t, 4>& touched) {
        const uint32_t f1 = edges_[e].faces[0], f2 = edges_[e].faces[1];
        if (f1 == f2)
            return false;
        const int k1 = cornerOpposite(f1, e), k2 = cornerOpposite(f2, e);
        if (k1 < 0 || k2 < 0)
            return false;
        const uint32_t p = faces_[f1][k1], i = faces_[f1][(k1 + 1) % 3], j = faces_[f1][(k1 + 2) % 3];
        const uint32_t q = faces_[f2][k2];
        if (p == q)
            return false;
        const int ci2 = cornerOf(f2, i), cj2 = cornerOf(f2, j);
        if (ci2 < 0 || cj2 < 0 || ci2 == k2 || cj2 == k2)
            return false;
        const uint32_t eJP = faceEdges_[f1][(k1 + 1) % 3], ePI = faceEdges_[f1][(k1 + 2) % 3];
        const uint32_t eJQ = faceEdges_[f2][ci2], eIQ = faceEdges_[f2][cj2];
        const double l = edges_[e].length;
        const double lJP = edges_[eJP].length, lPI = edges_[ePI].length;
        const double lJQ = edges_[eJQ].length, lIQ = edges_[eIQ].length;

        // Unfold the two triangles into the plane: i at the origin, j on +x, p above, q below.
        const double px = (lPI * lPI - lJP * lJP + l * l) / (2.0 * l);
        const double py = std::sqrt(std::max(lPI * lPI - px * px, 0.0));
        const double qx = (lIQ * lIQ - lJQ * lJQ + l * l) / (2.0 * l);
        const double qy = -std::sqrt(std::max(lIQ * lIQ - qx * qx, 0.0));
        const double lPQ = std::hypot(px - qx, py - qy);
        // Both new triangles must be non-degenerate (a non-Delaunay edge always is flippable in exact arithmetic).
        const double scale = std::max({l, lJP, lPI, lJQ, lIQ});
        const double minArea = 1e-12 * scale * scale;
        if (!(areaFromLengths(lIQ, lPQ, lPI) > minArea) || !(areaFromLengths(lJQ, lJP, lPQ) > minArea))
            return false;

        faces_[f1] = {i, q, p};
        faceEdges_[f1] = {e, ePI, eIQ};
        faces_[f2] = {q, j, p};
        faceEdges_[f2] = {eJP, e, eJQ};
        edges_[e].length = lPQ;
        replaceFace(eIQ, f2, f1);
        replaceFace(eJP, f1, f2);
        touched = {eJP, ePI, eJQ, eIQ};
        return true;
    }

    std::vector<std::array<uint32_t, 3>> faces_;
    std::vector<std::array<uint32_t, 3>> faceEdges_; // edge opposite each corner
    std::vector<Edge> edges_;
};

} // namespace

IntrinsicTriangulation intrinsicDelaunay(std::span<const uint32_t> indices,
                                         std::span<const std::array<double, 3>> lengths, size_t maxFlips) {
    Flipper flipper(indices, lengths);
    IntrinsicTriangulation out;
    out.flips = flipper.run(maxFlips ? maxFlips : 20 * indices.size());
    out.nonDelaunayLeft = flipper.nonDelaunayCount(1e-9);
    flipper.output(out);
    return out;
}

bool isIntrinsicDelaunay(const IntrinsicTriangulation& tri, double tolerance) {
    std::vector<uint32_t> indices;
    indices.reserve(tri.faces.size() * 3);
    for (const auto& f : tri.faces)
        indices.insert(indices.end(), f.begin(), f.end());
    // Rebuilding edges by vertex pair merges parallel intrinsic edges; count them as failures only if weights say so.
    Flipper check(indices, tri.lengths);
    return check.nonDelaunayCount(tolerance) == 0;
}

} // namespace myoatlas::geometry
