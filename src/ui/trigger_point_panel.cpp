#include "ui/trigger_point_panel.h"

#include "anatomy/zone_evidence.h"
#include "scene/trigger_point_markers.h"

#include "scene/options.h"

#include <algorithm>
#include <cstdio>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <map>

namespace myoatlas::ui {
namespace {

using anatomy::Side;

const char* kRegionOrder[] = {"head_neck", "shoulder_arm", "trunk", "hip_leg"};

Side sideOf(int panelSide) {
    return panelSide == 0 ? Side::Left : Side::Right;
}

std::string sideWord(Side s) {
    return std::string(anatomy::sideName(s));
}

// The side a trigger point is shown on: the requested one when the point exists there, else the one it has.
Side availableSide(const anatomy::TriggerPoint& trp, Side wanted) {
    if (trp.sides.empty() || std::find(trp.sides.begin(), trp.sides.end(), wanted) != trp.sides.end())
        return wanted;
    return trp.sides.front();
}

bool isShown(const scene::ViewState& view, const std::string& id, Side side) {
    return std::find(view.triggerPoints.begin(), view.triggerPoints.end(),
                     scene::TriggerPointRef{id, sideWord(side)}) != view.triggerPoints.end();
}

// The heat is painted on the skin: make sure it shows when a pattern is chosen.
void showSkin(const scene::ViewState& view, scene::Commands& out) {
    const auto skin = anatomy::Layer::Skin;
    const auto& layer = view.layers[index(skin)];
    if (!layer.visible)
        out.push(scene::SetLayerVisible{skin, true});
    if (layer.opacity < 0.1f)
        out.push(scene::SetLayerOpacity{skin, 0.25f});
    if (view.peel > static_cast<int>(index(skin)))
        out.push(scene::SetPeel{0});
}

void showTrp(const UiModel& model, const TrpPanelModel& heat, const anatomy::TriggerPoint& trp, Side side,
             bool additive, scene::Commands& out) {
    out.push(scene::ShowTriggerPoint{{trp.id, sideWord(side)}, additive});
    if (heat.skinHidden)
        showSkin(model.state->view, out);
}

void wrapped(const char* label, const std::string& text) {
    if (text.empty())
        return;
    ImGui::TextDisabled("%s", label);
    ImGui::TextWrapped("%s", text.c_str());
}

void drawAnimation(const TrpPanelModel& heat, TrpPanelState& st, scene::Commands& out) {
    const float em = ImGui::GetFontSize();
    if (heat.live) {
        if (ImGui::Button("Pause", ImVec2(em * 4.5f, 0)))
            out.push(scene::SetHeatTime{heat.time});
    } else if (ImGui::Button("Play", ImVec2(em * 4.5f, 0))) {
        out.push(scene::SetHeatTime{-1.0f});
    }
    ImGui::SameLine();
    if (ImGui::Button("Replay")) {
        st.replay = true;
        out.push(scene::SetHeatTime{-1.0f});
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##speed", &st.speed, 0.25f, 3.0f, "speed %.2fx");
    float t = std::min(heat.time, heat.timeRange);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##time", &t, 0.0f, heat.timeRange, "t = %.2f s"))
        out.push(scene::SetHeatTime{t}); // scrubbing freezes the animation at that time
    ImGui::Checkbox("Legend", &st.showLegend);
    ImGui::SameLine();
    ImGui::Checkbox("Grey the body under the pain map", &st.greyBody);
}

void drawDetails(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& trp) {
    const anatomy::Muscle* m = atlas.muscle(trp.muscle);
    ImGui::TextWrapped("%s", trpLabel(atlas, trp).c_str());
    if (m && !m->meshPresent)
        ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.4f, 1.0f), "Muscle mesh absent: %s", m->surrogateNote.c_str());
    wrapped("Where", trp.description);
    wrapped("Pain pattern", trp.referralNote);
    // Each zone with what attests it: the same weight sets its heat on the skin.
    for (const auto* zones : {&trp.essential, &trp.spillover})
        for (const auto& z : *zones)
            ImGui::BulletText("%s: %s (%s)", zones == &trp.essential ? "essential" : "spillover", z.label.c_str(),
                              anatomy::zoneWeight(z, trp.recall).label.c_str());
    if (m)
        wrapped("In the patient's words", m->patientSummary);
    for (const auto& id : trp.evidence)
        if (const anatomy::EvidenceCaveat* c = atlas.caveat(id)) {
            ImGui::TextColored(ImVec4(0.65f, 0.8f, 1.0f, 1.0f), "Evidence: %s", c->title.c_str());
            ImGui::TextWrapped("%s", c->text.c_str());
        }
}

void drawShown(const UiModel& model, const TrpPanelModel& heat, TrpPanelState& st, const anatomy::Atlas& atlas,
               scene::Commands& out) {
    const auto& view = model.state->view;
    if (view.triggerPoints.empty()) {
        ImGui::TextDisabled("No pattern shown: pick a trigger point below.");
        return;
    }
    for (const auto& ref : view.triggerPoints) {
        ImGui::PushID((ref.id + ref.side).c_str());
        const anatomy::TriggerPoint* trp = atlas.triggerPoint(ref.id);
        if (ImGui::SmallButton("x"))
            out.push(scene::HideTriggerPoint{ref});
        ImGui::SameLine();
        ImGui::Text("%s (%s)", trp ? trpLabel(atlas, *trp).c_str() : ref.id.c_str(), ref.side.c_str());
        if (trp && !trp->satellites.empty()) {
            ImGui::Indent();
            char label[64];
            std::snprintf(label, sizeof label, "+ %zu satellites", trp->satellites.size());
            if (ImGui::SmallButton(label)) {
                Side side = anatomy::parseSide(ref.side).value_or(Side::Right);
                for (const auto& sid : trp->satellites)
                    if (const anatomy::TriggerPoint* sat = atlas.triggerPoint(sid))
                        showTrp(model, heat, *sat, availableSide(*sat, side), true, out);
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Add the satellite points this one can activate, and their patterns");
            ImGui::SameLine();
            ImGui::Checkbox("mark satellites", &st.showSatellites);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Mark where its satellites lie (also shown while its muscle is selected)");
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    if (ImGui::SmallButton("Clear patterns"))
        out.push(scene::ClearTriggerPoints{});
    const auto& last = view.triggerPoints.back();
    if (const anatomy::TriggerPoint* trp = atlas.triggerPoint(last.id)) {
        ImGui::Separator();
        drawDetails(atlas, *trp);
    }
}

void drawTrpButtons(const UiModel& model, const TrpPanelModel& heat, TrpPanelState& st, const anatomy::Atlas& atlas,
                    const std::string& muscleId, Side side, scene::Commands& out, std::string_view needle = {}) {
    const anatomy::Muscle* muscle = atlas.muscle(muscleId);
    // A search that names the muscle lists all its points; one that names a point lists that point.
    const bool all = needle.empty() || (muscle && (scene::toLower(muscle->name).find(needle) != std::string::npos ||
                                                   scene::toLower(muscle->id).find(needle) != std::string::npos));
    for (const anatomy::TriggerPoint* trp : atlas.triggerPointsOf(muscleId)) {
        if (!all && !trpMatches(atlas, *trp, needle))
            continue;
        Side s = availableSide(*trp, side);
        ImGui::PushID(trp->id.c_str());
        bool shown = isShown(model.state->view, trp->id, s);
        if (ImGui::Selectable(trpLabel(atlas, *trp).c_str(), shown)) {
            bool additive = st.combine || ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeyShift;
            if (shown && additive)
                out.push(scene::HideTriggerPoint{{trp->id, sideWord(s)}});
            else
                showTrp(model, heat, *trp, s, additive, out);
            st.focusMuscle = muscleId;
        }
        if (ImGui::IsItemHovered() && !trp->description.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextUnformatted(trp->description.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
}

void drawSelected(const UiModel& model, const TrpPanelModel& heat, TrpPanelState& st, const anatomy::Atlas& atlas,
                  scene::Commands& out) {
    if (heat.selectedMuscles.empty())
        return;
    for (const auto& sm : heat.selectedMuscles) {
        const anatomy::Muscle* m = atlas.muscle(sm.id);
        if (!m)
            continue;
        ImGui::PushID(sm.id.c_str());
        ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.35f, 1.0f), "Selected: %s (%s)", m->name.c_str(),
                           sideWord(sm.side).c_str());
        ImGui::Indent();
        drawTrpButtons(model, heat, st, atlas, sm.id, sm.side, out);
        ImGui::Unindent();
        ImGui::PopID();
    }
}

void drawCatalogue(const UiModel& model, const TrpPanelModel& heat, TrpPanelState& st, const anatomy::Atlas& atlas,
                   scene::Commands& out) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##trpsearch", "Search muscles and trigger points", &st.search);
    ImGui::RadioButton("Left", &st.side, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Right", &st.side, 1);
    ImGui::SameLine();
    ImGui::Checkbox("Combine patterns", &st.combine);
    const std::string needle = scene::toLower(st.search);
    std::map<std::string, std::vector<const anatomy::Muscle*>> byRegion;
    for (const auto& m : atlas.muscles)
        byRegion[m.region].push_back(&m);
    if (!ImGui::BeginChild("##trplist", ImVec2(0, ImGui::GetFontSize() * 16), true))
        return ImGui::EndChild();
    for (const char* region : kRegionOrder) {
        auto it = byRegion.find(region);
        if (it == byRegion.end())
            continue;
        std::vector<const anatomy::Muscle*> muscles;
        for (const anatomy::Muscle* m : it->second) {
            if (atlas.triggerPointsOf(m->id).empty())
                continue;
            bool any = needle.empty();
            for (const anatomy::TriggerPoint* trp : atlas.triggerPointsOf(m->id))
                any = any || trpMatches(atlas, *trp, needle);
            if (any)
                muscles.push_back(m);
        }
        if (muscles.empty())
            continue;
        ImGui::SetNextItemOpen(!needle.empty(), needle.empty() ? ImGuiCond_Once : ImGuiCond_Always);
        if (!ImGui::TreeNode(region, "%s", regionLabel(region).c_str()))
            continue;
        for (const anatomy::Muscle* m : muscles) {
            std::string label = m->name + (m->meshPresent ? "" : "  (no mesh)");
            if (!needle.empty())
                ImGui::SetNextItemOpen(true, ImGuiCond_Always);
            bool open = ImGui::TreeNode(m->id.c_str(), "%s", label.c_str());
            if (!m->meshPresent && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
                ImGui::TextUnformatted(m->surrogateNote.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            if (open) {
                drawTrpButtons(model, heat, st, atlas, m->id, sideOf(st.side), out, needle);
                ImGui::TreePop();
            }
        }
        ImGui::TreePop();
    }
    ImGui::EndChild();
}

void drawReverseLookup(const UiModel& model, const TrpPanelModel& heat, TrpPanelState& st, const anatomy::Atlas& atlas,
                       scene::Commands& out) {
    const auto& view = model.state->view;
    ImGui::Checkbox("It hurts here: click the body to mark pain", &st.painMode);
    ImGui::Text("%zu pain point%s", view.painPoints.size(), view.painPoints.size() == 1 ? "" : "s");
    if (!view.painPoints.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear pain"))
            out.push(scene::ClearPainPoints{});
    }
    if (view.painPoints.empty())
        return;
    if (heat.suspectsPending) {
        ImGui::TextDisabled("Ranking trigger points...");
        return;
    }
    if (heat.suspects.empty()) {
        ImGui::TextDisabled("No referral pattern covers these points.");
        return;
    }
    ImGui::TextDisabled("Possible sources (essential overlap counts more):");
    const size_t shown = std::min<size_t>(heat.suspects.size(), 8);
    for (size_t i = 0; i < shown; ++i) {
        const scene::Suspect& s = heat.suspects[i];
        const anatomy::TriggerPoint* trp = atlas.triggerPoint(s.trpId);
        ImGui::PushID(static_cast<int>(i));
        char score[32];
        std::snprintf(score, sizeof score, "%3.0f%%", s.score * 100.0f);
        ImGui::ProgressBar(s.score, ImVec2(ImGui::GetFontSize() * 3.5f, 0), score);
        ImGui::SameLine();
        std::string label = (trp ? trpLabel(atlas, *trp) : s.trpId) + " (" + s.side + ")";
        Side side = anatomy::parseSide(s.side).value_or(Side::Right);
        if (ImGui::Selectable(label.c_str(), isShown(view, s.trpId, side)) && trp) {
            showTrp(model, heat, *trp, side, false, out);
            st.focusMuscle = trp->muscle;
        }
        if (ImGui::IsItemHovered()) {
            std::string why;
            for (const auto& r : s.reasons)
                why += std::string("\n") + (r.essential ? "essential: " : "spillover: ") + r.zone + " (" + r.evidence +
                       ")";
            ImGui::SetTooltip("%u pain point(s) in the essential zone, %u in the spillover zone%s", s.essentialHits,
                              s.spilloverHits, why.c_str());
        }
        ImGui::PopID();
    }
}

} // namespace

std::string regionLabel(std::string_view region) {
    if (region == "head_neck")
        return "Head and neck";
    if (region == "shoulder_arm")
        return "Shoulder and arm";
    if (region == "trunk")
        return "Trunk";
    if (region == "hip_leg")
        return "Hip and leg";
    return std::string(region);
}

std::string trpLabel(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& trp) {
    return scene::trpLabel(atlas, trp);
}

bool trpMatches(const anatomy::Atlas& atlas, const anatomy::TriggerPoint& trp, std::string_view needle) {
    if (needle.empty())
        return true;
    const std::string n = scene::toLower(needle);
    const anatomy::Muscle* m = atlas.muscle(trp.muscle);
    for (const std::string* s : {&trp.id, &trp.name, &trp.muscle, m ? &m->name : &trp.muscle})
        if (scene::toLower(*s).find(n) != std::string::npos)
            return true;
    return false;
}

void drawTriggerPointPanel(const UiModel& model, const TrpPanelModel& heat, TrpPanelState& st, scene::Commands& out) {
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Right column, under the selection panel.
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - em * 23.5f, vp->Pos.y + em * 17.0f),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(em * 23, std::max(em * 12.0f, vp->Size.y - em * 17.5f)), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Trigger points", &st.show)) {
        if (!heat.atlas) {
            ImGui::TextWrapped("The atlas did not load, so trigger points are off: %s", heat.atlasError.c_str());
            ImGui::End();
            return;
        }
        const anatomy::Atlas& atlas = *heat.atlas;
        if (heat.skinHidden && !model.state->view.triggerPoints.empty()) {
            ImGui::TextColored(ImVec4(1.0f, 0.7f, 0.3f, 1.0f), "The pain map is painted on the skin, which is hidden.");
            if (ImGui::SmallButton("Show skin"))
                showSkin(model.state->view, out);
        }
        if (heat.preparing)
            ImGui::TextDisabled("Preparing the skin surface...");
        if (ImGui::CollapsingHeader("Referred pain", ImGuiTreeNodeFlags_DefaultOpen)) {
            drawShown(model, heat, st, atlas, out);
            drawAnimation(heat, st, out);
        }
        if (ImGui::CollapsingHeader("Trigger points by muscle", ImGuiTreeNodeFlags_DefaultOpen)) {
            drawSelected(model, heat, st, atlas, out);
            drawCatalogue(model, heat, st, atlas, out);
        }
        if (ImGui::CollapsingHeader("Where does this pain come from?", ImGuiTreeNodeFlags_DefaultOpen))
            drawReverseLookup(model, heat, st, atlas, out);
    }
    ImGui::End();
}

namespace {

// Where the legend goes: a bottom corner no panel covers (the preferred one first), else at the bottom beside the
// left or the right column of panels, else the preferred corner. Panels are where the user left them, so they are
// read from ImGui's windows of the last frame.
void placeLegend(bool preferLeft) {
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGuiContext& g = *GImGui;
    ImVec2 size(em * 19.0f, em * 8.0f); // until it has been drawn once
    std::vector<ImRect> panels;
    for (ImGuiWindow* w : g.Windows) {
        if (std::string_view(w->Name) == kHeatLegendWindow) {
            if (w->Size.x > 0.0f)
                size = w->Size;
            continue;
        }
        if (!w->WasActive || w->Hidden ||
            (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup |
                         ImGuiWindowFlags_MenuBar)))
            continue;
        panels.push_back(w->Rect());
    }
    const float bottom = vp->Pos.y + vp->Size.y - em * 0.5f;
    const float leftX = vp->Pos.x + em * 0.5f, rightX = vp->Pos.x + vp->Size.x - em * 0.5f;
    // The columns' inner edges along the bottom band.
    float leftColumn = vp->Pos.x, rightColumn = vp->Pos.x + vp->Size.x;
    const ImRect band(ImVec2(vp->Pos.x, bottom - size.y), ImVec2(vp->Pos.x + vp->Size.x, bottom));
    for (const ImRect& r : panels) {
        if (!r.Overlaps(band))
            continue;
        if (r.GetCenter().x < vp->Pos.x + vp->Size.x * 0.5f)
            leftColumn = std::max(leftColumn, r.Max.x);
        else
            rightColumn = std::min(rightColumn, r.Min.x);
    }
    struct Spot {
        float x;
        bool anchorLeft;
    };
    const Spot corners[2] = {{preferLeft ? leftX : rightX, preferLeft}, {preferLeft ? rightX : leftX, !preferLeft}};
    const Spot beside[2] = {{leftColumn + em * 0.5f, true}, {rightColumn - em * 0.5f, false}};
    auto rectOf = [&](const Spot& s) {
        const float x0 = s.anchorLeft ? s.x : s.x - size.x;
        return ImRect(ImVec2(x0, bottom - size.y), ImVec2(x0 + size.x, bottom));
    };
    auto free = [&](const Spot& s) {
        const ImRect r = rectOf(s);
        if (r.Min.x < vp->Pos.x || r.Max.x > vp->Pos.x + vp->Size.x)
            return false;
        return std::none_of(panels.begin(), panels.end(), [&](const ImRect& p) { return p.Overlaps(r); });
    };
    Spot chosen = corners[0];
    for (const Spot& s : {corners[0], corners[1], beside[preferLeft ? 0 : 1], beside[preferLeft ? 1 : 0]})
        if (free(s)) {
            chosen = s;
            break;
        }
    ImGui::SetNextWindowPos(ImVec2(chosen.x, bottom), ImGuiCond_Always, ImVec2(chosen.anchorLeft ? 0.0f : 1.0f, 1.0f));
}

} // namespace

void drawHeatLegend(const TrpPanelState& st, bool left) {
    (void)st;
    const float em = ImGui::GetFontSize();
    placeLegend(left);
    ImGui::SetNextWindowBgAlpha(0.8f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoMove;
    if (ImGui::Begin(kHeatLegendWindow, nullptr, flags)) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float sw = em * 1.6f;
        auto swatch = [&](ImU32 fill, ImU32 rim, bool round) {
            ImVec2 p = ImGui::GetCursorScreenPos();
            if (round) {
                ImVec2 c(p.x + sw * 0.5f, p.y + em * 0.5f);
                dl->AddCircleFilled(c, em * 0.5f, rim);
                dl->AddCircleFilled(c, em * 0.36f, fill);
            } else {
                dl->AddRectFilled(p, ImVec2(p.x + sw, p.y + em), fill, em * 0.2f);
            }
            ImGui::Dummy(ImVec2(sw, em));
            ImGui::SameLine();
        };
        for (const scene::LegendEntry& e : scene::heatLegend()) {
            // Shown over a mid-grey as the skin would be: the swatch carries the coverage too.
            glm::vec4 c = e.color;
            glm::vec3 rgb = glm::vec3(0.62f) * (1.0f - c.a) + glm::vec3(c) * c.a;
            swatch(ImGui::GetColorU32(ImVec4(rgb.r, rgb.g, rgb.b, 1.0f)), 0, false);
            ImGui::TextUnformatted(std::string(e.label).c_str());
        }
        swatch(IM_COL32(255, 250, 200, 255), IM_COL32(20, 20, 25, 255), true);
        ImGui::TextUnformatted("Trigger point shown");
        swatch(IM_COL32(120, 235, 255, 255), IM_COL32(20, 20, 25, 255), true);
        ImGui::TextUnformatted("Other trigger points / satellites");
        swatch(IM_COL32(110, 140, 255, 255), IM_COL32(20, 20, 25, 255), true);
        ImGui::TextUnformatted("Pain you marked");
    }
    ImGui::End();
}

} // namespace myoatlas::ui
