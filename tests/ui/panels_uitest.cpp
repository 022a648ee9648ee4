// Panels under a headless ImGui context (no renderer backend): simulated clicks and typing emit the right commands.
#include "scene/options.h"
#include "support/headless_imgui.h"
#include "support/test_body.h"
#include "ui/panels.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

using namespace myoatlas;

namespace {

class HeadlessImGui : public ::testing::Test {
protected:
    void SetUp() override {
        test::createHeadlessImGui();
        model.body = &test::testBody();
        model.state = &state;
    }
    void TearDown() override { test::destroyHeadlessImGui(); }

    // Runs one frame with the mouse at `mouse` and the button state given.
    scene::Commands frame(ImVec2 mouse = ImVec2(-1, -1), bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        scene::Commands out;
        ui::drawUi(model, ui, out);
        ImGui::Render();
        return out;
    }

    // A click: press and release at the same place over three frames.
    scene::Commands clickAt(ImVec2 p) {
        frame(p, false);
        frame(p, true);
        return frame(p, false);
    }

    scene::AppState state;
    ui::UiState ui;
    ui::UiModel model;
};

ImRect windowRect(const char* name) {
    ImGuiWindow* w = ImGui::FindWindowByName(name);
    return w ? w->Rect() : ImRect();
}

} // namespace

TEST_F(HeadlessImGui, AllPanelsDrawWithoutEmittingAnything) {
    state.shell.aboutPanel = true;
    state.shell.help = true;
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(frame().empty());
    EXPECT_NE(ImGui::FindWindowByName("Layers"), nullptr);
    EXPECT_NE(ImGui::FindWindowByName("Structures"), nullptr);
    EXPECT_NE(ImGui::FindWindowByName("About MyoAtlas"), nullptr);
}

TEST_F(HeadlessImGui, SearchingAndClickingTheListSelectsTheMuscle) {
    ui.search = "latissimus";
    ui.sideFilter = 1; // right
    frame();
    frame();
    // The list's first row sits under the "N shown" line; click it.
    ImGuiWindow* list = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (std::string(w->Name).find("Structures/##list") == 0)
            list = w;
    ASSERT_NE(list, nullptr);
    ImVec2 row(list->Pos.x + 40, list->Pos.y + ImGui::GetFontSize() * 0.5f + 2);
    auto out = clickAt(row);
    auto select = test::findCommand<scene::SelectStructure>(out);
    ASSERT_NE(select, nullptr);
    EXPECT_EQ(model.body->structures[select->structure].name, "right latissimus dorsi");
}

TEST_F(HeadlessImGui, LayerCheckboxEmitsVisibility) {
    frame();
    frame();
    ImRect layers = windowRect("Layers");
    ASSERT_GT(layers.GetWidth(), 0.0f);
    // First checkbox row below the peel slider and separator: the skin layer.
    const float em = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    float titleBar = em + style.FramePadding.y * 2;
    float rowHeight = em + style.FramePadding.y * 2 + style.ItemSpacing.y;
    ImVec2 skinBox(layers.Min.x + style.WindowPadding.x + em * 0.5f,
                   layers.Min.y + titleBar + style.WindowPadding.y + rowHeight + style.ItemSpacing.y + em * 0.6f);
    auto out = clickAt(skinBox);
    auto vis = test::findCommand<scene::SetLayerVisible>(out);
    ASSERT_NE(vis, nullptr) << "no checkbox at " << skinBox.x << "," << skinBox.y;
    EXPECT_EQ(vis->layer, anatomy::Layer::Skin);
    EXPECT_FALSE(vis->visible);
}

TEST_F(HeadlessImGui, InfoPanelShowsTheSelectionAndItsButtonsEmitCommands) {
    auto trapezius = scene::findStructures(*model.body, "right trapezius");
    scene::apply(state, *model.body, scene::SelectStructure{trapezius[0], false, true});
    frame();
    frame();
    ImGuiWindow* info = ImGui::FindWindowByName("Selection");
    ASSERT_NE(info, nullptr);
    // Probe the window on a coarse grid until ImGui reports the "Isolate" button under the mouse.
    ImGuiID isolateId = info->GetID("Isolate");
    const float em = ImGui::GetFontSize();
    ImVec2 at;
    bool found = false;
    for (float y = info->Rect().Min.y; y < info->Rect().Max.y && !found; y += em * 0.5f)
        for (float x = info->Rect().Min.x; x < info->Rect().Max.x && !found; x += em) {
            frame(ImVec2(x, y));
            if (ImGui::GetCurrentContext()->HoveredId == isolateId) {
                at = ImVec2(x, y);
                found = true;
            }
        }
    ASSERT_TRUE(found) << "Isolate button not found";
    auto out = clickAt(at);
    EXPECT_NE(test::findCommand<scene::IsolateSelection>(out), nullptr);
}

// A wrapped bullet stays inside a narrow window, over several lines hanging after the bullet.
TEST(Widgets, BulletWrappedStaysInsideTheWindow) {
    test::createHeadlessImGui();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::SetNextWindowSize(ImVec2(220, 400));
    ImGui::Begin("narrow");
    const float left = ImGui::GetCursorScreenPos().x;
    ui::bulletWrapped(
        "Stop if you feel numbness, tingling or burning, or if the pain spreads or is worse the next day.");
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::End();
    ImGui::Render();
    EXPECT_LE(max.x, right + 1.0f) << "the text runs past the window's edge";
    EXPECT_GT(max.y - min.y, ImGui::GetFontSize() * 2.5f) << "the text did not wrap";
    EXPECT_GT(min.x, left) << "the text does not hang after the bullet";
    test::destroyHeadlessImGui();
}

// Panels never write the state: closing one asks for it to close, and the frame loop applies that like any command.
TEST_F(HeadlessImGui, ClosingAPanelEmitsACommandInsteadOfWritingTheState) {
    frame();
    frame();
    ImRect layers = windowRect("Layers");
    ASSERT_GT(layers.GetWidth(), 0.0f);
    const float em = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImVec2 close(layers.Max.x - style.FramePadding.x - em * 0.5f, layers.Min.y + style.FramePadding.y + em * 0.5f);
    auto out = clickAt(close);
    auto closed = test::findCommand<scene::SetShellFlag>(out);
    ASSERT_NE(closed, nullptr) << "no close button at " << close.x << "," << close.y;
    EXPECT_EQ(closed->flag, scene::ShellFlag::LayersPanel);
    EXPECT_FALSE(closed->on);
    EXPECT_TRUE(state.shell.layersPanel) << "the panel changed the state itself";
    scene::applyAll(state, *model.body, out);
    frame();
    frame();
    EXPECT_TRUE(ImGui::FindWindowByName("Layers") == nullptr || !ImGui::FindWindowByName("Layers")->Active);
}
