#pragma once
// A route over the surface of one or more meshes: how a fascial line runs ALONG a sheet muscle (diaphragm,
// obliques, intercostals, serratus, the rotator cuff) whose medial centreline would lie in the hollow it encloses.
#include "geometry/mesh.h"

#include <glm/vec3.hpp>
#include <span>
#include <vector>

namespace myoatlas::geometry {

struct SurfaceRouteOptions {
    float weldTolerance = 1e-5f; // metres: vertices glTF split at seams are merged first
    // Separate pieces (each intercostal space, the four rotator cuff muscles) are joined by bridges between
    // vertices of different pieces closer than bridgeRadius; a bridge costs bridgePenalty times its length, so the
    // route keeps to the surface where it can.
    float bridgeRadius = 0.02f;
    float bridgePenalty = 1.5f;
    float bridgeCell = 0.004f; // one bridge end per piece per cell of this size (bounds the bridge count)
    // The route runs through the piece to where it comes nearest the aim: it ends at the vertex, among those within
    // exitSlack of the nearest approach to the aim, with the least (distance along the surface from the start) +
    // aimWeight * (straight distance to the aim).
    float exitSlack = 0.01f;
    float aimWeight = 2.0f;
};

struct SurfaceRoute {
    std::vector<glm::vec3> points; // mesh vertices from the one nearest `from` to the end, in order
    float length = 0.0f;           // along the route, bridges included
    size_t bridges = 0;            // bridges the route crosses
};

// The shortest route along the mesh edges (Dijkstra over the welded vertex graph plus bridges) from the vertex
// nearest `from` to the part of the surface nearest `aim` (see SurfaceRouteOptions::exitSlack). Empty meshes give
// an empty route.
[[nodiscard]] SurfaceRoute surfaceRoute(std::span<const Mesh* const> meshes, const glm::vec3& from,
                                        const glm::vec3& aim, const SurfaceRouteOptions& options = {});

} // namespace myoatlas::geometry
