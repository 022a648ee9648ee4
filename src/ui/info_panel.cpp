#include "ui/panels.h"
#include "ui/widgets.h"

#include "scene/key_map.h"

#include <algorithm>
#include <imgui.h>

namespace myoatlas::ui {

void drawInfoPanel(const UiModel& model, UiState& /*ui*/, scene::Commands& out) {
    const float em = ImGui::GetFontSize();
    const auto& body = *model.body;
    const auto& view = model.state->view;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - em * 0.5f, vp->Pos.y + em * 2.2f), ImGuiCond_FirstUseEver,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(em * 23, em * 14.3f), ImGuiCond_FirstUseEver);
    if (beginShellPanel("Selection", model.shell(), scene::ShellFlag::InfoPanel, out)) {
        if (view.selection.empty()) {
            ImGui::TextWrapped("Click a structure on the body or in the list to see what it is.");
        } else {
            const auto& first = body.structures[view.selection.front()];
            const std::string& title =
                first.group >= 0 ? body.groups[static_cast<size_t>(first.group)].name : first.name;
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(title.c_str());
            ImGui::PopTextWrapPos();
            if (ImGui::Button("Frame"))
                out.push(scene::FrameSelection{scene::kFlySeconds});
            ImGui::SameLine();
            if (ImGui::Button("Isolate"))
                out.push(scene::IsolateSelection{});
            ImGui::SameLine();
            if (ImGui::Button("Hide"))
                out.push(scene::HideSelection{});
            ImGui::SameLine();
            if (ImGui::Button("Clear"))
                out.push(scene::ClearSelection{});
            ImGui::Separator();
            if (ImGui::BeginTable("##facts", 2, ImGuiTableFlags_SizingStretchProp)) {
                auto row = [](const char* k, const std::string& v) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextDisabled("%s", k);
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", v.c_str());
                };
                row("Side", std::string(anatomy::sideName(first.side)));
                row("Layer", std::string(anatomy::layerLabel(first.layer)));
                row("Region", std::string(anatomy::regionName(first.region)));
                row("Tissue", std::string(anatomy::categoryName(first.category)));
                row("FMA id", first.fma);
                row("File id", first.fj);
                ImGui::EndTable();
            }
            if (view.selection.size() > 1) {
                ImGui::Separator();
                ImGui::TextDisabled("Parts (%zu)", view.selection.size());
                for (uint32_t s : view.selection) {
                    ImGui::PushID(static_cast<int>(s));
                    ImGui::BulletText("%s  (%s)", body.structures[s].name.c_str(), body.structures[s].fma.c_str());
                    ImGui::PopID();
                }
            }
        }
    }
    ImGui::End();
}

void drawHoverTooltip(const UiModel& model) {
    const auto& hovered = model.state->hovered;
    if (!hovered || ImGui::GetIO().WantCaptureMouse)
        return;
    const auto& s = model.body->structures[*hovered];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(s.group >= 0 ? model.body->groups[static_cast<size_t>(s.group)].name.c_str()
                                        : s.name.c_str());
    if (s.group >= 0)
        ImGui::TextDisabled("%s", s.name.c_str());
    ImGui::TextDisabled("%s", std::string(anatomy::layerLabel(s.layer)).c_str());
    ImGui::EndTooltip();
}

void drawAboutPanel(const UiModel& model, scene::Commands& out) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 28, 0), ImGuiCond_Appearing);
    if (beginShellPanel("About MyoAtlas", model.shell(), scene::ShellFlag::AboutPanel, out)) {
        ImGui::TextUnformatted("MyoAtlas: 3D myofascial anatomy for teaching");
        ImGui::Separator();
        ImGui::TextDisabled("Body data");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(kBodyAttribution);
        ImGui::TextUnformatted("Mitsuhashi N. et al., \"BodyParts3D: 3D structure database for anatomical concepts\", "
                               "Nucleic Acids Research 2009;37:D782-D785.");
        ImGui::TextUnformatted("Modifications: format conversion to glTF binary, rescaling to metres, axis "
                               "conversion, warping of the supplement set into the primary frame.");
        ImGui::Separator();
        ImGui::Text("Loaded from: %s", model.dataDir.c_str());
        ImGui::Text("%s", model.loadSummary.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

void drawHelpPanel(const UiModel& model, scene::Commands& out) {
    if (beginShellPanel("Keys and mouse", model.shell(), scene::ShellFlag::Help, out,
                        ImGuiWindowFlags_AlwaysAutoResize)) {
        const char* mouse[][2] = {
            {"Left drag", "orbit"},
            {"Right / middle drag", "pan"},
            {"Wheel", "zoom towards the pointer"},
            {"Click", "select (Ctrl: add)"},
        };
        if (ImGui::BeginTable("##keys", 2)) {
            for (auto& r : mouse) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r[0]);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r[1]);
            }
            // The key map itself, mode by mode: what is listed is what is bound.
            for (auto mode : {scene::InputMode::Global, scene::InputMode::Patient, scene::InputMode::Lesson,
                              scene::InputMode::Technique, scene::InputMode::Presentation}) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", std::string(scene::modeLabel(mode)).c_str());
                // Keys with the same action in the same mode share a row ("PageDown / Right / Space").
                std::vector<std::pair<scene::Action, std::string>> rows;
                for (const auto& b : scene::keyBindings()) {
                    if (b.mode != mode)
                        continue;
                    auto it = std::find_if(rows.begin(), rows.end(), [&](auto& r) { return r.first == b.action; });
                    if (it == rows.end())
                        rows.emplace_back(b.action, scene::bindingKeys(b));
                    else
                        it->second += " / " + scene::bindingKeys(b);
                }
                for (const auto& [action, keys] : rows) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(keys.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(std::string(scene::actionLabel(action)).c_str());
                }
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

} // namespace myoatlas::ui
