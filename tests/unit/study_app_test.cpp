// The study feature in the program: choosing a result selects its structures, peels to them and flies the camera
// round to face them; a click on the body shows the clicked muscle's card; find/info give the JSON the issue asks.
#include "app/study_feature.h"
#include "report/study_report.h"
#include "scene/study_view.h"
#include "scene/view_state.h"
#include "support/test_body.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <imgui.h>

using namespace myoatlas;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

struct Fixture {
    anatomy::AtlasResolver resolver{atlas(), test::testBody()};
    app::FeatureContext context{test::testBody(), &atlas(), &resolver, {}};
    app::StudyFeature feature{context};
    scene::AppState state;

    Fixture() { scene::apply(state, test::testBody(), scene::SetNamedView{scene::ViewName::Anterior}); }
    // Studies the best match of a query and applies what it asked for, the camera flight run to its end.
    void study(const std::string& query) {
        auto results = feature.index().find(query);
        ASSERT_FALSE(results.empty()) << query;
        scene::Commands out;
        feature.study(results.front(), state, out);
        scene::applyAll(state, test::testBody(), out);
        scene::advanceCamera(state, 0.0);
        scene::advanceCamera(state, 10.0);
    }
};

} // namespace

TEST(StudyFeature, ChoosingAGroupSelectsItsMembersAndFacesThem) {
    Fixture f;
    f.study("rotator cuff");
    EXPECT_EQ(f.feature.card().id, "rotator_cuff");
    const auto& body = test::testBody();
    for (const char* m : {"supraspinatus", "infraspinatus", "teres_minor", "subscapularis"})
        for (uint32_t s : f.feature.index().structuresOfMuscle(m))
            EXPECT_TRUE(f.state.view.isSelected(s)) << m << " " << body.structures[s].name;
    // The camera landed looking at them from the side they face, from the anterior view it started in.
    const auto& sel = f.state.view.selection;
    auto dir = scene::facingDirection(body, sel);
    const auto& pose = f.state.camera.pose;
    EXPECT_GT(glm::dot(glm::normalize(pose.eye() - pose.target), dir), 0.95f);
    EXPECT_LT(glm::length(pose.target - scene::boundsOf(body, sel).center()), 1e-3f);
    EXPECT_EQ(f.state.view.peel, scene::autoPeelFor(body, sel));
}

TEST(StudyFeature, ADeepMuscleOnTheFarSideIsTurnedToTheViewerAndUncovered) {
    Fixture f;
    f.study("glute min"); // deep, and on the back of the hip: hidden from the anterior view it starts in
    const auto& pose = f.state.camera.pose;
    EXPECT_LT(pose.eye().z - pose.target.z, 0.0f) << "still looking from the front";
    EXPECT_EQ(f.state.view.peel, static_cast<int>(anatomy::index(anatomy::Layer::DeepMuscle)));
    for (uint32_t s : f.state.view.selection)
        EXPECT_TRUE(f.state.view.isVisible(test::testBody(), s)) << test::testBody().structures[s].name;
}

TEST(StudyFeature, TriggerPointAndLineResultsShowThem) {
    Fixture f;
    f.study("glute min"); // peeled to the deep layer first
    f.study("TRAPU-TP1");
    ASSERT_EQ(f.state.view.triggerPoints.size(), 1u);
    EXPECT_EQ(f.state.view.triggerPoints.front().id, "TRAPU-TP1");
    EXPECT_LT(f.state.view.heatTime, 0.0f) << "the referral should play";
    EXPECT_EQ(f.state.view.peel, 0) << "the referral is painted on the skin: it must stay on";
    f.study("superficial back line");
    EXPECT_EQ(f.state.view.lines, std::vector<std::string>{"SBL"});
    EXPECT_EQ(f.feature.card().id, "SBL");
    // A landmark: its card, and the camera on the point itself, not on the whole bone it is found on.
    f.study("acromion");
    EXPECT_EQ(f.feature.card().id, "acromion");
    auto p = f.resolver.landmark("acromion", anatomy::Side::Right);
    ASSERT_TRUE(p);
    EXPECT_LT(glm::length(f.state.camera.pose.target - *p), 0.01f);
}

