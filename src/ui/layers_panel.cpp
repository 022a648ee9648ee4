#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace myoatlas::ui {

void drawLayersPanel(const UiModel& model, scene::Commands& out) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(em * 0.5f, em * 2.2f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(em * 21, em * 15), ImGuiCond_FirstUseEver);
    if (beginShellPanel("Layers", model.shell(), scene::ShellFlag::LayersPanel, out)) {
        const auto& view = model.state->view;
        // Peel: hide layers from the outside in.
        int peel = view.peel;
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderInt("##peel", &peel, 0, static_cast<int>(anatomy::kLayerCount) - 1,
                             peel == 0 ? "Peel: nothing removed" : "Peel: %d outer layers removed"))
            out.push(scene::SetPeel{peel});
        ImGui::Separator();
        for (auto layer : anatomy::kAllLayers) {
            ImGui::PushID(static_cast<int>(index(layer)));
            const auto& setting = view.layers[index(layer)];
            bool visible = setting.visible;
            bool peeled = static_cast<int>(index(layer)) < view.peel;
            if (ImGui::Checkbox("##visible", &visible))
                out.push(scene::SetLayerVisible{layer, visible});
            ImGui::SameLine();
            size_t count = model.body->countInLayer(layer);
            ImGui::BeginDisabled(peeled || count == 0);
            ImGui::SetNextItemWidth(em * 6);
            float opacity = setting.opacity;
            if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "%.2f"))
                out.push(scene::SetLayerOpacity{layer, opacity});
            ImGui::EndDisabled();
            ImGui::SameLine();
            if (layer == anatomy::Layer::Fascia && model.fasciaPending)
                ImGui::TextDisabled("%s (being generated...)", std::string(anatomy::layerLabel(layer)).c_str());
            else
                ImGui::Text("%s (%zu)", std::string(anatomy::layerLabel(layer)).c_str(), count);
            ImGui::PopID();
        }
        ImGui::Separator();
        if (ImGui::Button("Reset layers"))
            out.push(scene::ResetLayers{});
        ImGui::SameLine();
        if (ImGui::Button("Show all"))
            out.push(scene::ShowAll{});
    }
    ImGui::End();
}

} // namespace myoatlas::ui
