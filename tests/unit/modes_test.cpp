// The GL-free mode logic: patient mode's screens (every transition walked, and every screen left again with one
// event), the teaching modes' switch (leaving a mode clears what it showed; the quiz hides names until answered),
// the patient-mode keys, and the plain words patient mode names muscles with (from the real atlas).
#include "anatomy/atlas.h"
#include "scene/app_mode.h"
#include "scene/app_state.h"
#include "scene/key_map.h"
#include "scene/patient_flow.h"
#include "scene/patient_view.h"

#include <gtest/gtest.h>
#include <map>
#include <queue>
#include <set>
#include <variant>

using namespace myoatlas;
using scene::PatientEffect;
using scene::PatientEvent;
using scene::PatientScreen;

namespace {

constexpr PatientEvent kAllEvents[] = {PatientEvent::PainMarked, PatientEvent::SourcesFound, PatientEvent::NoSource,
                                       PatientEvent::Next,       PatientEvent::Another,      PatientEvent::Back,
                                       PatientEvent::StartAgain, PatientEvent::Leave};

// A flow on `screen`, reached the way a user reaches it, with `sources` ranked sources.
scene::PatientFlow flowAt(PatientScreen screen, int sources = 3) {
    scene::PatientFlow f;
    f.enter();
    f.setCandidates(sources);
    auto go = [&](PatientEvent e) { f.handle(e); };
    switch (screen) {
    case PatientScreen::Mark:
        break;
    case PatientScreen::Looking:
        go(PatientEvent::PainMarked);
        break;
    case PatientScreen::NotFound:
        go(PatientEvent::PainMarked);
        go(PatientEvent::NoSource);
        break;
    case PatientScreen::Source:
        go(PatientEvent::PainMarked);
        go(PatientEvent::SourcesFound);
        break;
    case PatientScreen::Home:
        go(PatientEvent::PainMarked);
        go(PatientEvent::SourcesFound);
        go(PatientEvent::Next);
        break;
    case PatientScreen::Handout:
        go(PatientEvent::PainMarked);
        go(PatientEvent::SourcesFound);
        go(PatientEvent::Next);
        go(PatientEvent::Next);
        break;
    }
    EXPECT_EQ(f.screen(), screen);
    return f;
}

} // namespace

TEST(PatientFlow, EntersOnTheFirstScreen) {
    scene::PatientFlow f;
    EXPECT_FALSE(f.active());
    f.enter();
    EXPECT_TRUE(f.active());
    EXPECT_EQ(f.screen(), PatientScreen::Mark);
}

TEST(PatientFlow, EveryScreenIsReachedFromTheFirst) {
    // Breadth-first over the events from the first screen: every screen is reachable.
    std::set<PatientScreen> seen{PatientScreen::Mark};
    std::queue<scene::PatientFlow> todo;
    scene::PatientFlow start;
    start.enter();
    start.setCandidates(2);
    todo.push(start);
    while (!todo.empty()) {
        auto f = todo.front();
        todo.pop();
        for (auto e : kAllEvents) {
            auto g = f;
            g.handle(e);
            if (g.active() && seen.insert(g.screen()).second)
                todo.push(g);
        }
    }
    for (auto s : scene::kAllPatientScreens)
        EXPECT_TRUE(seen.count(s)) << scene::patientScreenName(s) << " cannot be reached";
}

TEST(PatientFlow, EveryTransitionAndBack) {
    // Every event on every screen: either it does nothing (and is not offered), or it moves somewhere from which
    // Back returns, step by step, to the first screen and then out of patient mode.
    for (auto screen : scene::kAllPatientScreens) {
        for (auto event : kAllEvents) {
            auto f = flowAt(screen);
            const bool offered = f.offers(event);
            const auto before = f.screen();
            const auto effect = f.handle(event);
            if (!offered) {
                EXPECT_EQ(effect, PatientEffect::None);
                EXPECT_EQ(f.screen(), before) << "an event not offered moved the screen";
                EXPECT_TRUE(f.active());
                continue;
            }
            if (event == PatientEvent::Leave) {
                EXPECT_FALSE(f.active());
                EXPECT_EQ(effect, PatientEffect::Leave);
                continue;
            }
            int backs = 0;
            while (f.active() && backs < 10) {
                EXPECT_TRUE(f.offers(PatientEvent::Back)) << scene::patientScreenName(f.screen());
                f.handle(PatientEvent::Back);
                ++backs;
            }
            EXPECT_FALSE(f.active()) << "Back from " << scene::patientScreenName(screen) << " after "
                                     << static_cast<int>(event) << " never left patient mode";
            EXPECT_LE(backs, 4);
        }
    }
}