TEST(StudyFeature, ClickingAMuscleOnTheBodyShowsItsCard) {
    Fixture f;
    const auto right = f.feature.index().structuresOfMuscle("infraspinatus", anatomy::Side::Right);
    ASSERT_FALSE(right.empty());
    scene::apply(f.state, test::testBody(), scene::SelectStructure{right.front(), false, true});
    ui::UiModel model;
    model.body = &test::testBody();
    model.state = &f.state;
    // drawUi needs an ImGui frame; the card follows the selection before anything is drawn, so a bare context works.
    ImGui::CreateContext();
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    ImGui::GetIO().IniFilename = nullptr; // no imgui.ini in the working directory
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    ImGui::NewFrame();
    ui::UiState ui;
    scene::Commands out;
    f.feature.drawUi(model, ui, out);
    ImGui::Render();
    ImGui::DestroyContext();
    EXPECT_EQ(f.feature.card().id, "infraspinatus");
    // A click does not move the camera: what was clicked is in view.
    EXPECT_TRUE(std::none_of(out.list().begin(), out.list().end(),
                             [](const auto& c) { return std::holds_alternative<scene::AnimateCamera>(c); }));
}

TEST(StudyCommands, FindAndInfoJson) {
    Fixture f;
    auto j = report::findJson(f.feature.index(), "glute med", 5);
    ASSERT_FALSE(j["results"].empty());
    const auto& top = j["results"][0];
    EXPECT_EQ(top["id"], "gluteus_medius");
    EXPECT_EQ(top["kind"], "muscle");
    EXPECT_EQ(top["name"], "Gluteus medius");
    EXPECT_TRUE(top["score"].is_number());
    EXPECT_FALSE(j.contains("message"));

    auto none = report::findJson(f.feature.index(), "zzqqx trapezzzius", 5);
    EXPECT_TRUE(none["results"].empty());
    EXPECT_NE(none["message"].get<std::string>().find("no match"), std::string::npos);
    EXPECT_NE(none["message"].get<std::string>().find("did you mean"), std::string::npos);

    auto card = report::cardJson(scene::buildStudyCard(atlas(), scene::StudyKind::Muscle, "quadratus_lumborum"));
    const auto* m = atlas().muscle("quadratus_lumborum");
    for (const char* key : {"id", "name", "origin", "insertion", "action", "innervation", "trigger_points", "lines",
                            "techniques", "sources"})
        EXPECT_TRUE(card.contains(key)) << key;
    EXPECT_EQ(card["origin"], m->origin);
    EXPECT_EQ(card["innervation"], m->innervation);
    EXPECT_EQ(card["trigger_points"].size(), atlas().triggerPointsOf("quadratus_lumborum").size());
    EXPECT_EQ(card["lines"][0]["id"], "DFL");
}

TEST(StudyFeature, TheCardShowsAtOnceAndTheEndangermentSitesJoinItFromAWorker) {
    Fixture f;
    f.study("sternocleidomastoid sternal");
    EXPECT_EQ(f.feature.card().id, "scm_sternal");
    f.feature.session().finishPending();
    const auto& sites = f.feature.card().endangerment;
    EXPECT_TRUE(std::any_of(sites.begin(), sites.end(), [](const auto& l) { return l.id == "anterior_triangle_neck"; }))
        << sites.size() << " sites";
    // A later choice replaces the card; a late worker result for the old one never lands on the new card.
    f.study("infraspinatus");
    f.feature.session().finishPending();
    EXPECT_EQ(f.feature.card().id, "infraspinatus");
    EXPECT_TRUE(std::none_of(f.feature.card().endangerment.begin(), f.feature.card().endangerment.end(),
                             [](const auto& l) { return l.id == "anterior_triangle_neck"; }));
}
