#include "ui/panels.h"
#include "ui/widgets.h"

#include "scene/options.h"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <vector>

namespace myoatlas::ui {
namespace {

struct Entry {
    uint32_t structure; // first member when it stands for a whole muscle
    const std::string* label;
    bool selected;
    float score = 0.0f; // study search rank; 0 without a query
};

// The structures the study search finds for the query, each with the score of the best result naming it: "glute
// med", "IT band" or "rotator cuff" find their meshes as the study panel does. Recomputed when the query changes.
void rank(const scene::StudyIndex& index, UiState& ui) {
    if (ui.rankedFor == ui.search)
        return;
    ui.rankedFor = ui.search;
    ui.ranked.clear();
    for (const auto& r : index.find(ui.search, 60))
        for (uint32_t s : index.structuresOf(r)) {
            auto it = std::find_if(ui.ranked.begin(), ui.ranked.end(), [&](const auto& p) { return p.first == s; });
            if (it == ui.ranked.end())
                ui.ranked.emplace_back(s, r.score);
            else
                it->second = std::max(it->second, r.score);
        }
}

float rankOf(const UiState& ui, uint32_t s) {
    for (const auto& [structure, score] : ui.ranked)
        if (structure == s)
            return score;
    return 0.0f;
}

const char* kSideLabels[] = {"Left", "Right", "Midline"};

} // namespace

void drawBrowserPanel(const UiModel& model, UiState& ui, scene::Commands& out) {
    const float em = ImGui::GetFontSize();
    const auto& body = *model.body;
    const auto& view = model.state->view;
    ImGui::SetNextWindowPos(ImVec2(em * 0.5f, em * 18), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(em * 21, em * 24), ImGuiCond_FirstUseEver);
    if (beginShellPanel("Structures", model.shell(), scene::ShellFlag::BrowserPanel, out)) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##search", "Search (e.g. glute med, SCM, IT band)", &ui.search);
        const float comboWidth = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
        ImGui::SetNextItemWidth(comboWidth);
        std::string layerPreview = ui.layerFilter < 0
                                       ? "All layers"
                                       : std::string(anatomy::layerLabel(static_cast<anatomy::Layer>(ui.layerFilter)));
        if (ImGui::BeginCombo("##layer", layerPreview.c_str())) {
            if (ImGui::Selectable("All layers", ui.layerFilter < 0))
                ui.layerFilter = -1;
            for (auto l : anatomy::kAllLayers)
                if (ImGui::Selectable(std::string(anatomy::layerLabel(l)).c_str(),
                                      ui.layerFilter == static_cast<int>(index(l))))
                    ui.layerFilter = static_cast<int>(index(l));
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(comboWidth);
        std::string regionPreview =
            ui.regionFilter < 0 ? "All regions"
                                : std::string(anatomy::regionName(static_cast<anatomy::Region>(ui.regionFilter)));
        if (ImGui::BeginCombo("##region", regionPreview.c_str())) {
            if (ImGui::Selectable("All regions", ui.regionFilter < 0))
                ui.regionFilter = -1;
            for (int r = 0; r < static_cast<int>(anatomy::kRegionCount); ++r)
                if (ImGui::Selectable(std::string(anatomy::regionName(static_cast<anatomy::Region>(r))).c_str(),
                                      ui.regionFilter == r))
                    ui.regionFilter = r;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(comboWidth);
        if (ImGui::BeginCombo("##side", ui.sideFilter < 0 ? "Both sides" : kSideLabels[ui.sideFilter])) {
            if (ImGui::Selectable("Both sides", ui.sideFilter < 0))
                ui.sideFilter = -1;
            for (int s = 0; s < 3; ++s)
                if (ImGui::Selectable(kSideLabels[s], ui.sideFilter == s))
                    ui.sideFilter = s;
            ImGui::EndCombo();
        }
        ImGui::Checkbox("Whole muscles", &ui.groupWholeMuscles);

        std::string needle = scene::toLower(ui.search);
        const bool ranked = model.search && !needle.empty();
        if (ranked)
            rank(*model.search, ui);
        std::vector<Entry> entries;
        std::vector<bool> groupListed(body.groups.size(), false);
        for (uint32_t i = 0; i < body.size(); ++i) {
            const auto& s = body.structures[i];
            if (ui.layerFilter >= 0 && static_cast<int>(index(s.layer)) != ui.layerFilter)
                continue;
            if (ui.regionFilter >= 0 && static_cast<int>(s.region) != ui.regionFilter)
                continue;
            if (ui.sideFilter >= 0 && static_cast<int>(s.side) != ui.sideFilter)
                continue;
            const std::string* label = &s.name;
            if (ui.groupWholeMuscles && s.group >= 0) {
                auto g = static_cast<size_t>(s.group);
                if (groupListed[g])
                    continue;
                groupListed[g] = true;
                label = &body.groups[g].name;
            }
            float score = 0.0f;
            if (ranked) {
                score = rankOf(ui, i);
                if (ui.groupWholeMuscles && s.group >= 0)
                    for (uint32_t m : body.groups[static_cast<size_t>(s.group)].members)
                        score = std::max(score, rankOf(ui, m));
                if (score <= 0.0f)
                    continue;
            } else if (!needle.empty() && scene::toLower(*label).find(needle) == std::string::npos &&
                       scene::toLower(s.name).find(needle) == std::string::npos) {
                continue;
            }
            entries.push_back({i, label, view.isSelected(i), score});
        }
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            return a.score != b.score ? a.score > b.score : *a.label < *b.label;
        });
        ImGui::TextDisabled("%zu shown", entries.size());
        if (ImGui::BeginChild("##list")) {
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(entries.size()));
            while (clipper.Step()) {
                for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                    const Entry& e = entries[static_cast<size_t>(row)];
                    ImGui::PushID(static_cast<int>(e.structure));
                    if (ImGui::Selectable(e.label->c_str(), e.selected, ImGuiSelectableFlags_AllowDoubleClick)) {
                        bool additive = ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeyShift;
                        out.push(scene::SelectStructure{e.structure, additive, ui.groupWholeMuscles});
                        ui.browserPicked = true;
                        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                            out.push(scene::FrameSelection{scene::kFlySeconds});
                    }
                    ImGui::PopID();
                }
            }
        }
        ImGui::EndChild();
    }
    ImGui::End();
}

} // namespace myoatlas::ui
