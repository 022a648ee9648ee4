// The one input path: events in the order they happened -> key map / gestures -> commands and actions. No key
// press is lost however slow the frame, and modes own their keys.
#include "scene/app_state.h"
#include "scene/input_router.h"
#include "scene/key_map.h"
#include "scene/options.h"
#include "support/test_body.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>

using namespace myoatlas;
using scene::Action;
using scene::InputMode;
using scene::Key;
using scene::KeyAction;

namespace {

scene::InputModes only(InputMode m) {
    scene::InputModes modes;
    modes.presentation = m == InputMode::Presentation;
    modes.patient = m == InputMode::Patient;
    modes.lesson = m == InputMode::Lesson;
    modes.technique = m == InputMode::Technique;
    return modes;
}

std::vector<scene::InputEvent> tap(Key key, unsigned mods = 0) {
    return {scene::KeyEvent{key, KeyAction::Press, mods}, scene::KeyEvent{key, KeyAction::Release, mods}};
}

scene::RoutedInput route(const std::vector<scene::InputEvent>& events, const scene::InputContext& context) {
    scene::InputRouter router(nullptr);
    scene::AppState state;
    return router.route(events, context, state);
}

} // namespace

// A lesson step key and a global key in one frame keep their order.
TEST(InputRouter, IntentsKeepTheOrderOfTheEvents) {
    scene::InputContext context;
    context.modes.lesson = true;
    auto events = tap(Key::PageDown);
    auto peel = tap(Key::RightBracket);
    events.insert(events.end(), peel.begin(), peel.end());
    auto out = route(events, context);
    ASSERT_EQ(out.intents.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<scene::BoundAction>(out.intents[0]));
    EXPECT_TRUE(std::holds_alternative<scene::Command>(out.intents[1]));
}

// A clicker's press and release inside one slow frame: every bound key still does its one thing.
TEST(KeyMap, EveryBindingFiresOnAPressAndReleaseInsideOneFrame) {
    for (const auto& b : scene::keyBindings()) {
        SCOPED_TRACE(std::string(scene::modeLabel(b.mode)) + ": " + scene::bindingKeys(b));
        scene::InputContext context;
        context.modes = only(b.mode);
        auto bound = scene::resolveKey(scene::KeyEvent{b.key, KeyAction::Press, b.mods}, context.modes);
        ASSERT_TRUE(bound);
        EXPECT_EQ(*bound, (scene::BoundAction{b.mode, b.action}));
        auto out = route(tap(b.key, b.mods), context);
        EXPECT_EQ(out.intents.size(), 1u);
        if (!out.actions().empty()) {
            EXPECT_EQ(out.actions()[0], (scene::BoundAction{b.mode, b.action}));
        }
    }
}

TEST(KeyMap, NoKeyIsBoundTwiceInOneMode) {
    auto bindings = scene::keyBindings();
    for (size_t i = 0; i < bindings.size(); ++i)
        for (size_t j = i + 1; j < bindings.size(); ++j)
            EXPECT_FALSE(bindings[i].mode == bindings[j].mode && bindings[i].key == bindings[j].key &&
                         bindings[i].mods == bindings[j].mods)
                << scene::bindingKeys(bindings[i]) << " in " << scene::modeLabel(bindings[i].mode);
}

TEST(KeyMap, ModesOwnTheirKeysWhileActive) {
    scene::KeyEvent right{Key::Right, KeyAction::Press, 0};
    EXPECT_EQ(scene::resolveKey(right, {})->action, Action::OrbitRight);
    scene::InputModes technique;
    technique.technique = true;
    EXPECT_EQ(*scene::resolveKey(right, technique), (scene::BoundAction{InputMode::Technique, Action::Next}));
    scene::InputModes lesson = technique;
    lesson.lesson = true; // a lesson step that shows a technique: the lesson keeps the clicker
    EXPECT_EQ(*scene::resolveKey(right, lesson), (scene::BoundAction{InputMode::Lesson, Action::Next}));
    scene::InputModes room = lesson;
    room.presentation = true; // Esc leaves presentation first, then the lesson
    scene::KeyEvent esc{Key::Escape, KeyAction::Press, 0};
    EXPECT_EQ(scene::resolveKey(esc, room)->action, Action::LeavePresentation);
    EXPECT_EQ(scene::resolveKey(esc, lesson)->action, Action::Leave);
    EXPECT_EQ(scene::resolveKey(esc, {})->action, Action::ClearSelection);
    // Keys a mode does not bind still reach the global map.
    EXPECT_EQ(scene::resolveKey(scene::KeyEvent{Key::Num2, KeyAction::Press, 0}, room)->action, Action::ViewPosterior);
}