TEST(PatientFlow, BackReturnsToTheScreenBefore) {
    auto f = flowAt(PatientScreen::Handout);
    EXPECT_EQ(f.handle(PatientEvent::Back), PatientEffect::None);
    EXPECT_EQ(f.screen(), PatientScreen::Home);
    EXPECT_EQ(f.handle(PatientEvent::Back), PatientEffect::ShowCandidate); // the source's pattern again
    EXPECT_EQ(f.screen(), PatientScreen::Source);
    EXPECT_EQ(f.handle(PatientEvent::Back), PatientEffect::ClearPain);
    EXPECT_EQ(f.screen(), PatientScreen::Mark);
    EXPECT_EQ(f.handle(PatientEvent::Back), PatientEffect::Leave);
    EXPECT_FALSE(f.active());
}

TEST(PatientFlow, AnotherCyclesThroughTheSources) {
    auto f = flowAt(PatientScreen::Source, 3);
    EXPECT_EQ(f.candidate(), 0);
    EXPECT_EQ(f.handle(PatientEvent::Another), PatientEffect::ShowCandidate);
    EXPECT_EQ(f.candidate(), 1);
    f.handle(PatientEvent::Another);
    f.handle(PatientEvent::Another);
    EXPECT_EQ(f.candidate(), 0);
    auto one = flowAt(PatientScreen::Source, 1);
    EXPECT_FALSE(one.offers(PatientEvent::Another)) << "no other source to show";
}

TEST(PatientFlow, AnEmptyRankingSaysSo) {
    auto f = flowAt(PatientScreen::Looking, 0);
    f.handle(PatientEvent::SourcesFound);
    EXPECT_EQ(f.screen(), PatientScreen::NotFound);
}

TEST(PatientFlow, EveryScreenHasATitleAndAWayBack) {
    for (auto s : scene::kAllPatientScreens) {
        EXPECT_FALSE(scene::patientScreenTitle(s).empty());
        // The first screen's way back is leaving, which the panel always offers with its own button.
        EXPECT_EQ(scene::patientButtonLabel(s, PatientEvent::Back).empty(), s == PatientScreen::Mark)
            << scene::patientScreenName(s);
    }
    EXPECT_FALSE(scene::patientButtonLabel(PatientScreen::Source, PatientEvent::Next).empty());
    EXPECT_FALSE(scene::patientButtonLabel(PatientScreen::Home, PatientEvent::Next).empty());
}

TEST(PatientKeys, PatientModeOwnsForwardBackAndAnother) {
    scene::InputModes modes;
    modes.patient = true;
    auto press = [&](scene::Key k) { return scene::resolveKey({k, scene::KeyAction::Press, 0}, modes); };
    for (auto k : {scene::Key::Escape, scene::Key::Backspace})
        EXPECT_EQ(press(k), (scene::BoundAction{scene::InputMode::Patient, scene::Action::Leave}));
    for (auto k : {scene::Key::Right, scene::Key::PageDown, scene::Key::Space, scene::Key::Enter})
        EXPECT_EQ(press(k), (scene::BoundAction{scene::InputMode::Patient, scene::Action::Next}));
    EXPECT_EQ(press(scene::Key::N), (scene::BoundAction{scene::InputMode::Patient, scene::Action::Another}));
    // Presentation keeps its Esc; without patient mode the keys are the global ones.
    modes.presentation = true;
    EXPECT_EQ(press(scene::Key::Escape)->mode, scene::InputMode::Presentation);
    modes = {};
    EXPECT_EQ(press(scene::Key::Escape)->mode, scene::InputMode::Global);
    EXPECT_EQ(press(scene::Key::F2), (scene::BoundAction{scene::InputMode::Global, scene::Action::TogglePatient}));
    EXPECT_EQ(press(scene::Key::F3), (scene::BoundAction{scene::InputMode::Global, scene::Action::ToggleQuiz}));
}

