#pragma once
// Generated fascia, which the body data lacks: a superficial fascia shell under the skin, a deep fascia envelope
// shrink-wrapped over the superficial muscles, and named sheets cut out of either by a region predicate.
//
// Both shells keep the skin's topology: every shell vertex is a skin vertex pushed inward along the skin's
// (welded, area-weighted, outward) normal by a per-vertex depth. Along each such ray the order is always
// skin -> superficial fascia -> deep fascia -> first muscle, so the layers never cross one another there.
#include "geometry/bvh.h"
#include "geometry/mesh.h"

#include <cstdint>
#include <functional>
#include <glm/vec3.hpp>
#include <span>
#include <vector>

namespace myoatlas::geometry {

// The skin prepared once for both shells: its outer sheet, welded by position (glTF splits vertices at normal
// seams), outward normals, 1-ring adjacency, a BVH of the skin and the inward thickness at every vertex.
struct SkinSurface {
    Mesh mesh;                            // welded outer sheet; normals outward (winding flipped if it was inward)
    std::vector<uint32_t> weldedOf;       // original skin vertex -> welded vertex (UINT32_MAX: dropped)
    size_t droppedTriangles = 0;          // input triangles not on the outer sheet
    std::vector<uint32_t> adjacencyStart; // CSR: neighbours of v are adjacency[adjacencyStart[v] .. [v + 1])
    std::vector<uint32_t> adjacency;
    std::vector<float> thickness; // distance along -normal to the skin's other side (inf where the ray escapes)
    Bvh bvh;                      // over `mesh`
    float meanEdge = 0.0f;
};

struct SkinOptions {
    // BodyParts3D's skin is two nested sheets 1-3 mm apart (both facing out) plus stray triangles: keep only the
    // connected pieces whose vertices mostly see out along their normals.
    bool outerSheetOnly = true;
    float weldTolerance = 1e-6f; // metres
};

[[nodiscard]] SkinSurface prepareSkin(const Mesh& skin, const SkinOptions& options = {});

struct FasciaShell {
    Mesh mesh;                        // the shell (kept triangles only), normals pointing outward like the skin's
    std::vector<uint32_t> skinVertex; // per shell vertex: the welded skin vertex it was made from
    std::vector<float> depth;         // per shell vertex: metres inward from the skin
    std::vector<uint8_t> supported;   // per shell vertex: 1 where a muscle held it (deep fascia), else 0
};

struct SuperficialFasciaOptions {
    float depth = 0.003f;           // metres under the skin
    float obstacleFraction = 0.4f;  // never deeper than this fraction of the distance to an obstacle along -normal
    float thicknessFraction = 0.4f; // nor than this fraction of the local body thickness
    int smoothIterations = 4;
};

// The skin offset inward by `depth`, clamped per vertex so it never reaches the obstacles (muscles, bones: any
// meshes) or the opposite side of a thin part (fingers, ears). Obstacles may be empty.
[[nodiscard]] FasciaShell superficialFascia(const SkinSurface& skin, std::span<const Mesh* const> obstacles,
                                            const SuperficialFasciaOptions& options = {});

struct DeepFasciaOptions {
    float maxDepth = 0.04f;          // a muscle further than this under the skin does not hold the envelope
    float offset = 0.001f;           // the envelope lies this far outside the muscle surface
    float hitFraction = 0.6f;        // ... but never shallower than this fraction of the muscle's depth (thin fat)
    float minDepth = 0.0035f;        // kept at least this deep where the muscle allows (below the superficial layer)
    float bridgeRadius = 0.012f;     // intermuscular clefts narrower than about twice this are bridged
    int smoothIterations = 30;       // constrained Laplacian passes (never pushed deeper than the muscle allows)
    float maxBlendDistance = 0.03f;  // unsupported vertices further than this along the surface from a supported one
    bool dropUnsupported = true;     //   are dropped (head, hands, feet when their muscles are not given) ...
    float unsupportedDepth = 0.004f; //   ... or, when kept, drift to this depth
    float thicknessFraction = 0.45f; // never deeper than this fraction of the local body thickness
};

// Shrink-wrap envelope of the muscles: a ray from every skin vertex inward along -normal against the muscles; where
// it meets the outside of a muscle within maxDepth the envelope vertex goes `offset` outside the hit; clefts are
// bridged by a morphological opening of the depth field, vertices without a muscle below are filled harmonically
// from their neighbours, and the field is smoothed under the constraint of never going deeper than any hit.
// Pass the superficial muscles (and connective sheets such as the iliotibial tracts, so fascia lata joins them);
// passing all muscles also works since the first hit along the ray is the outermost muscle.
[[nodiscard]] FasciaShell deepFascia(const SkinSurface& skin, std::span<const Mesh* const> muscles,
                                     const DeepFasciaOptions& options = {});

struct FasciaShells {
    FasciaShell superficial;
    FasciaShell deep;
};

// Both shells over the same obstacles, as superficialFascia and deepFascia give them, for about the cost of one:
// the obstacles' BVH and their nearest skin points are found once.
[[nodiscard]] FasciaShells fasciaShells(const SkinSurface& skin, std::span<const Mesh* const> obstacles,
                                        const SuperficialFasciaOptions& superficial = {},
                                        const DeepFasciaOptions& deep = {});

// A region of the body surface: true where a named sheet should be. Gets the skin-side position and the outward
// skin normal (plantar fascia: the soles, normal.y < -0.5; thoracolumbar: posterior, normal.z < 0).
using SurfaceRegion = std::function<bool(const glm::vec3& position, const glm::vec3& normal)>;

enum class CutRule { Centroid, AllCorners, AnyCorner };

// The sub-shell of the triangles in the region (tested on the skin position and normal of the shell's source
// vertices, so the cut does not depend on the depth), vertices compacted.
[[nodiscard]] FasciaShell cutSheet(const FasciaShell& shell, const SkinSurface& skin, const SurfaceRegion& region,
                                   CutRule rule = CutRule::Centroid);

// Region helpers, composable with allOf / anyOf / noneOf.
[[nodiscard]] SurfaceRegion inBoxes(std::vector<Aabb> boxes);
[[nodiscard]] SurfaceRegion nearPolyline(std::vector<glm::vec3> polyline, float radius); // a band along landmarks
[[nodiscard]] SurfaceRegion facing(const glm::vec3& direction, float minCos);            // normal within a cone
[[nodiscard]] SurfaceRegion halfSpace(const glm::vec3& point, const glm::vec3& normal);  // dot(p - point, n) >= 0
[[nodiscard]] SurfaceRegion allOf(std::vector<SurfaceRegion> regions);
[[nodiscard]] SurfaceRegion anyOf(std::vector<SurfaceRegion> regions);
[[nodiscard]] SurfaceRegion noneOf(std::vector<SurfaceRegion> regions);

// meshoptimizer simplification of a shell for drawing (targetRatio of the triangles, error relative to the mesh
// extent); per-vertex arrays follow the kept vertices.
[[nodiscard]] FasciaShell simplifyShell(const FasciaShell& shell, float targetRatio, float targetError = 0.01f);

} // namespace myoatlas::geometry
