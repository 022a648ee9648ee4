// Patient mode's session without a window: entering cleans the view, a click marks only where the screen asks, the
// ranking turns into the source shown (at most kMaxCandidates), and every way back or out sends its commands.
#include "scene/patient_session.h"

#include <gtest/gtest.h>
#include <variant>

using namespace myoatlas;
using scene::PatientEvent;
using scene::PatientScreen;

namespace {

template <typename T>
int count(const scene::Commands& c) {
    int n = 0;
    for (const auto& command : c.list())
        n += std::holds_alternative<T>(command) ? 1 : 0;
    return n;
}

std::vector<scene::Suspect> ranking(int n) {
    std::vector<scene::Suspect> r;
    for (int i = 0; i < n; ++i)
        r.push_back({"TRP-" + std::to_string(i), i % 2 ? "left" : "right", 1.0f - 0.1f * static_cast<float>(i), 1, 0, {}});
    return r;
}

struct Session : ::testing::Test {
    anatomy::Body body;
    scene::AppState state;
    scene::PatientSession session{nullptr, body};
    scene::Commands out;

    void markAndRank(int sources) {
        session.enter(state, out);
        session.onClick({0.1f, 0.2f, 1.0f}, out);
        auto r = ranking(sources);
        session.offerRanking(&r, out);
    }
};

} // namespace

TEST_F(Session, EnteringCleansTheViewAndTurnsToTheFront) {
    session.enter(state, out);
    EXPECT_TRUE(session.active());
    EXPECT_EQ(session.flow().screen(), PatientScreen::Mark);
    EXPECT_EQ(count<scene::ClearSelection>(out), 1);
    EXPECT_EQ(count<scene::ClearPainPoints>(out), 1);
    EXPECT_EQ(count<scene::ClearTriggerPoints>(out), 1);
    EXPECT_EQ(count<scene::ResetLayers>(out), 1);
    EXPECT_EQ(count<scene::ShowAll>(out), 1);
    EXPECT_EQ(count<scene::SetTechnique>(out), 1);
    EXPECT_EQ(count<scene::AnimateCamera>(out), 1);
    EXPECT_EQ(session.source(), nullptr);
}

TEST_F(Session, AClickMarksOnlyWhereTheScreenAsks) {
    session.enter(state, out);
    out.clear();
    session.onClick({0.0f, 0.0f, 1.0f}, out);
    EXPECT_EQ(count<scene::AddPainPoint>(out), 1);
    EXPECT_EQ(session.flow().screen(), PatientScreen::Looking);
    EXPECT_TRUE(session.busy()); // waiting for the ranking
    auto r = ranking(2);
    session.offerRanking(&r, out);
    session.onAction(scene::Action::Next, out); // what you can do at home: no marking there
    ASSERT_EQ(session.flow().screen(), PatientScreen::Home);
    out.clear();
    session.onClick({0.0f, 0.0f, 1.0f}, out);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(session.flow().screen(), PatientScreen::Home);
}

TEST_F(Session, TheRankingShowsTheFirstSourceAndAnotherCyclesThroughTheFirstFew) {
    session.enter(state, out);
    session.onClick({0.0f, 0.0f, 1.0f}, out);
    out.clear();
    session.offerRanking(nullptr, out); // still ranking
    EXPECT_EQ(session.flow().screen(), PatientScreen::Looking);
    auto r = ranking(8);
    session.offerRanking(&r, out);
    ASSERT_EQ(session.flow().screen(), PatientScreen::Source);
    ASSERT_NE(session.source(), nullptr);
    EXPECT_EQ(session.source()->trpId, "TRP-0");
    ASSERT_EQ(count<scene::ShowTriggerPoint>(out), 1);
    EXPECT_EQ(std::get<scene::ShowTriggerPoint>(out.list().back()).trp.id, "TRP-0");
    std::vector<std::string> seen;
    for (size_t i = 0; i < scene::PatientSession::kMaxCandidates; ++i) {
        out.clear();
        EXPECT_TRUE(session.onAction(scene::Action::Another, out));
        seen.push_back(session.source()->trpId);
        EXPECT_EQ(std::get<scene::ShowTriggerPoint>(out.list().back()).trp.id, seen.back());
    }
    EXPECT_EQ(seen.back(), "TRP-0"); // wrapped after the fifth
    EXPECT_EQ(seen[3], "TRP-4");
}

TEST_F(Session, AnEmptyRankingSaysSoAndBackStartsAgain) {
    markAndRank(0);
    EXPECT_EQ(session.flow().screen(), PatientScreen::NotFound);
    EXPECT_EQ(session.source(), nullptr);
    out.clear();
    EXPECT_TRUE(session.onAction(scene::Action::Leave, out)); // Esc is Back
    EXPECT_EQ(session.flow().screen(), PatientScreen::Mark);
    EXPECT_EQ(count<scene::ClearPainPoints>(out), 1);
    EXPECT_EQ(count<scene::ClearTriggerPoints>(out), 1);
}

TEST_F(Session, BackFromTheFirstScreenLeavesThroughTheShell) {
    markAndRank(3);
    out.clear();
    session.onAction(scene::Action::Next, out); // Home
    session.onAction(scene::Action::Next, out); // Handout
    EXPECT_EQ(session.flow().screen(), PatientScreen::Handout);
    EXPECT_EQ(session.source()->trpId, "TRP-0"); // the handout is written for it
    for (int i = 0; i < 3; ++i)
        session.onAction(scene::Action::Previous, out); // Home, Source, Mark
    EXPECT_EQ(session.flow().screen(), PatientScreen::Mark);
    out.clear();
    session.onAction(scene::Action::Previous, out);
    EXPECT_FALSE(session.active());
    ASSERT_EQ(count<scene::SetShellFlag>(out), 1);
    const auto& flag = std::get<scene::SetShellFlag>(out.list().back());
    EXPECT_EQ(flag.flag, scene::ShellFlag::Patient);
    EXPECT_FALSE(flag.on);
    out.clear();
    EXPECT_FALSE(session.onAction(scene::Action::Next, out)); // keys are not taken once left
    EXPECT_TRUE(out.empty());
}

TEST_F(Session, SwitchedOffElsewhereItForgetsTheRanking) {
    markAndRank(2);
    session.left();
    EXPECT_FALSE(session.active());
    EXPECT_EQ(session.source(), nullptr);
    EXPECT_FALSE(session.busy());
}

TEST_F(Session, OnlyItsOwnKeysAreTaken) {
    session.enter(state, out);
    out.clear();
    EXPECT_FALSE(session.onAction(scene::Action::ViewPosterior, out));
    EXPECT_TRUE(out.empty());
}
