#pragma once
// Tube meshes around polylines (the Anatomy Trains lines), built on the CPU where tests can reach them.
// Frames are carried along the path by parallel transport (rotation-minimising, double reflection: Wang et al.
// 2008), so a tube never twists or flips, even on a helix. Every vertex carries its arc length along the path so
// the renderer can animate a flow in the line's direction.
#include "geometry/mesh.h"

#include <glm/vec3.hpp>
#include <span>
#include <vector>

namespace myoatlas::geometry {

struct TubeFrame {
    glm::vec3 tangent{0.0f, 0.0f, 1.0f};
    glm::vec3 normal{1.0f, 0.0f, 0.0f};
    glm::vec3 binormal{0.0f, 1.0f, 0.0f}; // tangent x normal: the frame is right-handed
};

struct TubeOptions {
    float radius = 0.004f;    // metres
    std::vector<float> radii; // optional per path point radius (same size as the path); overrides radius
    int sides = 12;           // vertices per ring, >= 3
    bool capStart = true;
    bool capEnd = true;
};

struct TubeMesh {
    Mesh mesh;                     // outward normals, counter-clockwise triangles seen from outside
    std::vector<float> arcLength;  // per vertex: metres from the path start of the vertex's ring (caps included)
    std::vector<float> around;     // per vertex: 0..1 angle around the tube (0 on the frame normal); caps 0
    std::vector<TubeFrame> frames; // one per path point actually used (near-duplicates removed)
    std::vector<glm::vec3> path;   // the path points used, one per ring
    float length = 0.0f;           // path length
};

// Rotation-minimising frames along the path (near-duplicate points must already be removed). The first normal is
// `initialNormal` made orthogonal to the first tangent, or, when that is (near) parallel or zero, the axis least
// aligned with the first tangent.
[[nodiscard]] std::vector<TubeFrame> parallelTransportFrames(std::span<const glm::vec3> path,
                                                             const glm::vec3& initialNormal = glm::vec3(0.0f));

// Ring i has `sides` vertices at path[i] + radius * (cos a * normal + sin a * binormal), a = 2 pi j / sides.
// Vertex layout: rings first (rings * sides), then for each cap a centre vertex followed by its own ring of
// `sides` vertices with the flat cap normal. Triangles: 2 * sides * (rings - 1) + sides per cap.
// A path with fewer than two distinct points gives an empty mesh.
[[nodiscard]] TubeMesh buildTube(std::span<const glm::vec3> path, const TubeOptions& options = {});

} // namespace myoatlas::geometry
