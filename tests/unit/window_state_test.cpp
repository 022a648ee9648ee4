// The window's state dump (--dump-state), which the smoke tests read after driving the real window: what it says
// for a state and the features' view of it.
#include "report/window_state.h"

#include <gtest/gtest.h>

using namespace myoatlas;

TEST(WindowState, SaysWhatTheWindowShows) {
    anatomy::Body body;
    body.structures.resize(2);
    body.structures[1].name = "left infraspinatus muscle";
    scene::AppState state;
    state.view.selection = {1};
    state.view.technique.id = "foam_roller";
    state.view.technique.step = 2;
    state.view.triggerPoints = {{"INFRA-TP1", "left"}};
    state.shell.presentation = true;
    report::WindowState w{state, body, scene::AppMode::Patient, "Where does it hurt?", true};
    w.overlays = {{"heat", 1}, {"lines", 0}};
    w.patientScreen = "mark";
    w.selfCare = "refused";
    const auto j = report::windowStateJson(w);
    EXPECT_EQ(j["selection"], nlohmann::json::array({"left infraspinatus muscle"}));
    EXPECT_EQ(j["technique"]["id"], "foam_roller");
    EXPECT_EQ(j["technique"]["step"], 2);
    EXPECT_EQ(j["mode"], "patient");
    EXPECT_EQ(j["caption"], "Where does it hurt?");
    EXPECT_TRUE(j["names_hidden"].get<bool>());
    EXPECT_TRUE(j["presentation"].get<bool>());
    EXPECT_EQ(j["overlays"]["heat"], 1);
    EXPECT_EQ(j["trigger_points"], 1);
    EXPECT_TRUE(j["patient"]["active"].get<bool>());
    EXPECT_EQ(j["patient"]["screen"], "mark");
    EXPECT_EQ(j["patient"]["self_care"], "refused");
    EXPECT_FALSE(j.contains("frames")); // while running the dump changes only with the state
    w.frames = 12;
    w.patientScreen = "none";
    const auto last = report::windowStateJson(w);
    EXPECT_EQ(last["frames"], 12);
    EXPECT_FALSE(last["patient"]["active"].get<bool>());
}
