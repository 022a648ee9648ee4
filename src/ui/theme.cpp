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

Theme parseTheme(std::string_view name) {
    if (name == "light")
        return Theme::Light;
    if (name == "high_contrast")
        return Theme::HighContrast;
    return Theme::Dark;
}

std::string_view themeName(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return "light";
    case Theme::HighContrast:
        return "high_contrast";
    case Theme::Dark:
        break;
    }
    return "dark";
}

namespace {

// Projector look: pure black panels, white text, saturated yellow accents, thick borders. Projectors wash out
// mid-greys and thin lines, so everything is either very dark or very bright.
void highContrast(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    auto* c = style.Colors;
    const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1.0f, 0.85f, 0.0f, 1.0f), dim(0.25f, 0.25f, 0.25f, 1);
    c[ImGuiCol_Text] = white;
    c[ImGuiCol_TextDisabled] = ImVec4(0.75f, 0.75f, 0.75f, 1);
    c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1.0f);
    c[ImGuiCol_PopupBg] = black;
    c[ImGuiCol_MenuBarBg] = black;
    c[ImGuiCol_Border] = white;
    c[ImGuiCol_FrameBg] = dim;
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.4f, 0.4f, 0.4f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.5f, 0.5f, 0.5f, 1);
    c[ImGuiCol_TitleBg] = black;
    c[ImGuiCol_TitleBgActive] = ImVec4(0.2f, 0.2f, 0.2f, 1);
    c[ImGuiCol_Button] = ImVec4(0.2f, 0.2f, 0.2f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.6f, 0.5f, 0.0f, 1);
    c[ImGuiCol_ButtonActive] = yellow;
    c[ImGuiCol_Header] = ImVec4(0.6f, 0.5f, 0.0f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.75f, 0.62f, 0.0f, 1);
    c[ImGuiCol_HeaderActive] = yellow;
    c[ImGuiCol_CheckMark] = yellow;
    c[ImGuiCol_SliderGrab] = yellow;
    c[ImGuiCol_SliderGrabActive] = white;
    style.WindowBorderSize = 2.0f;
    style.FrameBorderSize = 1.0f;
}

} // namespace

std::optional<std::filesystem::path> applyTheme(float contentScale, float uiScale, Theme theme) {
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
    if (theme == Theme::Light)
        ImGui::StyleColorsLight(&style);
    else
        ImGui::StyleColorsDark(&style);
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.WindowBorderSize = 0.0f;
    // Opaque: panels overlap, and text showing through from the one below reads as clutter.
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.80f, 0.55f, 0.15f, 0.45f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.85f, 0.60f, 0.20f, 0.65f);
    style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.90f, 0.65f, 0.20f, 0.85f);
    style.Colors[ImGuiCol_SliderGrab] = ImVec4(0.90f, 0.65f, 0.25f, 1.0f);
    style.Colors[ImGuiCol_CheckMark] = ImVec4(0.95f, 0.70f, 0.25f, 1.0f);
    if (theme == Theme::Light)
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.95f, 1.0f);
    if (theme == Theme::HighContrast)
        highContrast(style);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
    return font;
}

} // namespace myoatlas::ui
