// The trigger point panel under a headless ImGui context: searching and clicking emit the right scene commands.
// Needs only the atlas (no body).
#include "anatomy/atlas.h"
#include "scene/app_state.h"
#include "support/headless_imgui.h"
#include "ui/trigger_point_panel.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <optional>
#include <string>

using namespace myoatlas;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

class TrpPanel : public ::testing::Test {
protected:
    void SetUp() override {
        test::createHeadlessImGui();
        model.state = &state;
        heat.atlas = &atlas();
    }
    void TearDown() override { test::destroyHeadlessImGui(); }

    scene::Commands frame(ImVec2 mouse = ImVec2(-1, -1), bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        scene::Commands out;
        ui::drawTriggerPointPanel(model, heat, st, out);
        ui::drawHeatLegend(st);
        ImGui::Render();
        return out;
    }
    scene::Commands clickAt(ImVec2 p) {
        frame(p, false);
        frame(p, true);
        return frame(p, false);
    }
    // Scans a window on a grid until the mouse hovers the item with this id; returns where.
    std::optional<ImVec2> find(ImGuiWindow* w, ImGuiID id) {
        const float em = ImGui::GetFontSize();
        for (float y = w->Rect().Min.y + 2; y < w->Rect().Max.y; y += em * 0.5f)
            for (float x = w->Rect().Min.x + 4; x < w->Rect().Max.x; x += em) {
                frame(ImVec2(x, y));
                if (ImGui::GetCurrentContext()->HoveredId == id)
                    return ImVec2(x, y);
            }
        return std::nullopt;
    }
    // The catalogue's scrolling list (a child window of the panel).
    ImGuiWindow* list() {
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
            if (std::string(w->Name).find("Trigger points/##trplist") == 0)
                return w;
        return nullptr;
    }
    // Clicks down the list's rows until one emits a ShowTriggerPoint.
    std::optional<scene::ShowTriggerPoint> clickFirstTriggerPoint(scene::Commands* all = nullptr) {
        frame();
        frame();
        ImGuiWindow* w = list();
        if (!w)
            return std::nullopt;
        const float em = ImGui::GetFontSize();
        for (float y = w->Rect().Min.y + em * 0.6f; y < w->Rect().Max.y; y += em * 0.5f) {
            auto out = clickAt(ImVec2(w->Rect().Min.x + em * 4, y));
            for (const auto& c : out.list())
                if (auto p = std::get_if<scene::ShowTriggerPoint>(&c)) {
                    if (all)
                        *all = out;
                    return *p;
                }
        }
        return std::nullopt;
    }

    scene::AppState state;
    ui::UiModel model;
    ui::TrpPanelModel heat;
    ui::TrpPanelState st;
};

} // namespace

TEST_F(TrpPanel, DrawsWithoutEmittingAnything) {
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(frame().empty());
    EXPECT_NE(ImGui::FindWindowByName("Trigger points"), nullptr);
    EXPECT_NE(ImGui::FindWindowByName("Referred pain legend"), nullptr);
}

TEST_F(TrpPanel, WithoutTheAtlasItSaysWhy) {
    heat.atlas = nullptr;
    heat.atlasError = "trigger_points.json: broken";
    EXPECT_TRUE(frame().empty());
    EXPECT_NE(ImGui::FindWindowByName("Trigger points"), nullptr);
}

TEST_F(TrpPanel, SearchingAndClickingShowsThatTriggerPointOnTheChosenSide) {
    st.search = "SOL-TP2";
    auto show = clickFirstTriggerPoint();
    ASSERT_TRUE(show);
    EXPECT_EQ(show->trp.id, "SOL-TP2");
    EXPECT_EQ(show->trp.side, "right");
    EXPECT_FALSE(show->additive);

    st.side = 0;
    st.combine = true;
    show = clickFirstTriggerPoint();
    ASSERT_TRUE(show);
    EXPECT_EQ(show->trp.side, "left");
    EXPECT_TRUE(show->additive);
}

TEST_F(TrpPanel, SearchByMuscleNameListsItsTriggerPoints) {
    st.search = "infraspin";
    auto show = clickFirstTriggerPoint();
    ASSERT_TRUE(show);
    EXPECT_EQ(atlas().triggerPoint(show->trp.id)->muscle, "infraspinatus");
}

