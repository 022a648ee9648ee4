// The technique panel under a headless ImGui context: previous/next emit the right step commands, and
// nothing steps or plays until the safety checklist is confirmed. Uses the atlas, not the body: the resolved
// technique is built from the atlas steps without geometry.
#include "core/clock.h"
#include "support/headless_imgui.h"
#include "ui/technique_panel.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

using namespace myoatlas;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

class TechniquePanelTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::createHeadlessImGui();
        const auto* t = atlas().technique("strain_counterstrain");
        resolved.techniqueId = t->id;
        resolved.techniqueName = t->name;
        resolved.targetId = "gluteus_medius";
        resolved.targetLabel = "Gluteus medius";
        for (size_t i = 0; i < t->steps.size(); ++i) {
            scene::ResolvedTechniqueStep s;
            s.index = static_cast<int>(i);
            s.text = t->steps[i].text;
            s.patientText = t->steps[i].patientText;
            s.durationS = t->steps[i].durationS;
            resolved.steps.push_back(s);
        }
        resolved.safety = scene::safetyChecklist(atlas(), *t);
        load();
        model.atlas = &atlas();
        model.current = {t->id, "gluteus_medius", "right", 0};
        model.resolved = &resolved;
        model.player = &player;
    }
    void TearDown() override { test::destroyHeadlessImGui(); }

    void load() {
        std::vector<float> d;
        for (const auto& s : resolved.steps)
            d.push_back(s.durationS);
        player.load(static_cast<int>(d.size()), d, resolved.safety.size());
    }
    void tickAll(bool on = true) {
        for (size_t i = 0; i < resolved.safety.size(); ++i)
            player.setChecked(i, on);
    }

    scene::Commands frame(ImVec2 mouse = ImVec2(-1, -1), bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        scene::Commands out;
        ui::drawTechniquePanel(model, panel, out);
        ImGui::Render();
        ui::applyIntents(panel, player); // as the feature does after the frame
        return out;
    }
    scene::Commands clickAt(ImVec2 p) {
        frame(p, false);
        frame(p, true);
        return frame(p, false);
    }
    // Probes the panel until the item with this label is under the mouse.
    std::optional<ImVec2> find(const char* label) {
        frame();
        frame();
        ImGuiWindow* w = ImGui::FindWindowByName("Technique");
        if (!w)
            return std::nullopt;
        ImGuiID id = w->GetID(label);
        const float em = ImGui::GetFontSize();
        for (float y = w->Rect().Min.y; y < w->Rect().Max.y; y += em * 0.5f)
            for (float x = w->Rect().Min.x; x < w->Rect().Max.x; x += em * 0.5f) {
                frame(ImVec2(x, y));
                if (ImGui::GetCurrentContext()->HoveredId == id)
                    return ImVec2(x, y);
            }
        return std::nullopt;
    }
    template <class T> static const T* first(const scene::Commands& c) {
        for (const auto& cmd : c.list())
            if (auto p = std::get_if<T>(&cmd))
                return p;
        return nullptr;
    }

    core::ManualClock clock;
    scene::TechniquePlayer player{clock};
    scene::ResolvedTechnique resolved;
    ui::TechniquePanelModel model;
    ui::TechniquePanelState panel{.show = true}; // the window opens it from the Panels menu
};

} // namespace

TEST_F(TechniquePanelTest, DrawsEveryTechniqueWithoutEmitting) {
    for (const auto& t : atlas().techniques) {
        model.current.id = t.id;
        EXPECT_TRUE(frame().empty()) << t.id;
    }
    EXPECT_EQ(atlas().techniques.size(), 20u);
}

TEST_F(TechniquePanelTest, NextAndPreviousEmitTheNeighbouringStep) {
    tickAll();
    ASSERT_TRUE(player.confirmSafety());
    auto next = find("Next");
    ASSERT_TRUE(next) << "Next button not found";
    auto out = clickAt(*next);
    auto step = first<scene::SetTechniqueStep>(out);
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->step, 1);

    model.current.step = 3;
    auto prev = find("Previous");
    ASSERT_TRUE(prev);
    out = clickAt(*prev);
    step = first<scene::SetTechniqueStep>(out);
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->step, 2);
    // The last step has no next.
    model.current.step = static_cast<int>(resolved.steps.size()) - 1;
    out = clickAt(*next);
    auto none = first<scene::SetTechniqueStep>(out);
    EXPECT_EQ(none, nullptr) << "step " << (none ? none->step : -1);
}

TEST_F(TechniquePanelTest, NothingStartsUntilTheChecklistIsConfirmed) {
    // Find the buttons while they are enabled, then go back to an unconfirmed technique: the layout is the same.
    tickAll();
    auto confirm = find("Confirm and start");
    ASSERT_TRUE(confirm) << "Confirm button not found";
    player.confirmSafety();
    auto next = find("Next");
    auto play = find("###play");
    ASSERT_TRUE(next && play);
    load(); // unconfirmed, nothing ticked

    auto out = clickAt(*next);
    EXPECT_EQ(first<scene::SetTechniqueStep>(out), nullptr) << "Next works before confirmation";
    clickAt(*play);
    EXPECT_FALSE(player.playing()) << "the timer started before confirmation";
    tickAll();
    player.setChecked(0, false);
    clickAt(*confirm);
    EXPECT_FALSE(player.safetyConfirmed()) << "confirmed with a red flag unticked";
    player.setChecked(0, true);
    clickAt(*confirm);
    EXPECT_TRUE(player.safetyConfirmed());

    out = clickAt(*next);
    auto step = first<scene::SetTechniqueStep>(out);
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->step, 1);
    clickAt(*play);
    EXPECT_TRUE(player.playing());
    clock.advance(10.0);
    EXPECT_NEAR(player.elapsed(), std::min(10.0, player.duration()), 1e-6);
}

