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
namespace {

using anatomy::Side;

constexpr float kPi = 3.14159265f;

std::string_view suffixOf(Side side) {
    return side == Side::Left ? "_left" : "_right";
}

// A UV sphere (outward normals, counter-clockwise from outside).
geometry::Mesh sphere(const glm::vec3& centre, float radius, int rings = 10, int segments = 16) {
    geometry::Mesh m;
    for (int r = 0; r <= rings; ++r) {
        float v = kPi * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s <= segments; ++s) {
            float u = 2.0f * kPi * static_cast<float>(s) / static_cast<float>(segments);
            glm::vec3 n(std::sin(v) * std::cos(u), std::cos(v), std::sin(v) * std::sin(u));
            m.positions.push_back(centre + radius * n);
            m.normals.push_back(n);
        }
    }
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            auto a = static_cast<uint32_t>(r * (segments + 1) + s), b = a + static_cast<uint32_t>(segments + 1);
            m.indices.insert(m.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
        }
    return m;
}

nlohmann::json vec(const glm::vec3& p) {
    return {p.x, p.y, p.z};
}

} // namespace

std::vector<LineInstance> parseLineId(const anatomy::Atlas& atlas, std::string_view id) {
    for (size_t i = 0; i < atlas.lines.size(); ++i) {
        const std::string& base = atlas.lines[i].id;
        if (id == base)
            return {{i, Side::Right}, {i, Side::Left}};
        for (Side s : {Side::Right, Side::Left})
            if (id.size() == base.size() + suffixOf(s).size() && id.starts_with(base) && id.ends_with(suffixOf(s)))
                return {{i, s}};
    }
    return {};
}

std::string lineInstanceId(const anatomy::FascialLine& line, Side side) {
    return line.id + std::string(suffixOf(side));
}

glm::vec3 lineColor(std::string_view id) {
    struct Entry {
        std::string_view id;
        glm::vec3 color;
    };
    // Saturated and light enough to read on a washed-out projector; none near muscle red or skin beige.
    static const Entry kColors[] = {
        {"SBL", {0.15f, 0.55f, 1.00f}},  {"SFL", {1.00f, 0.82f, 0.10f}},  {"LL", {0.20f, 0.85f, 0.35f}},
        {"SPL", {1.00f, 0.50f, 0.75f}},  {"SFAL", {1.00f, 0.55f, 0.05f}}, {"DFAL", {0.10f, 0.85f, 0.90f}},
        {"SBAL", {0.65f, 0.45f, 1.00f}}, {"DBAL", {0.70f, 0.95f, 0.20f}}, {"BFL", {0.20f, 0.70f, 0.60f}},
        {"FFL", {1.00f, 0.95f, 0.60f}},  {"IFL", {0.60f, 0.78f, 1.00f}},  {"DFL", {0.85f, 0.25f, 0.95f}},
    };
    for (const Entry& e : kColors)
        if (e.id == id)
            return e.color;
    return {1.0f, 1.0f, 1.0f};
}