TEST_F(TrpPanel, ChoosingAPatternWhileTheSkinIsHiddenShowsTheSkin) {
    state.view.layers[index(anatomy::Layer::Skin)].visible = false;
    heat.skinHidden = true;
    st.search = "QL-SUP-UP";
    scene::Commands out;
    auto show = clickFirstTriggerPoint(&out);
    ASSERT_TRUE(show);
    const auto* vis = test::findCommand<scene::SetLayerVisible>(out);
    ASSERT_NE(vis, nullptr);
    EXPECT_EQ(vis->layer, anatomy::Layer::Skin);
    EXPECT_TRUE(vis->visible);
}

TEST_F(TrpPanel, PauseFreezesAtTheTimeShownAndPlayResumes) {
    state.view.triggerPoints = {{"TRAPU-TP1", "right"}};
    heat.live = true;
    heat.time = 1.25f;
    frame();
    ImGuiWindow* w = ImGui::FindWindowByName("Trigger points");
    ASSERT_NE(w, nullptr);
    auto at = find(w, w->GetID("Pause"));
    ASSERT_TRUE(at) << "no Pause button";
    auto out = clickAt(*at);
    const auto* t = test::findCommand<scene::SetHeatTime>(out);
    ASSERT_NE(t, nullptr);
    EXPECT_FLOAT_EQ(t->time, 1.25f);

    heat.live = false;
    frame();
    at = find(w, w->GetID("Play"));
    ASSERT_TRUE(at) << "no Play button";
    out = clickAt(*at);
    t = test::findCommand<scene::SetHeatTime>(out);
    ASSERT_NE(t, nullptr);
    EXPECT_LT(t->time, 0.0f);
}

TEST_F(TrpPanel, SatellitesButtonAddsTheChain) {
    state.view.triggerPoints = {{"TRAPU-TP1", "left"}};
    frame();
    ImGuiWindow* w = ImGui::FindWindowByName("Trigger points");
    ASSERT_NE(w, nullptr);
    // The button sits inside PushID(id + side).
    ImGuiID row = w->GetID("TRAPU-TP1left");
    ImGuiID id = ImHashStr("+ 8 satellites", 0, row);
    auto at = find(w, id);
    ASSERT_TRUE(at) << "no satellites button";
    auto out = clickAt(*at);
    size_t added = 0;
    for (const auto& c : out.list())
        if (auto p = std::get_if<scene::ShowTriggerPoint>(&c)) {
            EXPECT_TRUE(p->additive);
            EXPECT_EQ(p->trp.side, "left");
            ++added;
        }
    EXPECT_EQ(added, 8u);
}

TEST_F(TrpPanel, SuspectsAreOneClickFromTheirHeatMap) {
    state.view.painPoints = {glm::vec3(0.0f, 0.0f, 0.0f)};
    heat.suspects = {{"SOL-TP1", "right", 0.92f, 2, 0}, {"GAST-TP1", "right", 0.4f, 0, 2}};
    frame();
    ImGuiWindow* w = ImGui::FindWindowByName("Trigger points");
    ASSERT_NE(w, nullptr);
    const float em = ImGui::GetFontSize();
    std::optional<scene::ShowTriggerPoint> show;
    // The ranked rows are the last lines of the panel: click upwards from the bottom until one answers.
    for (float y = w->Rect().Max.y - em; y > w->Rect().Min.y && !show; y -= em * 0.5f) {
        auto out = clickAt(ImVec2(w->Rect().Min.x + em * 8, y));
        if (auto p = test::findCommand<scene::ShowTriggerPoint>(out))
            show = *p;
    }
    ASSERT_TRUE(show);
    EXPECT_TRUE(show->trp.id == "SOL-TP1" || show->trp.id == "GAST-TP1") << show->trp.id;
    EXPECT_EQ(show->trp.side, "right");
    EXPECT_FALSE(show->additive);
}

TEST(TrpPanelHelpers, LabelsAndSearch) {
    const anatomy::TriggerPoint* trp = atlas().triggerPoint("TRAPU-TP1");
    ASSERT_NE(trp, nullptr);
    EXPECT_NE(ui::trpLabel(atlas(), *trp).find("TrP1"), std::string::npos);
    EXPECT_TRUE(ui::trpMatches(atlas(), *trp, "trapez"));
    EXPECT_TRUE(ui::trpMatches(atlas(), *trp, "trapu-tp1"));
    EXPECT_FALSE(ui::trpMatches(atlas(), *trp, "soleus"));
    EXPECT_EQ(ui::regionLabel("head_neck"), "Head and neck");
    EXPECT_EQ(ui::regionLabel("hip_leg"), "Hip and leg");
}
