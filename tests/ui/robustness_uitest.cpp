// A caption of ~17,000 characters without spaces failed an ImGui assertion (16-bit vertex indices) in the caption
// bar; the player and `render --caption` draw through the same function.
#include "support/headless_imgui.h"
#include "ui/presentation.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <string>

using namespace myoatlas;

TEST(LongText, CaptionBarDrawsA17000CharacterWord) {
    test::createHeadlessImGui();
    for (bool presentation : {false, true}) {
        ImGui::NewFrame();
        ui::drawCaptionBar(std::string(17000, 'x'), presentation);
        ImGui::Render();
        const ImDrawData* data = ImGui::GetDrawData();
        ASSERT_NE(data, nullptr);
        EXPECT_LT(data->TotalVtxCount, 65536) << "16-bit indices cannot address more";
        EXPECT_GT(data->TotalVtxCount, 0) << "the caption is still drawn (cut), not dropped";
    }
    test::destroyHeadlessImGui();
}
