#include "scene/line_set.h"

#include "core/log.h"

#include <algorithm>
#include <glm/geometric.hpp>

namespace myoatlas::scene {

LineSet::LineSet(const anatomy::Body& body, const anatomy::Atlas& atlas, anatomy::AtlasResolver& resolver)
    : body_(body), atlas_(atlas), resolver_(resolver) {}

void LineSet::request(LineInstance instance, const std::string& instanceId) {
    if (built_.count(instanceId) || pending_.count(instanceId))
        return;
    // The plan reads the resolver's caches here, on the caller's thread; the worker only builds from the plan.
    pending_.emplace(instanceId,
                     std::async(std::launch::async, [plan = planLine(body_, resolver_, atlas_, instance)]() mutable {
                         return buildPlannedLine(std::move(plan));
                     }));
}

void LineSet::poll(bool wait) {
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (!wait && it->second.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            ++it;
            continue;
        }
        built_.insert_or_assign(it->first, it->second.get());
        it = pending_.erase(it);
    }
}

void LineSet::finishPending() {
    poll(true);
}

bool LineSet::update(const std::vector<std::string>& lineIds, bool wait) {
    if (lineIds != lastIds_) {
        lastIds_ = lineIds;
        requested_.clear();
        for (const std::string& id : lineIds) {
            auto instances = parseLineId(atlas_, id);
            if (instances.empty())
                core::logWarn("unknown Anatomy Trains line '" + id + "' (ids: SBL, SFL, LL, ... or LL_left, LL_right)");
            for (const LineInstance& in : instances) {
                std::string instanceId = lineInstanceId(atlas_.lines[in.line], in.side);
                if (std::find(requested_.begin(), requested_.end(), instanceId) == requested_.end())
                    requested_.push_back(instanceId);
                request(in, instanceId);
            }
        }
    }
    if (!pending_.empty())
        poll(wait);
    std::vector<std::string> shown;
    for (const std::string& id : requested_)
        if (built_.count(id))
            shown.push_back(id);
    if (shown == shown_)
        return false;
    shown_ = std::move(shown);
    return true;
}

const LineGeometry* LineSet::geometry(const std::string& instanceId) const {
    auto it = built_.find(instanceId);
    return it == built_.end() ? nullptr : &it->second;
}

void LineSet::appendOverlays(std::vector<OverlayMesh>& out) const {
    for (const std::string& id : shown_) {
        const LineGeometry& g = built_.at(id);
        LineStyle style;
        style.color = lineColor(atlas_.lines[g.instance.line].id);
        for (auto& o : lineOverlays(g, style))
            out.push_back(std::move(o));
    }
}

void LineSet::markDimmed(std::vector<uint8_t>& dimmed, const std::string& focusedLine) const {
    if (shown_.empty())
        return;
    auto lineIdOf = [&](const std::string& instanceId) -> const std::string& {
        return atlas_.lines[built_.at(instanceId).instance.line].id;
    };
    const bool focusShown = !focusedLine.empty() && std::any_of(shown_.begin(), shown_.end(), [&](const auto& id) {
        return lineIdOf(id) == focusedLine;
    });
    std::vector<uint8_t> keep(dimmed.size(), 0);
    for (const std::string& id : shown_) {
        if (focusShown && lineIdOf(id) != focusedLine)
            continue;
        for (const LineTrack& t : built_.at(id).tracks)
            for (uint32_t s : t.structures)
                if (s < keep.size())
                    keep[s] = 1;
    }
    for (size_t s = 0; s < dimmed.size(); ++s)
        if (!keep[s])
            dimmed[s] = 1;
}

std::optional<StationHit> LineSet::stationUnderPointer(const CameraPose& camera, glm::vec2 viewport, glm::vec2 pointer,
                                                       float reach) const {
    Camera cam;
    cam.pose = camera;
    const glm::vec3 eye = camera.eye();
    std::optional<StationHit> best;
    float bestScore = 1e30f;
    for (const std::string& id : shown_) {
        const LineGeometry& g = built_.at(id);
        for (const LineStation& s : g.stations) {
            auto px = cam.project(s.position, viewport);
            if (!px)
                continue;
            const float d = glm::distance(*px, pointer);
            const float score = d + 100.0f * glm::distance(eye, s.position);
            if (d < reach && score < bestScore) {
                bestScore = score;
                best = StationHit{&s, &g, *px};
            }
        }
    }
    return best;
}

} // namespace myoatlas::scene
