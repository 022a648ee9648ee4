// The study panel under a headless ImGui context: typing into its search box lists ranked results as you type,
// Enter takes the best, a card link asks for what it names; the structure browser finds by the same search.
#include "scene/study_card.h"
#include "support/headless_imgui.h"
#include "support/test_body.h"
#include "ui/panels.h"
#include "ui/study_panel.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

using namespace myoatlas;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

constexpr int kEnter = 300; // any free slot of io.KeysDown, mapped to ImGuiKey_Enter below

class StudyPanel : public ::testing::Test {
protected:
    void SetUp() override {
        test::createHeadlessImGui();
        ImGui::GetIO().KeyMap[ImGuiKey_Enter] = kEnter;
        index = std::make_unique<scene::StudyIndex>(&atlas(), &test::testBody());
        model.index = index.get();
        model.card = &card;
    }
    void TearDown() override { test::destroyHeadlessImGui(); }

    void frame(ImVec2 mouse = ImVec2(-1, -1), bool down = false, const char* text = nullptr, bool enter = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        io.KeysDown[kEnter] = enter;
        if (text)
            io.AddInputCharactersUTF8(text);
        ImGui::NewFrame();
        ui::drawStudyPanel(model, state);
        ImGui::Render();
    }
    void clickAt(ImVec2 p) {
        frame(p);
        frame(p, true);
        frame(p);
    }
    // Finds where an item of the Study window is hovered by probing a grid (ImGui has no item lookup by id).
    std::optional<ImVec2> find(ImGuiID id) {
        ImGuiWindow* w = ImGui::FindWindowByName("Study");
        if (!w)
            return std::nullopt;
        const float em = ImGui::GetFontSize();
        for (float y = w->Rect().Min.y; y < w->Rect().Max.y; y += em * 0.5f)
            for (float x = w->Rect().Min.x + em; x < w->Rect().Max.x; x += em * 2) {
                frame(ImVec2(x, y));
                if (ImGui::GetCurrentContext()->HoveredId == id)
                    return ImVec2(x, y);
            }
        return std::nullopt;
    }
    void typeIntoSearch(const char* text) {
        frame();
        ImGuiWindow* w = ImGui::FindWindowByName("Study");
        ASSERT_NE(w, nullptr);
        auto at = find(w->GetID("##study_search"));
        ASSERT_TRUE(at) << "search box not found";
        clickAt(*at);
        frame(*at, false, text);
        frame(*at);
    }

    std::unique_ptr<scene::StudyIndex> index;
    scene::StudyCard card;
    ui::StudyPanelModel model;
    ui::StudyPanelState state;
};

} // namespace

TEST_F(StudyPanel, TypingListsResultsAndEnterTakesTheBest) {
    typeIntoSearch("glute med");
    EXPECT_EQ(state.query, "glute med");
    ASSERT_FALSE(state.results.empty()) << "no results while typing";
    EXPECT_EQ(state.results.front().id, "gluteus_medius");
    EXPECT_TRUE(state.showResults);
    EXPECT_FALSE(state.chosen);
    frame(ImVec2(-1, -1), false, nullptr, true); // Enter
    frame();
    ASSERT_TRUE(state.chosen);
    EXPECT_EQ(state.chosen->id, "gluteus_medius");
    EXPECT_FALSE(state.showResults);
}

TEST_F(StudyPanel, UnknownQuerySaysNoMatchAndSuggests) {
    typeIntoSearch("zzqqx trapezzzius");
    EXPECT_TRUE(state.results.empty());
    EXPECT_FALSE(state.suggestions.empty());
    frame(ImVec2(-1, -1), false, nullptr, true);
    EXPECT_FALSE(state.chosen) << "Enter with no match must not choose anything";
}

TEST_F(StudyPanel, CardLinksAskForWhatTheyName) {
    card = scene::buildStudyCard(atlas(), scene::StudyKind::Muscle, "trapezius_upper");
    ASSERT_FALSE(card.triggerPoints.empty());
    frame();
    frame();
    ImGuiWindow* w = ImGui::FindWindowByName("Study");
    ASSERT_NE(w, nullptr);
    // The card sits in a child window: ids are relative to it.
    ImGuiWindow* child = nullptr;
    for (ImGuiWindow* c : ImGui::GetCurrentContext()->Windows)
        if (c->ParentWindow == w)
            child = c;
    ASSERT_NE(child, nullptr);
    // The link's id as ImGui builds it: the child window > PushID(header) > PushID(index) > label.
    const int first = 0;
    const ImGuiID header = ImHashStr("Trigger points (click: referral)", 0, child->ID);
    const ImGuiID link = ImHashStr(card.triggerPoints[0].label.c_str(), 0, ImHashData(&first, sizeof first, header));
    const float em = ImGui::GetFontSize();
    std::optional<ImVec2> at;
    for (float y = child->Rect().Min.y; y < child->Rect().Max.y && !at; y += em * 0.5f) {
        frame(ImVec2(child->Rect().Min.x + em * 3, y));
        if (ImGui::GetCurrentContext()->HoveredId == link)
            at = ImVec2(child->Rect().Min.x + em * 3, y);
    }
    ASSERT_TRUE(at) << "trigger point link not found";
    clickAt(*at);
    ASSERT_TRUE(state.link);
    EXPECT_EQ(state.link->id, card.triggerPoints[0].id);
    EXPECT_EQ(state.link->kind, scene::StudyKind::TriggerPoint);
}

TEST(StructureBrowser, SearchesLikeTheStudyPanel) {
    test::createHeadlessImGui();
    scene::StudyIndex index(&atlas(), &test::testBody());
    scene::AppState state;
    ui::UiModel model;
    model.body = &test::testBody();
    model.state = &state;
    model.search = &index;
    ui::UiState ui;
    ui.search = "IT band";
    ImGui::NewFrame();
    scene::Commands out;
    ui::drawUi(model, ui, out);
    ImGui::Render();
    ASSERT_FALSE(ui.ranked.empty()) << "the browser did not use the study search";
    bool itb = false;
    for (const auto& [s, score] : ui.ranked)
        itb |= test::testBody().structures[s].name.find("iliotibial tract") != std::string::npos;
    EXPECT_TRUE(itb);
    test::destroyHeadlessImGui();
}