TEST(KeyMap, HeldKeysRepeatOnlyWhereRepeatingMakesSense) {
    EXPECT_TRUE(scene::resolveKey(scene::KeyEvent{Key::Left, KeyAction::Repeat, 0}, {}));
    EXPECT_FALSE(scene::resolveKey(scene::KeyEvent{Key::F5, KeyAction::Repeat, 0}, {}));
    EXPECT_FALSE(scene::resolveKey(scene::KeyEvent{Key::F5, KeyAction::Release, 0}, {}));
    // Ctrl+Q quits; Q alone does nothing; Shift does not change '='.
    EXPECT_FALSE(scene::resolveKey(scene::KeyEvent{Key::Q, KeyAction::Press, 0}, {}));
    EXPECT_EQ(scene::resolveKey(scene::KeyEvent{Key::Q, KeyAction::Press, scene::ModControl}, {})->action,
              Action::Quit);
    EXPECT_EQ(scene::resolveKey(scene::KeyEvent{Key::Equal, KeyAction::Press, scene::ModShift}, {})->action,
              Action::ZoomIn);
}

TEST(InputRouter, TwoQuickPeelPressesPeelTwoLayers) {
    auto events = tap(Key::RightBracket);
    auto more = tap(Key::RightBracket);
    events.insert(events.end(), more.begin(), more.end());
    auto out = route(events, {});
    scene::AppState state;
    for (const auto& c : out.commands())
        scene::apply(state, test::testBody(), c);
    EXPECT_EQ(state.view.peel, 2);
}

TEST(InputRouter, ATextFieldKeepsTheKeyboard) {
    scene::InputContext typing;
    typing.uiWantsKeyboard = true;
    std::vector<scene::InputEvent> events = tap(Key::Num1);
    events.push_back(scene::CharEvent{'1'});
    auto out = route(events, typing);
    EXPECT_TRUE(out.intents.empty());
    // Characters alone never trigger a shortcut.
    EXPECT_TRUE(route({scene::CharEvent{'h'}, scene::CharEvent{'['}}, {}).intents.empty());
}

TEST(InputRouter, DragOrbitsAndAStillClickPicks) {
    scene::InputRouter router(nullptr);
    scene::AppState state;
    scene::InputContext context;
    using scene::CursorEvent;
    using scene::MouseButton;
    using scene::MouseButtonEvent;
    auto drag =
        router.route({CursorEvent{{100, 100}}, MouseButtonEvent{MouseButton::Left, true, 0}, CursorEvent{{130, 100}},
                      CursorEvent{{160, 110}}, MouseButtonEvent{MouseButton::Left, false, 0}},
                     context, state);
    EXPECT_TRUE(drag.clicks().empty());
    float yaw = 0.0f;
    for (const auto& c : drag.commands())
        if (auto* o = std::get_if<scene::OrbitCamera>(&c))
            yaw += o->dYaw;
    EXPECT_NEAR(yaw, -60.0f * scene::InputRouter::kOrbitPerPixel, 1e-5f);
    // Press and release in one frame at the same place: one click, Ctrl adds.
    auto click = router.route({MouseButtonEvent{MouseButton::Left, true, scene::ModControl},
                               MouseButtonEvent{MouseButton::Left, false, scene::ModControl}},
                              context, state);
    ASSERT_EQ(click.clicks().size(), 1u);
    EXPECT_TRUE(click.clicks()[0].additive);
    // Over a panel, the press is the panel's.
    scene::InputContext overPanel;
    overPanel.uiWantsMouse = true;
    auto panel =
        router.route({MouseButtonEvent{MouseButton::Left, true, 0}, MouseButtonEvent{MouseButton::Left, false, 0}},
                     overPanel, state);
    EXPECT_TRUE(panel.clicks().empty());
}

