#include "app/line_feature.h"

#include "core/log.h"
#include "geometry/polyline.h"
#include "geometry/tube_builder.h"
#include "scene/camera.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <imgui.h>
#include <nlohmann/json.hpp>
#include <set>

namespace myoatlas::app {
using namespace scene; // the line model; this file only wires it into the program

namespace {

using anatomy::Side;

nlohmann::json vec(const glm::vec3& p) {
    return {p.x, p.y, p.z};
}

} // namespace

nlohmann::json linesToJson(FeatureContext& context) {
    nlohmann::json out = nlohmann::json::array();
    if (!context.atlas || !context.resolver)
        return out;
    const auto& body = context.body;
    for (size_t i = 0; i < context.atlas->lines.size(); ++i) {
        const anatomy::FascialLine& line = context.atlas->lines[i];
        for (Side side : {Side::Right, Side::Left}) {
            LineGeometry g = buildLineGeometry(body, *context.resolver, *context.atlas, {i, side});
            nlohmann::json j;
            j["id"] = g.id;
            j["line"] = line.id;
            j["name"] = line.name;
            j["side"] = std::string(anatomy::sideName(side));
            j["paired"] = line.paired;
            j["length_m"] = g.length;
            j["branches"] = g.branches.size();
            j["stations"] = nlohmann::json::array();
            for (const LineStation& s : g.stations)
                j["stations"].push_back(
                    {{"name", s.name}, {"position", vec(s.position)}, {"arc_length_m", s.arcLength}});
            j["tracks"] = nlohmann::json::array();
            for (const LineTrack& t : g.tracks) {
                nlohmann::json names = nlohmann::json::array();
                for (uint32_t s : t.structures)
                    names.push_back(body.structures[s].name);
                j["tracks"].push_back({{"name", t.name},
                                       {"mesh", t.drawn},
                                       {"structures", names},
                                       {"begin_m", t.begin},
                                       {"end_m", t.end},
                                       {"route", t.route == geometry::LineWaypoint::Route::Surface      ? "surface"
                                                 : t.route == geometry::LineWaypoint::Route::Centreline ? "centreline"
                                                                                                        : "none"},
                                       {"max_gap_mm", t.distance * 1000.0f}});
            }
            out.push_back(std::move(j));
        }
    }
    return out;
}

LineFeature::LineFeature(FeatureContext& context) : context_(context) {}

bool LineFeature::request(LineInstance instance, const std::string& id) {
    if (built_.count(id))
        return true;
    if (!pending_.count(id))
        pending_.emplace(id, std::async(std::launch::async, [plan = planLine(context_.body, *context_.resolver,
                                                                             *context_.atlas, instance)]() mutable {
                             return buildPlannedLine(std::move(plan));
                         }));
    return false;
}

void LineFeature::poll(bool wait) {
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (!wait && it->second.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            ++it;
            continue;
        }
        built_.insert_or_assign(it->first, it->second.get());
        it = pending_.erase(it);
    }
}

void LineFeature::finishPending() {
    poll(true);
}

const LineGeometry* LineFeature::geometry(const std::string& instanceId) const {
    auto it = built_.find(instanceId);
    return it == built_.end() ? nullptr : &it->second;
}

bool LineFeature::update(const scene::AppState& state, double now) {
    (void)now;
    if (!context_.atlas || !context_.resolver)
        return false;
    // The lines shown from the very first update (a headless render, a lesson opened at start) are waited for;
    // later ones are built on a worker and appear when ready, so the window never stalls on the longest lines.
    const bool block = firstUpdate_;
    firstUpdate_ = false;
    if (state.view.lines != lastRequested_) {
        lastRequested_ = state.view.lines;
        requested_.clear();
        for (const std::string& id : state.view.lines) {
            auto instances = parseLineId(*context_.atlas, id);
            if (instances.empty())
                core::logWarn("unknown Anatomy Trains line '" + id + "' (ids: SBL, SFL, LL, ... or LL_left, LL_right)");
            for (const LineInstance& in : instances) {
                std::string instanceId = lineInstanceId(context_.atlas->lines[in.line], in.side);
                if (std::find(requested_.begin(), requested_.end(), instanceId) == requested_.end())
                    requested_.push_back(instanceId);
                request(in, instanceId);
            }
        }
    }
    if (!pending_.empty())
        poll(block);
    std::vector<std::string> shown;
    for (const std::string& id : requested_)
        if (built_.count(id))
            shown.push_back(id);
    if (shown != shown_) {
        shown_ = std::move(shown);
        ++version_;
    }
    if (panel_.focused != lastFocused_ || panel_.dimOthers != lastDim_) {
        lastFocused_ = panel_.focused;
        lastDim_ = panel_.dimOthers;
        ++version_; // the dimming changed: have the host re-sync
    }
    return !shown_.empty() || busy(); // the flow animates while a line is shown; poll while one is building
}

void LineFeature::appendOverlays(std::vector<render::OverlayMesh>& out) const {
    for (const std::string& id : shown_) {
        const LineGeometry& g = built_.at(id);
        LineStyle style;
        style.color = lineColor(context_.atlas->lines[g.instance.line].id);
        for (auto& o : lineOverlays(g, style))
            out.push_back(std::move(o));
    }
}