namespace {

geometry::LineWaypoint::Route routeOf(anatomy::TrackRoute r) {
    switch (r) {
    case anatomy::TrackRoute::Centreline:
        return geometry::LineWaypoint::Route::Centreline;
    case anatomy::TrackRoute::Surface:
        return geometry::LineWaypoint::Route::Surface;
    case anatomy::TrackRoute::Auto:
        break;
    }
    return geometry::LineWaypoint::Route::Auto;
}

// Where one branch's path meets each of its waypoints, searched forward from the previous one: the path builder's
// own visit estimates assume arc lengths that pinning a far station can shift by several centimetres.
// target: per waypoint, >= 0 a station index, < 0 a track (-1 - index).
void placeOnBranch(LineGeometry& g, size_t branch, const std::vector<int>& target) {
    const LineBranch& b = g.branches[branch];
    const auto& pts = b.path.points;
    const auto& arc = b.path.arcLength;
    if (pts.size() < 2)
        return;
    auto closestFrom = [&](const glm::vec3& q, float from, float to) {
        auto lo = static_cast<size_t>(std::lower_bound(arc.begin(), arc.end(), from) - arc.begin());
        auto hi = static_cast<size_t>(std::upper_bound(arc.begin(), arc.end(), to) - arc.begin());
        lo = std::min(lo, pts.size() - 1);
        hi = std::clamp(hi, lo + 1, pts.size());
        geometry::PolylinePoint c = geometry::closestPointOnPolyline(std::span(pts).subspan(lo, hi - lo), q);
        c.arcLength += arc[lo];
        return c;
    };
    float cursor = 0.0f; // the last station's arc length: stations are pinned, so they anchor the search
    for (size_t k = 0; k < b.path.visits.size() && k < target.size(); ++k) {
        const geometry::WaypointVisit& v = b.path.visits[k];
        float horizon = std::max(v.end, cursor) + 0.3f; // generous: the estimates drift by centimetres, not metres
        if (target[k] >= 0) {
            auto& st = g.stations[static_cast<size_t>(target[k])];
            geometry::PolylinePoint c = closestFrom(st.position, cursor, horizon);
            st.arcLength = b.offset + c.arcLength;
            st.distance = c.distance;
            cursor = c.arcLength;
            continue;
        }
        auto& tr = g.tracks[static_cast<size_t>(-1 - target[k])];
        tr.route = v.route;
        if (v.centreline.empty())
            continue;
        float begin = closestFrom(v.centreline.front(), cursor, horizon).arcLength;
        float end = std::max(begin, closestFrom(v.centreline.back(), begin, horizon + 0.3f).arcLength);
        tr.begin = b.offset + begin;
        tr.end = b.offset + end;
        tr.distance = 0.0f;
        for (const glm::vec3& c : v.centreline)
            tr.distance = std::max(tr.distance, closestFrom(c, begin - 0.05f, end + 0.05f).distance);
    }
}

} // namespace

LinePlan planLine(const anatomy::Body& body, anatomy::AtlasResolver& resolver, const anatomy::Atlas& atlas,
                  LineInstance instance) {
    const anatomy::FascialLine& line = atlas.lines.at(instance.line);
    LinePlan plan;
    LineGeometry& g = plan.line;
    g.id = lineInstanceId(line, instance.side);
    g.instance = instance;
    anatomy::ResolvedLine resolved = resolver.line(line, instance.side);
    auto& pending = plan.branches;
    auto& order = plan.order;
    pending.resize(1);
    for (size_t i = 0; i < resolved.elements.size(); ++i) {
        const anatomy::ResolvedLineElement& e = resolved.elements[i];
        const anatomy::LineElement& spec = line.elements.at(i);
        if (spec.branch && !pending.back().waypoints.empty())
            pending.emplace_back();
        LinePlan::Branch& p = pending.back();
        size_t branch = pending.size() - 1;
        if (e.station) {
            if (!e.ok)
                continue;
            order.push_back(static_cast<int>(g.stations.size()));
            p.target.push_back(static_cast<int>(g.stations.size()));
            g.stations.push_back({e.name, e.position, branch, 0.0f, 0.0f});
            p.waypoints.push_back(geometry::LineWaypoint::station(e.position));
            continue;
        }
        LineTrack t;
        t.name = e.name;
        t.structures = e.structures;
        t.drawn = !e.structures.empty();
        t.branch = branch;
        if (t.drawn) {
            std::vector<const geometry::Mesh*> meshes;
            for (uint32_t s : e.structures)
                meshes.push_back(&body.meshes[s]);
            p.target.push_back(-1 - static_cast<int>(g.tracks.size()));
            p.waypoints.push_back(geometry::LineWaypoint::track(std::move(meshes), routeOf(spec.route)));
        }
        order.push_back(-1 - static_cast<int>(g.tracks.size()));
        g.tracks.push_back(std::move(t));
    }
    if (pending.back().waypoints.empty() && pending.size() > 1)
        pending.pop_back();
    return plan;
}

