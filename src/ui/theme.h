#pragma once
// Fonts and style: a real TrueType font found at run time, sized for projector distance.
#include <filesystem>
#include <optional>
#include <string_view>

namespace myoatlas::ui {

enum class Theme { Dark, Light, HighContrast };
[[nodiscard]] Theme parseTheme(std::string_view name); // unknown names give Dark
[[nodiscard]] std::string_view themeName(Theme theme);

// Looks for DejaVu Sans / Noto Sans / Liberation Sans in the usual Debian font directories.
[[nodiscard]] std::optional<std::filesystem::path> findUiFont();

// Rebuilds the font atlas at pixel size = 17 * contentScale * uiScale and scales the style to match. Returns the
// font file used (or nullopt when it fell back to ImGui's built-in bitmap font).
std::optional<std::filesystem::path> applyTheme(float contentScale, float uiScale, Theme theme = Theme::Dark);

} // namespace myoatlas::ui
