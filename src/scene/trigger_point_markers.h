#pragma once
// Trigger point markers on the body, GL-free: each trigger point drawn as what a therapist palpates, a nodule (the
// knot) within its taut band, which runs along the muscle's fibres (from the muscle's centreline) on the muscle;
// the trigger points shown, those of the selected muscles, satellites (joined by a chain that flows from the key
// trigger point) only when their primary's muscle is selected or they are asked for, and the patient's pain points.
// Sized to stay visible at the current zoom; rebuilt only when what they depend on changes.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"
#include "scene/camera.h"
#include "scene/overlay.h"
#include "scene/view_state.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

struct TrpMarker {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    float radius = 0.008f;
    // The taut band through the knot (trigger points only; empty for pain points): points on the muscle along its
    // fibre direction `fibre` (unit).
    std::vector<glm::vec3> band;
    glm::vec3 fibre{0.0f};
    glm::vec4 color{1.0f};
    std::string label;
    std::optional<TriggerPointRef> trp; // clicking it shows this pattern
};

// What the markers' look depends on besides what is shown.
struct TrpMarkerView {
    float cameraDistance = 2.5f;  // metres: the knot keeps a readable size on screen at this zoom
    std::optional<glm::vec3> eye; // when known, each knot is sized for its own distance from the eye instead
    bool showSatellites = false;  // satellites of the shown trigger points even when their muscle is not selected
};

// Radius of a knot seen from `cameraDistance` metres: about 6 px on a 1080-line screen at any zoom, never below a
// palpable 2.5 mm (a knot 5 mm across).
[[nodiscard]] float noduleRadius(float cameraDistance);

struct MarkedMuscle {
    std::string id;
    anatomy::Side side = anatomy::Side::Right;
};

// Which atlas muscle, and which side of it, each body structure belongs to: what a selection of structures means to
// the trigger point markers and panel.
class MuscleLookup {
public:
    MuscleLookup() = default;
    MuscleLookup(const anatomy::Atlas& atlas, anatomy::AtlasResolver& resolver);
    // The atlas muscles of the selected structures, each once, in selection order.
    [[nodiscard]] std::vector<MarkedMuscle> selected(const std::vector<uint32_t>& selection) const;

private:
    std::map<uint32_t, MarkedMuscle> ofStructure_;
};

// "Upper trapezius TrP1" style: the atlas name, else muscle and number.
[[nodiscard]] std::string trpLabel(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& trp);

class TrpMarkers {
public:
    TrpMarkers(const anatomy::Body& body, const anatomy::Atlas& atlas, anatomy::AtlasResolver& resolver);
    // Returns true when the markers changed. The resolver is not thread-safe: main thread only.
    bool update(const std::vector<TriggerPointRef>& shown, const std::vector<MarkedMuscle>& selected,
                const std::vector<glm::vec3>& painPoints, const TrpMarkerView& view = {});
    [[nodiscard]] const std::vector<TrpMarker>& markers() const { return markers_; }
    [[nodiscard]] const std::vector<OverlayMesh>& overlays() const { return overlays_; }
    // The trigger point marker a click at `p` (on the body) means, if any: on it or right next to it.
    [[nodiscard]] const TrpMarker* nearestTriggerPoint(const glm::vec3& p) const;
    // The marker under the pointer (pixels, origin top left) within `reach` pixels, for hover labels: one on the
    // far side (drawn faint) yields to any near-side one.
    [[nodiscard]] const TrpMarker* underPointer(const CameraPose& camera, glm::vec2 viewport, glm::vec2 pointer,
                                                float reach) const;

private:
    struct MuscleShape; // a muscle side's centreline and surface, built on first use
    [[nodiscard]] glm::vec3 normalAt(const glm::vec3& p, anatomy::Side side) const;
    const MuscleShape* shape(const std::string& muscle, anatomy::Side side);
    const glm::vec3* position(const anatomy::TriggerPoint& trp, anatomy::Side side); // cached; null if unresolved

    const anatomy::Body& body_;
    const anatomy::Atlas& atlas_;
    anatomy::AtlasResolver& resolver_;
    std::map<std::string, std::optional<glm::vec3>> positions_;
    std::map<std::string, std::shared_ptr<MuscleShape>> shapes_;
    std::vector<TrpMarker> markers_;
    std::vector<OverlayMesh> overlays_;
    std::string key_;
};

} // namespace myoatlas::scene