LineGeometry buildPlannedLine(LinePlan plan) {
    LineGeometry g = std::move(plan.line);
    const auto& pending = plan.branches;
    const auto& order = plan.order;
    for (size_t b = 0; b < pending.size(); ++b) {
        LineBranch branch;
        branch.path = geometry::buildLinePath(pending[b].waypoints);
        branch.offset = g.length;
        g.length += branch.path.length;
        g.branches.push_back(std::move(branch));
        placeOnBranch(g, b, pending[b].target);
    }
    // A track with no mesh (drawn straight) spans from the record before it to the record after it on its branch.
    struct Span {
        size_t branch;
        float begin, end;
        bool placed; // a station, or a drawn track
    };
    auto spanOf = [&](int r) {
        if (r >= 0) {
            const LineStation& st = g.stations[static_cast<size_t>(r)];
            return Span{st.branch, st.arcLength, st.arcLength, true};
        }
        const LineTrack& t = g.tracks[static_cast<size_t>(-1 - r)];
        return Span{t.branch, t.begin, t.end, t.drawn};
    };
    for (size_t i = 0; i < order.size(); ++i) {
        if (spanOf(order[i]).placed)
            continue;
        LineTrack& t = g.tracks[static_cast<size_t>(-1 - order[i])];
        const LineBranch& b = g.branches[std::min(t.branch, g.branches.size() - 1)];
        t.begin = b.offset;
        t.end = b.offset + b.path.length;
        for (size_t j = i; j-- > 0;)
            if (Span sp = spanOf(order[j]); sp.placed && sp.branch == t.branch) {
                t.begin = sp.end;
                break;
            }
        for (size_t j = i + 1; j < order.size(); ++j)
            if (Span sp = spanOf(order[j]); sp.placed && sp.branch == t.branch) {
                t.end = sp.begin;
                break;
            }
        t.end = std::max(t.begin, t.end);
    }
    return g;
}

LineGeometry buildLineGeometry(const anatomy::Body& body, anatomy::AtlasResolver& resolver, const anatomy::Atlas& atlas,
                               LineInstance instance) {
    return buildPlannedLine(planLine(body, resolver, atlas, instance));
}

std::vector<render::OverlayMesh> lineOverlays(const LineGeometry& line, const LineStyle& style) {
    std::vector<render::OverlayMesh> out;
    geometry::TubeOptions to;
    to.radius = style.tubeRadius;
    to.sides = 12;
    render::OverlayMesh o; // every branch in one overlay; the flow runs on the line's arc length
    for (const LineBranch& b : line.branches) {
        geometry::TubeMesh tube = geometry::buildTube(b.path.points, to);
        if (tube.mesh.indices.empty())
            continue;
        for (float s : tube.arcLength)
            o.params.push_back(b.offset + s);
        o.mesh.append(tube.mesh);
    }
    if (!o.mesh.indices.empty()) {
        o.colors.assign(o.mesh.vertexCount(), glm::vec4(style.color, 1.0f));
        o.flowSpeed = style.flowSpeed;
        o.flowWavelength = style.flowWavelength;
        o.onTop = true; // the line runs inside its muscles: it must read through them
        out.push_back(std::move(o));
    }
    if (!line.stations.empty()) {
        render::OverlayMesh m;
        for (const LineStation& s : line.stations)
            m.mesh.append(sphere(s.position, style.markerRadius));
        glm::vec3 light = glm::mix(style.color, glm::vec3(1.0f), 0.55f);
        m.colors.assign(m.mesh.vertexCount(), glm::vec4(light, 1.0f));
        m.onTop = true;
        out.push_back(std::move(m));
    }
    return out;
}

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
