#pragma once
// Trigger point markers on the body, GL-free: the trigger points shown (with their satellites, joined by a chain
// that flows from the key trigger point), those of the selected muscles, and the patient's pain points, as marker
// overlays; rebuilt only when what they depend on changes.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"
#include "scene/camera.h"
#include "scene/overlay.h"
#include "scene/view_state.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

struct TrpMarker {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    float radius = 0.008f;
    glm::vec4 color{1.0f};
    std::string label;
    std::optional<TriggerPointRef> trp; // clicking it shows this pattern
};

struct MarkedMuscle {
    std::string id;
    anatomy::Side side = anatomy::Side::Right;
};

// "Upper trapezius TrP1" style: the atlas name, else muscle and number.
[[nodiscard]] std::string trpLabel(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& trp);

class TrpMarkers {
public:
    TrpMarkers(const anatomy::Body& body, const anatomy::Atlas& atlas, anatomy::AtlasResolver& resolver);
    // Returns true when the markers changed. The resolver is not thread-safe: main thread only.
    bool update(const std::vector<TriggerPointRef>& shown, const std::vector<MarkedMuscle>& selected,
                const std::vector<glm::vec3>& painPoints);
    [[nodiscard]] const std::vector<TrpMarker>& markers() const { return markers_; }
    [[nodiscard]] const std::vector<OverlayMesh>& overlays() const { return overlays_; }
    // The trigger point marker a click at `p` (on the body) means, if any: on it or right next to it.
    [[nodiscard]] const TrpMarker* nearestTriggerPoint(const glm::vec3& p) const;
    // The marker under the pointer (pixels, origin top left) within `reach` pixels, for hover labels: one on the
    // far side (drawn faint) yields to any near-side one.
    [[nodiscard]] const TrpMarker* underPointer(const CameraPose& camera, glm::vec2 viewport, glm::vec2 pointer,
                                                float reach) const;

private:
    [[nodiscard]] glm::vec3 normalAt(const glm::vec3& p, anatomy::Side side) const;
    const glm::vec3* position(const anatomy::TriggerPoint& trp, anatomy::Side side); // cached; null if unresolved

    const anatomy::Body& body_;
    const anatomy::Atlas& atlas_;
    anatomy::AtlasResolver& resolver_;
    std::map<std::string, std::optional<glm::vec3>> positions_;
    std::vector<TrpMarker> markers_;
    std::vector<OverlayMesh> overlays_;
    std::string key_;
};

} // namespace myoatlas::scene
