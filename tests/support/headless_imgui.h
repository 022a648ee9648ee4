#pragma once
// UI tier helpers: a Dear ImGui context with no renderer backend (Debian's 1.86 has no null backend): the display
// size is set and the font atlas built, so NewFrame/Render run and panels can be driven by simulated input.
#include "scene/commands.h"

#include <imgui.h>
#include <variant>

namespace myoatlas::test {

inline void createHeadlessImGui(ImVec2 displaySize = ImVec2(1600, 1000)) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = displaySize;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // builds the font atlas; no texture upload needed
}

inline void destroyHeadlessImGui() {
    ImGui::DestroyContext();
}

// The first command of type T a frame emitted, or null.
template <class T> const T* findCommand(const scene::Commands& commands) {
    for (const auto& c : commands.list())
        if (auto p = std::get_if<T>(&c))
            return p;
    return nullptr;
}

} // namespace myoatlas::test
