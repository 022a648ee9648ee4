#pragma once
// Small ImGui building blocks shared by the panels.
#include <string_view>

namespace myoatlas::ui {

// A bullet whose text wraps at the window's edge, continuation lines hanging under the first (ImGui's BulletText
// runs past the edge, cutting off dosage, precautions and compensations in narrow panels).
void bulletWrapped(std::string_view text);

} // namespace myoatlas::ui
