#pragma once
// Intrinsic Delaunay triangulation by edge flips (Bobenko & Springborn 2007; Sharp, Soliman & Crane 2019): the same
// vertices and the same surface metric, but connectivity and edge lengths changed so that every interior edge is
// locally Delaunay. Its cotangent Laplacian has no negative weights, so a heat step stays positive and monotone far
// from the source, which the heat method needs on a graded real-world mesh.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace myoatlas::geometry {

struct IntrinsicTriangulation {
    std::vector<std::array<uint32_t, 3>> faces; // vertex ids
    std::vector<std::array<double, 3>> lengths; // lengths[f][k]: the edge opposite corner k of face f
    size_t flips = 0;
    size_t nonDelaunayLeft = 0; // interior manifold edges still non-Delaunay (flip refused for numerical reasons)
};

// lengths[f][k] is the length of the edge opposite corner k of face f; they must satisfy the triangle inequality
// (mollify first). Boundary and non-manifold edges are never flipped; nor is an edge whose flip would join a vertex
// to itself.
[[nodiscard]] IntrinsicTriangulation intrinsicDelaunay(std::span<const uint32_t> indices,
                                                       std::span<const std::array<double, 3>> lengths,
                                                       size_t maxFlips = 0 /* 0: 20 x edges */);

// cot(alpha) + cot(beta) of every interior manifold edge is >= -tolerance (a test helper).
[[nodiscard]] bool isIntrinsicDelaunay(const IntrinsicTriangulation& tri, double tolerance = 1e-9);

} // namespace myoatlas::geometry