// On the real body: a click in the middle of the anterior view hits the body, and hovering names what is there.
TEST(InputRouter, AClickOnTheBodyPicksAStructure) {
    const auto& body = test::testBody();
    scene::Picker picker(body);
    scene::InputRouter router(&picker);
    scene::AppState state;
    state.viewportAspect = 1280.0f / 720.0f;
    scene::apply(state, body, scene::SetNamedView{scene::ViewName::Anterior});
    scene::InputContext context;
    context.viewport = {1280.0f, 720.0f};
    auto out = router.route({scene::CursorEvent{{640, 300}}, scene::MouseButtonEvent{scene::MouseButton::Left, true, 0},
                             scene::MouseButtonEvent{scene::MouseButton::Left, false, 0}},
                            context, state);
    ASSERT_EQ(out.clicks().size(), 1u);
    ASSERT_TRUE(out.clicks()[0].pick);
    EXPECT_LT(out.clicks()[0].pick->structure, body.size());
    bool hovered = false;
    for (const auto& c : out.commands())
        if (auto* h = std::get_if<scene::SetHovered>(&c))
            hovered = h->structure.has_value();
    EXPECT_TRUE(hovered);
}

// The wheel zooms towards the pointer: the point under it stays under it.
TEST(InputRouter, WheelZoomKeepsThePointUnderThePointer) {
    scene::AppState state;
    state.view.camera.target = {0.0f, 1.0f, 0.0f};
    state.view.camera.distance = 2.0f;
    state.camera.pose = state.view.camera;
    scene::InputContext context;
    context.viewport = {1280.0f, 720.0f};
    glm::vec2 pointer(1000.0f, 200.0f);
    scene::InputRouter router(nullptr);
    auto out = router.route({scene::CursorEvent{pointer}, scene::ScrollEvent{2.0f}}, context, state);
    const auto commands = out.commands(); // keeps the command the pointer below points into
    ASSERT_EQ(commands.size(), 1u);
    const auto* zoom = std::get_if<scene::ZoomCamera>(&commands[0]);
    ASSERT_NE(zoom, nullptr);
    ASSERT_TRUE(zoom->towards);
    // The point where the pointer's ray meets the focal plane, before and after.
    scene::Camera before{state.view.camera};
    auto ray = before.rayThrough(pointer, context.viewport);
    glm::vec3 fwd = glm::normalize(before.pose.target - before.pose.eye());
    float t = glm::dot(before.pose.target - ray.origin, fwd) / glm::dot(ray.direction, fwd);
    glm::vec3 under = ray.origin + ray.direction * t;
    scene::apply(state, test::testBody(), commands[0]);
    EXPECT_LT(state.view.camera.distance, 2.0f);
    auto after = state.camera.project(under, context.viewport);
    ASSERT_TRUE(after);
    EXPECT_NEAR(after->x, pointer.x, 0.5f);
    EXPECT_NEAR(after->y, pointer.y, 0.5f);
}

