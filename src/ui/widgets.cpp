#include "ui/widgets.h"

#include <imgui.h>

namespace myoatlas::ui {

void bulletWrapped(std::string_view text) {
    ImGui::Bullet(); // keeps the cursor on the line, after the bullet
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

} // namespace myoatlas::ui
