#pragma once
// Where to look from to teach a referral pattern, GL-free: the camera faces the pattern (a pattern on the back is
// seen from behind) and frames the knot and the whole zone, essential and spillover, in the part of the window the
// side panels leave free.
#include "geometry/mesh.h"
#include "scene/camera.h"
#include "scene/heat_field.h"
#include "scene/shell.h"

#include <glm/vec3.hpp>
#include <span>
#include <vector>

namespace myoatlas::scene {

// Fractions of the viewport's width that side panels cover; the framed content is centred in the rest.
struct ViewInsets {
    float left = 0.0f, right = 0.0f;
    float top = 0.0f, bottom = 0.0f; // fractions of the height (a legend along the bottom)
};

// What the window's panels and bars leave free for framing a pattern: the side panel columns (not on the projector
// or in patient mode), the menu bar and the pain legend along the bottom. `em`: the font size; sizes in pixels.
[[nodiscard]] ViewInsets windowInsets(const ShellState& shell, float em, float width, float height, bool trpPanelShown,
                                      bool legendShown);

// Unit direction toward the viewer who sees the pattern face on: the heat-weighted mean of the skin's vertex normals
// (heat per vertex of `skin`), tilted at most `maxPitch` from the horizontal (a sole is seen from below, the crown
// from above, but never straight along the body, where the view would spin). Falls back to
// the front (+Z) when the pattern has no clear facing.
[[nodiscard]] glm::vec3 patternFacing(const geometry::Mesh& skin, std::span<const float> heat, float maxPitch = 1.1f);

// The skin points the pattern covers (heat >= threshold): what the framing must keep in view.
[[nodiscard]] std::vector<glm::vec3> patternPoints(const geometry::Mesh& skin, std::span<const float> heat,
                                                   float threshold = 0.08f);

// A pose looking along -facing that fits every point inside the free part of the viewport (perspective included),
// never tighter than `minHalfSize` metres around the centre. The yaw is taken nearest the current one.
[[nodiscard]] CameraPose fitPoints(std::span<const glm::vec3> points, const glm::vec3& facing,
                                   const CameraPose& current, float aspect, ViewInsets insets = {},
                                   float minHalfSize = 0.06f);

// Both, for the steady patterns of the fields shown and their knots. With keepDirection the current direction
// stays (the user named the view) and only the fit changes.
[[nodiscard]] CameraPose referralPose(const geometry::Mesh& skin, std::span<const HeatField* const> fields,
                                      std::span<const glm::vec3> knots, const CameraPose& current, float aspect,
                                      ViewInsets insets = {}, bool keepDirection = false);

} // namespace myoatlas::scene