TEST_F(TechniquePanelTest, ChoosingATechniqueKeepsASuitableTarget) {
    // Selecting from the combo is exercised by the feature; here the target list for a restricted technique.
    auto targets = scene::suitableTargets(atlas(), *atlas().technique("pin_and_stretch"));
    ASSERT_FALSE(targets.empty());
    EXPECT_EQ(targets.front().kind, scene::TargetKind::Muscle);
    for (const auto& x : targets)
        EXPECT_NE(x.muscle, "masseter");
}

// A technique with variants offers them in a combo under the target; choosing one emits the same technique, target
// and side at step 0 with the variant, and the standard sequence is one entry away.
TEST_F(TechniquePanelTest, ChoosingAVariantEmitsIt) {
    model.current = {"trp_pressure_release", "INFRA-TP1", "right", 3};
    auto combo = find("##variant");
    ASSERT_TRUE(combo.has_value()) << "no variant chooser";
    // Clicks down the open combo's list, reopening it before each click (a click on an entry closes it); returns
    // the techniques emitted.
    auto clickDownTheList = [&]() {
        std::vector<scene::TechniqueRef> chosen;
        const float em = ImGui::GetFontSize();
        for (int row = 0; row < 16; ++row) {
            if (ImGui::GetCurrentContext()->OpenPopupStack.Size > 0)
                clickAt(ImVec2(2.0f, 2.0f)); // close it first: a click on the combo would toggle it shut
            clickAt(*combo);
            frame();
            ImGuiWindow* popup = nullptr;
            for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
                if (w->Active && (w->Flags & ImGuiWindowFlags_Popup))
                    popup = w;
            if (!popup) {
                ADD_FAILURE() << "the combo did not open";
                break;
            }
            ImVec2 p(popup->Rect().GetCenter().x, popup->Rect().Min.y + em * (0.5f + 0.5f * static_cast<float>(row)));
            if (p.y >= popup->Rect().Max.y)
                break;
            scene::Commands out = clickAt(p);
            if (const auto* c = first<scene::SetTechnique>(out))
                chosen.push_back(c->technique);
        }
        return chosen;
    };
    auto chosen = clickDownTheList();
    ASSERT_FALSE(chosen.empty());
    bool variant = false, standard = false;
    for (const auto& t : chosen) {
        EXPECT_EQ(t.id, "trp_pressure_release");
        EXPECT_EQ(t.target, "INFRA-TP1");
        EXPECT_EQ(t.side, "right");
        EXPECT_EQ(t.step, 0);
        variant |= t.variant == "ischaemic_compression";
        standard |= t.variant.empty();
    }
    EXPECT_TRUE(variant);
    EXPECT_FALSE(standard) << "choosing the standard sequence while it plays emitted a change";

    // Playing the variant: the list offers the way back, and the variant stays when the side changes.
    model.current.variant = "ischaemic_compression";
    bool back = false;
    for (const auto& t : clickDownTheList()) {
        back |= t.variant.empty();
        EXPECT_NE(t.variant, "ischaemic_compression") << "choosing the variant playing emitted a change";
    }
    EXPECT_TRUE(back);
    if (ImGui::GetCurrentContext()->OpenPopupStack.Size > 0)
        clickAt(ImVec2(2.0f, 2.0f));
    auto left = find("left");
    ASSERT_TRUE(left.has_value());
    scene::Commands sideOut = clickAt(*left);
    const auto* c = first<scene::SetTechnique>(sideOut);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->technique.side, "left");
    EXPECT_EQ(c->technique.variant, "ischaemic_compression");
}

// A technique with no variants shows no chooser.
TEST_F(TechniquePanelTest, NoVariantChooserWithoutVariants) {
    EXPECT_FALSE(find("##variant").has_value());
}

// A plan the site rule refuses: the panel shows the site, what is at risk and the alternative, and offers no way to
// confirm, play or step.
TEST_F(TechniquePanelTest, RefusedPlanOffersNoWayToStart) {
    resolved.verdict.ruling = anatomy::ContactRuling::Blocked;
    resolved.verdict.siteId = "anterior_triangle_neck";
    resolved.verdict.siteName = "Anterior triangle of the neck";
    resolved.verdict.atRisk = {"carotid artery"};
    resolved.verdict.alternative = "Light hands only.";
    player.setBlocked(true);
    EXPECT_FALSE(find("Next")) << "no transport for a refused plan";
    EXPECT_FALSE(find("Confirm and start"));
    tickAll();
    EXPECT_FALSE(player.confirmSafety());
    EXPECT_FALSE(player.playing());
    EXPECT_FALSE(player.next());
}