// A double click (two clicks within kDoubleClickSeconds at one place) selects and flies to what it hit; clicks
// further apart in time or place, or with no time, do not.
TEST(InputRouter, DoubleClickFliesToTheStructure) {
    using scene::MouseButton;
    using scene::MouseButtonEvent;
    scene::InputRouter router(nullptr);
    scene::AppState state;
    scene::InputContext context;
    context.viewport = {1280.0f, 720.0f};
    auto clickAt = [&](double t) {
        return std::vector<scene::InputEvent>{scene::CursorEvent{{640, 300}},
                                              MouseButtonEvent{MouseButton::Left, true, 0, t},
                                              MouseButtonEvent{MouseButton::Left, false, 0, t + 0.05}};
    };
    auto flies = [](const scene::RoutedInput& out) {
        for (const auto& c : out.commands())
            if (auto* f = std::get_if<scene::FrameSelection>(&c))
                return f->seconds > 0.0f;
        return false;
    };
    EXPECT_FALSE(flies(router.route(clickAt(10.0), context, state)));
    auto second = router.route(clickAt(10.25), context, state);
    ASSERT_EQ(second.clicks().size(), 1u); // the click still selects first
    EXPECT_TRUE(flies(second));
    EXPECT_FALSE(flies(router.route(clickAt(10.5), context, state))); // a third click starts afresh
    EXPECT_FALSE(flies(router.route(clickAt(12.0), context, state))); // too slow
    EXPECT_FALSE(flies(router.route(clickAt(-1.0), context, state))); // no time known
    EXPECT_FALSE(flies(router.route(clickAt(-1.0), context, state)));
}

// F flies to the selection smoothly: the camera moves over several frames, never jumps.
TEST(InputRouter, FrameSelectionFliesWithoutJumps) {
    const auto& body = test::testBody();
    scene::AppState state;
    state.viewportAspect = 1280.0f / 720.0f;
    scene::apply(state, body, scene::SetNamedView{scene::ViewName::Anterior});
    auto trapezius = scene::findStructures(body, "right trapezius");
    ASSERT_FALSE(trapezius.empty());
    scene::apply(state, body, scene::SelectStructure{trapezius[0], false, true});
    auto out = route(tap(Key::F), {});
    auto commands = out.commands();
    ASSERT_EQ(commands.size(), 1u);
    const auto start = state.view.camera;
    scene::apply(state, body, commands[0]);
    EXPECT_EQ(state.view.camera, start); // nothing moves until the flight advances
    ASSERT_TRUE(state.transition);
    float biggestStep = 0.0f;
    double t = 0.0;
    while (scene::advanceCamera(state, t))
        t += 1.0 / 60.0;
    EXPECT_GT(t, 0.3); // lasted many frames
    EXPECT_LT(state.view.camera.distance, start.distance);
    // Replay at 60 fps and check each frame's step is a small share of the whole flight.
    scene::AppState again;
    again.viewportAspect = state.viewportAspect;
    scene::apply(again, body, scene::SetNamedView{scene::ViewName::Anterior});
    scene::apply(again, body, scene::SelectStructure{trapezius[0], false, true});
    scene::apply(again, body, scene::FrameSelection{scene::kFlySeconds});
    glm::vec3 previousEye = again.view.camera.eye();
    const float whole = glm::distance(start.eye(), state.view.camera.eye());
    for (double u = 0.0; scene::advanceCamera(again, u); u += 1.0 / 60.0) {
        biggestStep = std::max(biggestStep, glm::distance(previousEye, again.view.camera.eye()));
        previousEye = again.view.camera.eye();
    }
    EXPECT_LT(biggestStep, whole * 0.1f);
}

// The program's own keys (F5, Esc on the projector, F1, F2, F3, Ctrl+Q) are commands like the scene's: applied in
// order, so two quick F5 taps inside one frame go full screen and back, and nothing but the state changes them.
TEST(InputRouter, ShellKeysBecomeCommandsAppliedInOrder) {
    scene::InputRouter router(nullptr);
    scene::AppState state;
    scene::InputContext context;
    auto twice = tap(Key::F5);
    auto again = tap(Key::F5);
    twice.insert(twice.end(), again.begin(), again.end());
    scene::Commands commands;
    for (const auto& intent : router.route(twice, context, state).intents) {
        ASSERT_TRUE(std::holds_alternative<scene::Command>(intent));
        commands.push(std::get<scene::Command>(intent));
    }
    EXPECT_TRUE(scene::shellAfter(state.shell, commands).presentation == false);
    commands.clear();
    for (const auto& intent : router.route(tap(Key::F5), context, state).intents)
        commands.push(std::get<scene::Command>(intent));
    scene::applyAll(state, test::testBody(), commands);
    EXPECT_TRUE(state.shell.presentation);

    // On the projector: L lights the laser pointer, B blacks out, Esc leaves and switches both off.
    context.modes.presentation = true;
    commands.clear();
    for (Key k : {Key::L, Key::B})
        for (const auto& intent : router.route(tap(k), context, state).intents)
            commands.push(std::get<scene::Command>(intent));
    scene::applyAll(state, test::testBody(), commands);
    EXPECT_TRUE(state.shell.laser);
    EXPECT_TRUE(state.shell.blackout);
    commands.clear();
    for (const auto& intent : router.route(tap(Key::Escape), context, state).intents)
        commands.push(std::get<scene::Command>(intent));
    scene::applyAll(state, test::testBody(), commands);
    EXPECT_FALSE(state.shell.presentation);
    EXPECT_FALSE(state.shell.laser);
    EXPECT_FALSE(state.shell.blackout);
}

