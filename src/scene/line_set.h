#pragma once
// The Anatomy Trains lines the view asks for, built and kept: ViewState::lines names them; each instance (a line on
// one side) is built once on a worker thread and kept, so the window never stalls on the longest lines. Also what
// the shown lines mean for the rest of the scene: their overlays, the structures to dim around their tracks, and
// the station under the pointer.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"
#include "scene/camera.h"
#include "scene/line_geometry.h"
#include "scene/overlay.h"

#include <future>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::scene {

// A station near the pointer, for its label.
struct StationHit {
    const LineStation* station = nullptr;
    const LineGeometry* line = nullptr;
    glm::vec2 pixel{0.0f};
};

class LineSet {
public:
    LineSet(const anatomy::Body& body, const anatomy::Atlas& atlas, anatomy::AtlasResolver& resolver);

    // Follows the requested line ids ("SBL", "SBL_left", ...): starts building what is new and takes what is
    // ready; `wait` blocks until every requested line is built. Returns true when the shown set changed.
    bool update(const std::vector<std::string>& lineIds, bool wait);
    // Waits for the lines being built (headless renders and tests).
    void finishPending();
    [[nodiscard]] bool busy() const { return !pending_.empty(); }

    // Instance ids ("SBL_right") requested and built, in the order asked.
    [[nodiscard]] const std::vector<std::string>& shown() const { return shown_; }
    [[nodiscard]] const LineGeometry* geometry(const std::string& instanceId) const;

    // Each shown line as tubes, station markers and flow, in its colour.
    void appendOverlays(std::vector<OverlayMesh>& out) const;
    // Marks every structure (1 in `dimmed`) but the shown lines' tracks, or only the focused line's when it is shown
    // (`focusedLine`: an atlas line id, empty for none). Nothing when no line is shown.
    void markDimmed(std::vector<uint8_t>& dimmed, const std::string& focusedLine) const;
    // The shown station nearest the pointer within `reach` pixels; nearer to the eye wins (10 cm deeper counts as
    // 10 pixels further), so one on the far side of the body does not take the label.
    [[nodiscard]] std::optional<StationHit> stationUnderPointer(const CameraPose& camera, glm::vec2 viewport,
                                                                glm::vec2 pointer, float reach = 14.0f) const;

private:
    void request(LineInstance instance, const std::string& instanceId);
    void poll(bool wait);

    const anatomy::Body& body_;
    const anatomy::Atlas& atlas_;
    anatomy::AtlasResolver& resolver_;
    std::map<std::string, LineGeometry> built_;                // by instance id
    std::map<std::string, std::future<LineGeometry>> pending_; // building on a worker, by instance id
    std::vector<std::string> requested_;                       // instance ids asked for, in order
    std::vector<std::string> shown_;                           // those of them built
    std::vector<std::string> lastIds_;                         // the line ids last asked for
};

} // namespace myoatlas::scene
