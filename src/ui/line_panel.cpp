#include "ui/line_panel.h"

#include "ui/widgets.h"

#include <cstdio>
#include <imgui.h>

namespace myoatlas::ui {

std::vector<LinePanelEntry> lineEntries(const anatomy::Atlas& atlas, const std::vector<std::string>& shownIds,
                                        const scene::LineSet& lines) {
    std::vector<LinePanelEntry> entries;
    for (size_t i = 0; i < atlas.lines.size(); ++i) {
        const anatomy::FascialLine& l = atlas.lines[i];
        LinePanelEntry e;
        e.id = l.id;
        e.name = l.name;
        e.order = l.order;
        e.function = l.function;
        e.evidenceNote = l.evidenceNote;
        e.wilke2016 = l.wilke2016;
        e.compensations = l.compensations;
        e.paired = l.paired;
        e.color = scene::lineColor(l.id);
        for (const anatomy::LineElement& el : l.elements)
            e.route.push_back((el.station ? "station: " : "track: ") + el.name);
        for (const std::string& id : shownIds)
            for (const scene::LineInstance& in : scene::parseLineId(atlas, id))
                if (in.line == i)
                    (in.side == anatomy::Side::Left ? e.shownLeft : e.shownRight) = true;
        if (const scene::LineGeometry* g = lines.geometry(scene::lineInstanceId(l, anatomy::Side::Right)))
            e.lengthRight = g->length;
        if (const scene::LineGeometry* g = lines.geometry(scene::lineInstanceId(l, anatomy::Side::Left)))
            e.lengthLeft = g->length;
        entries.push_back(std::move(e));
    }
    return entries;
}
namespace {

void swatch(const glm::vec3& c) {
    ImVec4 col(c.r, c.g, c.b, 1.0f);
    ImGui::ColorButton("##swatch", col, ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoPicker,
                       ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
}

void wrapped(const char* label, const std::string& text) {
    if (text.empty())
        return;
    ImGui::TextDisabled("%s", label);
    ImGui::TextWrapped("%s", text.c_str());
}

void details(const LinePanelEntry& e) {
    ImGui::Separator();
    swatch(e.color);
    ImGui::SameLine();
    ImGui::Text("%s (%s)", e.name.c_str(), e.id.c_str());
    if (!e.order.empty())
        ImGui::TextDisabled("runs %s", e.order.c_str());
    char len[96] = "";
    if (e.lengthRight > 0.0f && e.lengthLeft > 0.0f)
        std::snprintf(len, sizeof(len), "path length: right %.2f m, left %.2f m", e.lengthRight, e.lengthLeft);
    else if (e.lengthRight > 0.0f || e.lengthLeft > 0.0f)
        std::snprintf(len, sizeof(len), "path length: %.2f m", e.lengthRight > 0.0f ? e.lengthRight : e.lengthLeft);
    if (len[0] != '\0')
        ImGui::TextDisabled("%s", len);
    if (!e.route.empty() && ImGui::TreeNode("Stations and tracks")) {
        for (size_t i = 0; i < e.route.size(); ++i)
            bulletWrapped(e.route[i]);
        ImGui::TreePop();
    }
    wrapped("Function", e.function);
    if (!e.compensations.empty()) {
        ImGui::TextDisabled("Common compensations");
        for (const auto& c : e.compensations)
            bulletWrapped(c);
    }
    wrapped("Evidence (dissection support)", e.evidenceNote);
    wrapped("Wilke et al. 2016", e.wilke2016);
}

} // namespace

void emitLineSides(const std::string& id, bool left, bool right, scene::Commands& out) {
    for (const std::string& v : {id, id + "_left", id + "_right"})
        out.push(scene::ShowLine{v, false, false});
    if (left && right)
        out.push(scene::ShowLine{id, true, false});
    else if (left)
        out.push(scene::ShowLine{id + "_left", true, false});
    else if (right)
        out.push(scene::ShowLine{id + "_right", true, false});
}

void drawLinePanel(std::span<const LinePanelEntry> entries, LinePanelState& state, scene::Commands& out) {
    if (!state.open)
        return;
    // Between the left column (layers, structures) and the right one (selection, trigger points).
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(em * 22.0f, em * 2.2f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(em * 22.0f, em * 30.0f), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Anatomy Trains", &state.open)) {
        if (entries.empty())
            ImGui::TextWrapped("The atlas did not load: no lines to show.");
        ImGui::Checkbox("Dim all but the track muscles", &state.dimOthers);
        if (ImGui::SmallButton("Hide all lines"))
            for (const auto& e : entries)
                emitLineSides(e.id, false, false, out);
        ImGui::Separator();
        for (size_t i = 0; i < entries.size(); ++i) {
            const LinePanelEntry& e = entries[i];
            ImGui::PushID(static_cast<int>(i));
            swatch(e.color);
            ImGui::SameLine();
            if (e.paired) {
                bool left = e.shownLeft, right = e.shownRight;
                bool changed = ImGui::Checkbox("R", &right);
                ImGui::SameLine();
                changed = ImGui::Checkbox("L", &left) || changed;
                if (changed)
                    emitLineSides(e.id, left, right, out);
            } else {
                bool both = e.shownLeft || e.shownRight;
                if (ImGui::Checkbox("##both", &both))
                    emitLineSides(e.id, both, both, out);
            }
            ImGui::SameLine();
            std::string label = e.id + "  " + e.name;
            if (ImGui::Selectable(label.c_str(), state.focused == static_cast<int>(i))) {
                state.focused = state.focused == static_cast<int>(i) ? -1 : static_cast<int>(i);
                if (state.focused >= 0 && !e.shownLeft && !e.shownRight)
                    emitLineSides(e.id, true, true, out);
            }
            ImGui::PopID();
        }
        if (state.focused >= 0 && state.focused < static_cast<int>(entries.size()))
            details(entries[static_cast<size_t>(state.focused)]);
        else
            ImGui::TextDisabled("Click a line's name for its description.");
    }
    ImGui::End();
}

} // namespace myoatlas::ui