TEST(AppMode, TheMostSpecificModeWins) {
    EXPECT_EQ(scene::modeOf({}), scene::AppMode::Explore);
    EXPECT_EQ(scene::modeOf({false, false, false, true}), scene::AppMode::Technique);
    EXPECT_EQ(scene::modeOf({false, false, true, true}), scene::AppMode::Lesson);
    EXPECT_EQ(scene::modeOf({false, true, true, true}), scene::AppMode::Quiz);
    EXPECT_EQ(scene::modeOf({true, true, true, true}), scene::AppMode::Patient);
}

TEST(AppMode, LeavingAModeClearsWhatItShowed) {
    // Each mode's leftovers put on a view, then every switch away from it: none of them remains.
    for (auto from : scene::kAllAppModes) {
        for (auto to : scene::kAllAppModes) {
            if (from == to)
                continue;
            scene::ViewState v;
            v.caption = "leftover";
            if (from == scene::AppMode::Technique || from == scene::AppMode::Lesson)
                v.technique.id = "massage_ball";
            if (from != scene::AppMode::Explore && from != scene::AppMode::Technique)
                v.triggerPoints.push_back({"TRAPU-TP1", "right"});
            if (from == scene::AppMode::Patient)
                v.painPoints.push_back(glm::vec3(0.0f));
            if (from == scene::AppMode::Quiz || from == scene::AppMode::Lesson)
                v.selection.push_back(3);
            scene::ModeSwitch sw;
            scene::Commands ignored;
            sw.update(from, ignored);
            scene::Commands out;
            EXPECT_EQ(sw.update(to, out), true);
            EXPECT_EQ(sw.mode(), to);
            bool clearsCaption = false, clearsTechnique = false, clearsTrp = false, clearsPain = false,
                 clearsSelection = false;
            for (const auto& c : out.list()) {
                if (auto* cap = std::get_if<scene::SetCaption>(&c))
                    clearsCaption = cap->caption.empty();
                if (auto* t = std::get_if<scene::SetTechnique>(&c))
                    clearsTechnique = t->technique.id.empty();
                clearsTrp |= std::holds_alternative<scene::ClearTriggerPoints>(c);
                clearsPain |= std::holds_alternative<scene::ClearPainPoints>(c);
                clearsSelection |= std::holds_alternative<scene::ClearSelection>(c);
            }
            if (from == scene::AppMode::Explore) {
                EXPECT_TRUE(out.empty()) << "exploring owns nothing to clear";
                continue;
            }
            EXPECT_TRUE(clearsCaption) << scene::appModeName(from);
            EXPECT_EQ(clearsTechnique, !v.technique.id.empty()) << scene::appModeName(from);
            EXPECT_EQ(clearsTrp, !v.triggerPoints.empty()) << scene::appModeName(from);
            EXPECT_EQ(clearsPain, !v.painPoints.empty()) << scene::appModeName(from);
            EXPECT_EQ(clearsSelection, !v.selection.empty()) << scene::appModeName(from);
        }
    }
    scene::ModeSwitch sw;
    scene::Commands out;
    EXPECT_FALSE(sw.update(scene::AppMode::Explore, out)) << "no change, no clean-up";
}

TEST(AppMode, TheQuizHidesNamesUntilAnswered) {
    EXPECT_FALSE(scene::rulesFor(scene::AppMode::Quiz, false).structureNames);
    EXPECT_FALSE(scene::rulesFor(scene::AppMode::Quiz, false).otherCaptions);
    EXPECT_TRUE(scene::rulesFor(scene::AppMode::Quiz, true).structureNames);
    EXPECT_FALSE(scene::rulesFor(scene::AppMode::Patient, false).expertPanels);
    EXPECT_FALSE(scene::rulesFor(scene::AppMode::Patient, false).otherCaptions);
    EXPECT_TRUE(scene::rulesFor(scene::AppMode::Explore, false).structureNames);
}

