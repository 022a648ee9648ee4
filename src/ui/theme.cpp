#include "ui/theme.h"

#include "core/log.h"

#include <imgui.h>

namespace myoatlas::ui {

std::optional<std::filesystem::path> findUiFont() {
    const char* candidates[] = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    };
    std::error_code ec;
    for (const char* c : candidates)
        if (std::filesystem::is_regular_file(c, ec))
            return std::filesystem::path(c);
    return std::nullopt;
}

std::optional<std::filesystem::path> applyTheme(float contentScale, float uiScale) {
    ImGuiIO& io = ImGui::GetIO();
    float scale = std::max(0.5f, contentScale * uiScale);
    io.Fonts->Clear();
    auto font = findUiFont();
    ImFontConfig config;
    config.OversampleH = 2;
    if (!font || !io.Fonts->AddFontFromFileTTF(font->string().c_str(), 17.0f * scale, &config)) {
        core::logWarn("no TrueType UI font found (install fonts-dejavu-core); using ImGui's built-in font");
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * scale;
        io.Fonts->AddFontDefault(&fallback);
        font.reset();
    }
    io.Fonts->Build();

    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.WindowBorderSize = 0.0f;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 0.92f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.80f, 0.55f, 0.15f, 0.45f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.85f, 0.60f, 0.20f, 0.65f);
    style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.90f, 0.65f, 0.20f, 0.85f);
    style.Colors[ImGuiCol_SliderGrab] = ImVec4(0.90f, 0.65f, 0.25f, 1.0f);
    style.Colors[ImGuiCol_CheckMark] = ImVec4(0.95f, 0.70f, 0.25f, 1.0f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
    return font;
}

} // namespace myoatlas::ui
