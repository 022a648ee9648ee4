#include "ui/loading_screen.h"

#include <cstdio>
#include <imgui.h>

namespace myoatlas::ui {

void drawLoadingScreen(const LoadingView& view) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##loading", nullptr, flags);
    const float width = vp->WorkSize.x * 0.6f;
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    ImGui::SetCursorPos(ImVec2((vp->WorkSize.x - width) * 0.5f, vp->WorkSize.y * 0.5f - 3.0f * lineH));
    ImGui::BeginGroup();
    ImGui::TextUnformatted("MyoAtlas");
    ImGui::Spacing();
    if (!view.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
        ImGui::TextUnformatted("The body could not be loaded:");
        ImGui::PopStyleColor();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(view.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::TextDisabled("Close the window, fix the data (--data DIR) and start again.");
    } else {
        ImGui::TextUnformatted(view.text.c_str());
        ImGui::ProgressBar(view.fraction, ImVec2(width, 0.0f), "");
        if (view.seconds >= 2.0) {
            char line[96];
            std::snprintf(line, sizeof line, "%.0f s; the first start builds a cache, later starts are much faster",
                          view.seconds);
            ImGui::TextDisabled("%s", line);
        }
    }
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace myoatlas::ui