TEST(ShellState, PatientModeAndTheQuizExcludeEachOther) {
    scene::ShellState shell;
    shell.set(scene::ShellFlag::Quiz, true);
    EXPECT_TRUE(shell.quiz);
    shell.set(scene::ShellFlag::Patient, true);
    EXPECT_TRUE(shell.patient);
    EXPECT_FALSE(shell.quiz);
    EXPECT_FALSE(shell.expertPanels());
    shell.set(scene::ShellFlag::Quiz, true);
    EXPECT_FALSE(shell.patient);
    EXPECT_TRUE(shell.expertPanels());
    // The laser pointer and the blackout exist only on the projector.
    shell.set(scene::ShellFlag::Laser, true);
    EXPECT_FALSE(shell.laser);
}

TEST(ShellState, OutOfRangeScalesAreClampedAndOnlyTheLookRebuildsFonts) {
    scene::AppState state;
    const scene::ShellState before = state.shell;
    scene::apply(state, test::testBody(), scene::SetUiScale{100.0f});
    EXPECT_LE(state.shell.uiScale, 4.0f);
    EXPECT_FALSE(state.shell.sameLook(before));
    scene::apply(state, test::testBody(), scene::SetUiScale{std::nanf("")});
    EXPECT_LE(state.shell.uiScale, 4.0f);
    scene::AppState panels;
    scene::apply(panels, test::testBody(), scene::ToggleShellFlag{scene::ShellFlag::LayersPanel});
    EXPECT_FALSE(panels.shell.layersPanel);
    EXPECT_TRUE(panels.shell.sameLook(before)) << "closing a panel must not rebuild the fonts";
    // The room's text scale matters to the look only on the projector.
    scene::apply(panels, test::testBody(), scene::SetPresentationScale{3.0f});
    EXPECT_TRUE(panels.shell.sameLook(before));
}

// A named view, Home or an instant framing chosen during a flight (a lesson step's, F's) ends the flight: the view
// the user asked for stays, instead of being carried off to where the flight was going.
TEST(InputRouter, AViewChosenDuringAFlightEndsTheFlight) {
    const auto& body = test::testBody();
    auto trapezius = scene::findStructures(body, "right trapezius");
    ASSERT_FALSE(trapezius.empty());
    for (const scene::Command& chosen :
         {scene::Command{scene::SetNamedView{scene::ViewName::Posterior}}, scene::Command{scene::FrameBody{}}}) {
        scene::AppState state;
        scene::apply(state, body, scene::SetNamedView{scene::ViewName::Anterior});
        scene::apply(state, body, scene::SelectStructure{trapezius[0], false, true});
        scene::apply(state, body, scene::FrameSelection{1.2f});
        ASSERT_TRUE(state.transition);
        (void)scene::advanceCamera(state, 0.0);
        (void)scene::advanceCamera(state, 0.3); // under way
        scene::apply(state, body, chosen);
        EXPECT_FALSE(state.transition);
        const auto asked = state.view.camera;
        for (double t = 0.3; t < 2.0; t += 0.1)
            (void)scene::advanceCamera(state, t);
        EXPECT_EQ(state.view.camera, asked) << "the flight carried the chosen view away";
    }
}
