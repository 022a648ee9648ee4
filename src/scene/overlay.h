#pragma once
// What the program draws over and with the body besides the structures: trigger point markers, line tubes,
// technique arrows and glyphs. Plain CPU meshes built by the features (GL-free, testable); the renderer uploads them.
#include "geometry/mesh.h"

#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <vector>

namespace myoatlas::scene {

// A coloured mesh drawn with the body.
struct OverlayMesh {
    geometry::Mesh mesh;
    std::vector<glm::vec4> colors; // per vertex
    std::vector<float> params;     // per vertex arc length (metres) for flow animation; may be empty
    float flowSpeed = 0.0f;        // m/s; 0 = static
    float flowWavelength = 0.12f;
    bool onTop = false; // drawn over everything (markers that must show through opaque layers)
    // With onTop: what lies in the far half of the body (seen through it) is drawn faint and grey, so a marker on
    // the back does not read as one on the front.
    bool fadeFarSide = true;
};

// A trigger point (or pain point) marker: a bright sphere with a dark rim lying in the surface's tangent plane, so
// it reads as a dot with an outline from the usual viewpoints without a rebuild when the camera moves.
void appendMarker(OverlayMesh& overlay, const glm::vec3& position, const glm::vec3& normal, float radius,
                  const glm::vec4& color);

// A trigger point as felt: a lump (ellipsoid) stretched `elongation` times along the fibre direction, with the
// marker's dark rim in the surface's tangent plane.
void appendNodule(OverlayMesh& overlay, const glm::vec3& position, const glm::vec3& normal, const glm::vec3& fibre,
                  float radius, float elongation, const glm::vec4& color);

} // namespace myoatlas::scene