void LineFeature::markDimmed(std::vector<uint8_t>& dimmed) const {
    if (shown_.empty() || !panel_.dimOthers || !context_.atlas)
        return;
    // The focused line's tracks when it is shown, else every shown line's.
    std::string focus = panel_.focused >= 0 && panel_.focused < static_cast<int>(context_.atlas->lines.size())
                            ? context_.atlas->lines[static_cast<size_t>(panel_.focused)].id
                            : std::string();
    bool focusShown = !focus.empty() && std::any_of(shown_.begin(), shown_.end(), [&](const std::string& id) {
        return context_.atlas->lines[built_.at(id).instance.line].id == focus;
    });
    std::vector<uint8_t> keep(dimmed.size(), 0);
    for (const std::string& id : shown_) {
        const LineGeometry& g = built_.at(id);
        if (focusShown && context_.atlas->lines[g.instance.line].id != focus)
            continue;
        for (const LineTrack& t : g.tracks)
            for (uint32_t s : t.structures)
                if (s < keep.size())
                    keep[s] = 1;
    }
    for (size_t s = 0; s < dimmed.size(); ++s)
        if (!keep[s])
            dimmed[s] = 1;
}

void LineFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    if (!context_.atlas || !model.state)
        return;
    const auto& view = model.state->view;
    std::vector<ui::LinePanelEntry> entries;
    for (size_t i = 0; i < context_.atlas->lines.size() && !ui.presentation; ++i) {
        const anatomy::FascialLine& l = context_.atlas->lines[i];
        ui::LinePanelEntry e;
        e.id = l.id;
        e.name = l.name;
        e.order = l.order;
        e.function = l.function;
        e.evidenceNote = l.evidenceNote;
        e.wilke2016 = l.wilke2016;
        e.compensations = l.compensations;
        e.paired = l.paired;
        e.color = lineColor(l.id);
        for (const anatomy::LineElement& el : l.elements)
            e.route.push_back((el.station ? "station: " : "track: ") + el.name);
        for (const std::string& id : view.lines)
            for (const LineInstance& in : parseLineId(*context_.atlas, id))
                if (in.line == i)
                    (in.side == Side::Left ? e.shownLeft : e.shownRight) = true;
        if (const LineGeometry* g = geometry(lineInstanceId(l, Side::Right)))
            e.lengthRight = g->length;
        if (const LineGeometry* g = geometry(lineInstanceId(l, Side::Left)))
            e.lengthLeft = g->length;
        entries.push_back(std::move(e));
    }
    if (!ui.presentation) { // the projector shows the body and the caption bar only
        if (ImGui::BeginMainMenuBar()) {
            if (ImGui::BeginMenu("Panels")) { // appends to the main menu's Panels menu
                ImGui::MenuItem("Anatomy Trains lines", nullptr, &panel_.open, ui.expertPanels());
                ImGui::EndMenu();
            }
            ImGui::EndMainMenuBar();
        }
        if (ui.expertPanels())
            ui::drawLinePanel(entries, panel_, out);
    }

    // Station labels on hover: project every shown station and label the one under the mouse.
    const ImGuiIO& io = ImGui::GetIO();
    if (shown_.empty() || io.WantCaptureMouse)
        return;
    scene::Camera cam;
    cam.pose = view.camera;
    glm::vec2 viewport(io.DisplaySize.x, io.DisplaySize.y);
    glm::vec2 mouse(io.MousePos.x, io.MousePos.y);
    const LineStation* best = nullptr;
    const LineGeometry* bestLine = nullptr;
    glm::vec2 bestPx(0.0f);
    const float reach = 14.0f; // pixels
    float bestScore = 1e30f;
    const glm::vec3 eye = view.camera.eye();
    for (const std::string& id : shown_) {
        const LineGeometry& g = built_.at(id);
        for (const LineStation& s : g.stations) {
            auto px = cam.project(s.position, viewport);
            if (!px)
                continue;
            float d = glm::distance(*px, mouse);
            // Under the mouse, the nearer station wins (10 cm deeper counts as 10 pixels further): one on the far
            // side of the body is drawn faint behind it.
            float score = d + 100.0f * glm::distance(eye, s.position);
            if (d < reach && score < bestScore) {
                bestScore = score;
                best = &s;
                bestLine = &g;
                bestPx = *px;
            }
        }
    }
    if (!best)
        return;
    std::string text = best->name + "  (" + bestLine->id + ")";
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImVec2 size = ImGui::CalcTextSize(text.c_str());
    ImVec2 p(bestPx.x + 12.0f, bestPx.y - size.y - 6.0f);
    glm::vec3 c = lineColor(context_.atlas->lines[bestLine->instance.line].id);
    dl->AddRectFilled(ImVec2(p.x - 5, p.y - 3), ImVec2(p.x + size.x + 5, p.y + size.y + 3), IM_COL32(20, 22, 28, 225),
                      4.0f);
    dl->AddRect(ImVec2(p.x - 5, p.y - 3), ImVec2(p.x + size.x + 5, p.y + size.y + 3),
                ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1.0f)), 4.0f);
    dl->AddText(p, IM_COL32(240, 240, 240, 255), text.c_str());
    dl->AddCircle(ImVec2(bestPx.x, bestPx.y), 9.0f, IM_COL32(255, 255, 255, 230), 16, 2.0f);
}

} // namespace myoatlas::app