TEST(PatientWords, EveryAtlasMuscleHasAPlainNameBeforeItsEverydayName) {
    const auto atlas = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    ASSERT_FALSE(atlas.muscles.empty());
    for (const auto& m : atlas.muscles) {
        auto w = scene::patientWords(atlas, m);
        EXPECT_FALSE(w.name.empty()) << m.id;
        EXPECT_FALSE(w.plain.empty()) << m.id << ": no plain description in its patient summary";
        EXPECT_EQ(w.name.find('('), std::string::npos) << m.id << ": " << w.name;
        EXPECT_EQ(w.phrase().rfind(w.plain, 0), 0u) << "the plain words come first";
    }
    const auto* trap = atlas.muscle("trapezius_upper");
    ASSERT_NE(trap, nullptr);
    auto w = scene::patientWords(atlas, *trap);
    EXPECT_EQ(w.phrase(), "the sloping muscle between your neck and shoulder (upper trapezius)");
    EXPECT_FALSE(w.more.empty());
}

TEST(PatientView, ScreensSayOneThingInPlainWordsAndNeverOfferARefusedTool) {
    static const anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    scene::Suspect source{"TRAPU-TP1", "right", 0.9f, 3, 0, {}};
    scene::PatientViewInput in;
    in.atlas = &atlas;
    in.marks = 2;
    auto mark = scene::patientView(flowAt(PatientScreen::Mark, 1), in);
    ASSERT_FALSE(mark.lines.empty());
    EXPECT_NE(mark.lines.front().find("where it hurts"), std::string::npos);
    in.source = &source;
    auto src = scene::patientView(flowAt(PatientScreen::Source, 2), in);
    ASSERT_FALSE(src.lines.empty());
    EXPECT_NE(src.lines.front().find("your right side"), std::string::npos) << src.lines.front();
    EXPECT_EQ(src.lines.front().find("TRAPU"), std::string::npos) << "no ids for a patient";
    EXPECT_EQ(src.counter, "Possible cause 1 of 2");
    // Home: while the site rule is being asked, nothing is offered; unknown after asking, no tool either.
    auto waiting = scene::patientView(flowAt(PatientScreen::Home, 1), in);
    EXPECT_TRUE(waiting.steps.empty());
    in.verdictKnown = true;
    auto unknown = scene::patientView(flowAt(PatientScreen::Home, 1), in);
    EXPECT_TRUE(unknown.steps.empty());
    EXPECT_NE(unknown.lines.front().find("Ask your therapist"), std::string::npos);
    anatomy::ContactVerdict refused;
    refused.ruling = anatomy::ContactRuling::Blocked;
    refused.siteName = "Posterior triangle of the neck";
    in.verdict = &refused;
    auto blocked = scene::patientView(flowAt(PatientScreen::Home, 1), in);
    EXPECT_EQ(blocked.heading, "Self-care: ask your therapist");
    ASSERT_FALSE(blocked.steps.empty());
    EXPECT_NE(blocked.steps.front().find("do not press on it"), std::string::npos) << blocked.steps.front();
    anatomy::ContactVerdict allowed;
    in.verdict = &allowed;
    auto ok = scene::patientView(flowAt(PatientScreen::Home, 1), in);
    EXPECT_EQ(ok.heading, "Self-care: massage ball");
    EXPECT_FALSE(ok.steps.empty());
}

// Within a frame: after the panels the clean-up goes first (the mode entered from a panel keeps the first view it
// pushed); after the keys it goes last (what the mode left pushed earlier in the frame is cleared).
TEST(AppMode, TheCleanUpJoinsTheFrameInFrontAfterPanelsAndBehindAfterKeys) {
    for (bool afterPanels : {true, false}) {
        scene::ModeSwitch sw;
        scene::Commands ignored;
        sw.update(scene::AppMode::Lesson, ignored);
        scene::Commands frame;
        frame.push(scene::SetCaption{"entered"});
        EXPECT_TRUE(sw.update(scene::AppMode::Patient, frame, afterPanels));
        ASSERT_GT(frame.list().size(), 1u);
        const auto& mine = afterPanels ? frame.list().back() : frame.list().front();
        ASSERT_TRUE(std::holds_alternative<scene::SetCaption>(mine));
        EXPECT_EQ(std::get<scene::SetCaption>(mine).caption, "entered");
        scene::AppState state;
        scene::applyAll(state, anatomy::Body{}, frame);
        EXPECT_EQ(state.view.caption, afterPanels ? "entered" : "");
        scene::Commands same;
        EXPECT_FALSE(sw.update(scene::AppMode::Patient, same, afterPanels));
        EXPECT_TRUE(same.empty());
    }
}
