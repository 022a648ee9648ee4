// The classroom panels under a headless ImGui context (no GL): the lesson panel through the lesson
// feature on the real body (adding views grows the lesson, next/previous emit the step's view and camera move),
// the quiz panel (the chosen answer reaches the score and the mistakes list) and the patient panel (each control
// emits its action). Clicks are simulated by probing for the item id under the mouse.
#include "app/feature.h"
#include "app/lesson_feature.h"
#include "scene/lesson.h"
#include "scene/quiz.h"
#include "support/headless_imgui.h"
#include "support/test_body.h"
#include "ui/panels.h"
#include "ui/patient_panel.h"
#include "ui/presentation.h"
#include "ui/quiz_panel.h"

#include <functional>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <optional>

using namespace myoatlas;

namespace {

class ClassroomUi : public ::testing::Test {
protected:
    void SetUp() override { test::createHeadlessImGui(); }
    void TearDown() override { test::destroyHeadlessImGui(); }

    // One frame with the mouse at `mouse`; `draw` builds the panel under test.
    void frame(ImVec2 mouse = ImVec2(-1, -1), bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
    // Press and release at p; the frame of the release is the one whose output counts.
    void clickAt(ImVec2 p) {
        frame(p, false);
        frame(p, true);
        before();
        frame(p, false);
    }
    // The window's id of a label, optionally inside PushID(n).
    static ImGuiID idOf(ImGuiWindow* w, const char* label, std::optional<int> pushed = std::nullopt) {
        if (!pushed)
            return w->GetID(label);
        int n = *pushed;
        ImGuiID seed = ImHashData(&n, sizeof(n), w->ID);
        return ImHashStr(label, 0, seed);
    }
    // Probes the window until the item is under the mouse.
    std::optional<ImVec2> find(const char* window, const char* label, std::optional<int> pushed = std::nullopt) {
        frame();
        frame();
        ImGuiWindow* w = ImGui::FindWindowByName(window);
        if (!w)
            return std::nullopt;
        ImGuiID id = idOf(w, label, pushed);
        const float step = ImGui::GetFontSize() * 0.5f;
        for (float y = w->Rect().Min.y; y < w->Rect().Max.y; y += step)
            for (float x = w->Rect().Min.x; x < w->Rect().Max.x; x += step) {
                frame(ImVec2(x, y));
                if (ImGui::GetCurrentContext()->HoveredId == id)
                    return ImVec2(x, y);
            }
        return std::nullopt;
    }

    std::function<void()> draw = [] {};
    std::function<void()> before = [] {}; // clears the outputs before the frame that clicks
    ui::UiModel model;
    ui::UiState ui;
};

// ---- Lessons: the panel through the feature, on the real body --------------------------------------------------

class LessonPanelTest : public ClassroomUi {
protected:
    void SetUp() override {
        ClassroomUi::SetUp();
        model.body = &test::testBody();
        model.state = &state;
        state.viewportAspect = 1.6f;
        scene::apply(state, test::testBody(), scene::SetNamedView{scene::ViewName::Anterior});
        state.shell.lessonPanel = true;
        draw = [this] { feature.drawUi(model, ui, out); };
        before = [this] { out = {}; };
    }
    template <class T> std::vector<const T*> all() const {
        std::vector<const T*> r;
        for (const auto& c : out.list())
            if (auto p = std::get_if<T>(&c))
                r.push_back(p);
        return r;
    }
    scene::CameraPose stepCamera(int i) const {
        return scene::resolveStep(feature.lesson()->steps.at(static_cast<size_t>(i)), test::testBody(),
                                  state.viewportAspect)
            .view.camera;
    }

    scene::AppState state;
    app::FeatureContext context{test::testBody()};
    app::LessonFeature feature{context};
    scene::Commands out;
};

TEST_F(LessonPanelTest, AddThisViewAsAStepGrowsTheLesson) {
    auto newButton = find("Lesson", "New");
    ASSERT_TRUE(newButton) << "New button not found";
    clickAt(*newButton);
    ASSERT_TRUE(feature.lesson().has_value()) << "New made no lesson";
    EXPECT_TRUE(feature.lesson()->steps.empty());

    auto add = find("Lesson", "Add this view as a step");
    ASSERT_TRUE(add) << "Add button not found";
    clickAt(*add);
    ASSERT_EQ(feature.lesson()->steps.size(), 1u);
    EXPECT_EQ(feature.current(), 0);
    EXPECT_EQ(feature.lesson()->steps[0].view.camera, state.view.camera);

    // A second view, from behind: the new step is inserted after the current one and becomes current.
    scene::apply(state, test::testBody(), scene::SetNamedView{scene::ViewName::Posterior});
    add = find("Lesson", "Add this view as a step");
    ASSERT_TRUE(add);
    clickAt(*add);
    ASSERT_EQ(feature.lesson()->steps.size(), 2u);
    EXPECT_EQ(feature.current(), 1);
    EXPECT_EQ(feature.lesson()->steps[1].view.camera, state.view.camera);
    EXPECT_NE(feature.lesson()->steps[0].view.camera, feature.lesson()->steps[1].view.camera);
}

TEST_F(LessonPanelTest, NextAndPreviousShowTheNeighbouringStep) {
    feature.requestOpen(MYOATLAS_LESSON_DIR "/neck_pain_upper_trapezius.json", true);
    frame();
    ASSERT_TRUE(feature.lesson().has_value()) << ui.status;
    ASSERT_GE(feature.lesson()->steps.size(), 2u);
    ASSERT_TRUE(feature.playing());
    ASSERT_EQ(feature.current(), 0);

    auto next = find("Lesson", "##next");
    ASSERT_TRUE(next) << "next arrow not found";
    clickAt(*next);
    EXPECT_EQ(feature.current(), 1);
    auto views = all<scene::SetViewState>();
    auto moves = all<scene::AnimateCamera>();
    ASSERT_EQ(views.size(), 1u);
    ASSERT_EQ(moves.size(), 1u);
    const auto& step1 = feature.lesson()->steps[1];
    EXPECT_EQ(views[0]->view.caption, step1.view.caption);
    EXPECT_EQ(moves[0]->pose, stepCamera(1)) << "the camera does not move to step 2";
    EXPECT_FLOAT_EQ(moves[0]->seconds, step1.transitionSeconds);
    EXPECT_EQ(feature.progressText(), "Step 2 / " + std::to_string(feature.lesson()->steps.size()));

    auto prev = find("Lesson", "##prev");
    ASSERT_TRUE(prev) << "previous arrow not found";
    clickAt(*prev);
    EXPECT_EQ(feature.current(), 0);
    moves = all<scene::AnimateCamera>();
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_EQ(moves[0]->pose, stepCamera(0));
    // Previous on the first step stays there.
    clickAt(*prev);
    EXPECT_EQ(feature.current(), 0);
}

TEST_F(LessonPanelTest, NothingIsDrawnOrEmittedInPresentationMode) {
    feature.requestOpen(MYOATLAS_LESSON_DIR "/neck_pain_upper_trapezius.json", false);
    state.shell.presentation = true;
    frame();
    EXPECT_EQ(ImGui::FindWindowByName("Lesson"), nullptr) << "the lesson panel shows on the projector";
    EXPECT_TRUE(out.empty());
}

// ---- Quiz panel -------------------------------------------------------------------------------------------------

class QuizPanelTest : public ClassroomUi {
protected:
    void SetUp() override {
        ClassroomUi::SetUp();
        quizState.shell.quiz = true;
        model.state = &quizState;
        q.kind = scene::QuizKind::NameMuscle;
        q.prompt = "Which muscle is highlighted?";
        q.muscleId = "trapezius_upper";
        q.answer = "Upper trapezius";
        q.accepted = {"upper trapezius", "trapezius upper"};
        q.choices = {"Levator scapulae", "Upper trapezius", "Splenius capitis", "Rhomboid major"};
        view.question = &q;
        view.score = &score;
        draw = [this] {
            for (auto& a : ui::drawQuizPanel(model, ui, view, commands))
                actions.push_back(a);
        };
        before = [this] { actions.clear(); };
    }
    // What the quiz feature does with an answer: grade it and show the verdict.
    void apply() {
        for (const auto& a : actions)
            if (a.kind == ui::QuizActionKind::Answer) {
                view.lastCorrect = score.answer(q, a.text);
                view.lastExpected = q.answer;
                view.answered = true;
            }
    }
    std::optional<ImVec2> choice(int i) { return find("Quiz", q.choices[static_cast<size_t>(i)].c_str(), i); }

    scene::QuizQuestion q;
    scene::QuizScore score;
    ui::QuizView view;
    scene::AppState quizState;
    scene::Commands commands;
    std::vector<ui::QuizAction> actions;
};

TEST_F(QuizPanelTest, TheRightChoiceScores) {
    auto right = choice(1);
    ASSERT_TRUE(right) << "choice button not found";
    clickAt(*right);
    ASSERT_EQ(actions.size(), 1u);
    EXPECT_EQ(actions[0].kind, ui::QuizActionKind::Answer);
    EXPECT_EQ(actions[0].text, "Upper trapezius");
    apply();
    EXPECT_EQ(score.asked, 1);
    EXPECT_EQ(score.correct, 1);
    EXPECT_EQ(score.streak, 1);
    EXPECT_TRUE(score.mistakes.empty());
    EXPECT_EQ(view.lastCorrect, std::optional<bool>(true));

    // Answered: the choices are gone and "Next question" asks the next one.
    EXPECT_FALSE(choice(1)) << "choices still clickable after the answer";
    auto next = find("Quiz", "Next question");
    ASSERT_TRUE(next);
    clickAt(*next);
    ASSERT_EQ(actions.size(), 1u);
    EXPECT_EQ(actions[0].kind, ui::QuizActionKind::Next);
}

TEST_F(QuizPanelTest, AWrongChoiceGoesToTheMistakes) {
    auto wrong = choice(0);
    ASSERT_TRUE(wrong);
    clickAt(*wrong);
    ASSERT_EQ(actions.size(), 1u);
    EXPECT_EQ(actions[0].text, "Levator scapulae");
    apply();
    EXPECT_EQ(score.asked, 1);
    EXPECT_EQ(score.correct, 0);
    EXPECT_EQ(view.lastCorrect, std::optional<bool>(false));
    ASSERT_EQ(score.mistakes.size(), 1u);
    EXPECT_EQ(score.mistakes[0].given, "Levator scapulae");
    EXPECT_EQ(score.mistakes[0].expected, "Upper trapezius");
    EXPECT_EQ(score.mistakes[0].prompt, q.prompt);
    // The panel lists it under "Review mistakes".
    EXPECT_TRUE(find("Quiz", "Review mistakes")) << "no mistakes review";
}

TEST_F(QuizPanelTest, ATypedAnswerIsCheckedAndTheFieldCleared) {
    view.multipleChoice = false;
    EXPECT_FALSE(choice(1)) << "choice buttons in typed mode";
    auto check = find("Quiz", "Check");
    ASSERT_TRUE(check);
    ui.quizAnswer = "upper trapezius (right)";
    clickAt(*check);
    ASSERT_EQ(actions.size(), 1u);
    EXPECT_EQ(actions[0].text, "upper trapezius (right)");
    EXPECT_TRUE(ui.quizAnswer.empty());
    apply();
    EXPECT_EQ(score.correct, 1) << "a tolerant match was graded wrong";
    // An empty field sends nothing.
    view.answered = false;
    clickAt(*check);
    EXPECT_TRUE(actions.empty());
}

TEST_F(QuizPanelTest, ModeButtonsEmitTheMode) {
    auto typed = find("Quiz", "Type the answer");
    ASSERT_TRUE(typed);
    clickAt(*typed);
    ASSERT_EQ(actions.size(), 1u);
    EXPECT_EQ(actions[0].kind, ui::QuizActionKind::SetMode);
    EXPECT_EQ(actions[0].value, 0);
}

// ---- Patient panel ----------------------------------------------------------------------------------------------

class PatientPanelTest : public ClassroomUi {
protected:
    using E = scene::PatientEvent;
    void SetUp() override {
        ClassroomUi::SetUp();
        view.screen = scene::PatientScreen::Source;
        view.title = "Where it may come from";
        view.lines = {"Pain felt here often comes from a tight spot in the sloping muscle between your neck and "
                      "shoulder (upper trapezius), on your right side."};
        view.counter = "Possible cause 1 of 3";
        view.buttons = {
            {E::Next, "What can I do at home?"}, {E::Another, "Another possible cause"}, {E::Back, "Mark again"}};
        handout = "/tmp/handout.pdf";
        draw = [this] {
            for (auto& a : ui::drawPatientPanel(model, ui, view, handout))
                actions.push_back(a);
        };
        before = [this] { actions.clear(); };
    }
    std::optional<ui::PatientAction> clicked(const char* label, std::optional<int> pushed = std::nullopt) {
        auto p = find(kWindow, label, pushed);
        EXPECT_TRUE(p) << label << " not found";
        if (!p)
            return std::nullopt;
        clickAt(*p);
        EXPECT_EQ(actions.size(), 1u) << label;
        if (actions.empty())
            return std::nullopt;
        return actions[0];
    }
    std::optional<E> event(const char* label, E e) {
        auto a = clicked(label, static_cast<int>(e));
        if (!a || a->kind != ui::PatientActionKind::Event)
            return std::nullopt;
        return a->event;
    }
    static constexpr const char* kWindow = "Patient mode";
    ui::PatientView view;
    std::string handout;
    std::vector<ui::PatientAction> actions;
};

TEST_F(PatientPanelTest, EachControlEmitsItsAction) {
    EXPECT_EQ(event("What can I do at home?", E::Next), E::Next);
    EXPECT_EQ(event("Another possible cause", E::Another), E::Another);
    EXPECT_EQ(event("Mark again", E::Back), E::Back);
    auto leave = clicked("Leave patient mode");
    ASSERT_TRUE(leave);
    EXPECT_EQ(leave->kind, ui::PatientActionKind::Leave);
    view.handoutField = true;
    auto print = clicked("Print");
    ASSERT_TRUE(print);
    EXPECT_EQ(print->kind, ui::PatientActionKind::ExportHandout);
    EXPECT_EQ(print->path, "/tmp/handout.pdf");
}

TEST_F(PatientPanelTest, ControlsFollowTheScreen) {
    // The first screen: no way on yet, no handout; leaving still works, with one button.
    view = {};
    view.title = "Where does it hurt?";
    EXPECT_FALSE(find(kWindow, "What can I do at home?", static_cast<int>(E::Next)));
    EXPECT_FALSE(find(kWindow, "Print"));
    auto leave = clicked("Leave patient mode");
    ASSERT_TRUE(leave);
    EXPECT_EQ(leave->kind, ui::PatientActionKind::Leave);
    // Idle frames emit nothing.
    actions.clear();
    frame();
    frame();
    EXPECT_TRUE(actions.empty());
}

TEST(PatientText, BigEnoughForTheChairAndScaledWithTheWindow) {
    EXPECT_GE(ui::patientTextPixels(17.0f, 1080.0f), 28.0f);
    EXPECT_GT(ui::patientTextPixels(17.0f, 1080.0f), ui::patientTextPixels(17.0f, 720.0f));
    EXPECT_GE(ui::patientTextPixels(17.0f, 720.0f), 17.0f * 1.25f);
}

// ---- Captions on a projector ---------------------------------------------------------------------------------------

TEST_F(ClassroomUi, CaptionsAreLargeAndTakeAtMostAQuarterOfTheScreen) {
    frame(); // a font to measure with
    const std::string shortText = "TrP1 refers pain up the side of the neck to the temple and behind the eye.";
    std::string longText;
    while (longText.size() < 3000)
        longText += "The upper trapezius refers pain to the temple, the angle of the jaw and behind the eye. ";
    for (bool presentation : {true, false}) {
        for (auto [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1280.0f, 720.0f}}) {
            for (const std::string* text : std::initializer_list<const std::string*>{&shortText, &longText}) {
                auto l = ui::layoutCaption(*text, w, h, presentation, 17.0f);
                EXPECT_LE(l.bottom - l.top, h * 0.25f + 0.5f) << w << "x" << h;
                EXPECT_LE(l.bottom, h);
                EXPECT_GE(l.size, h >= 1080.0f ? 28.0f : 18.0f) << w << "x" << h << " presentation " << presentation;
                EXPECT_EQ(l.cut, text == &longText);
                if (text == &shortText) {
                    EXPECT_EQ(l.text, shortText);
                }
            }
        }
        // Scaled with the window: a bigger window, bigger text.
        EXPECT_GT(ui::layoutCaption(shortText, 1920, 1080, presentation, 17.0f).size,
                  ui::layoutCaption(shortText, 1280, 720, presentation, 17.0f).size);
    }
    EXPECT_GE(ui::presentationTextPixels(1080.0f, 34.0f), 28.0f);
}

} // namespace

// ---- Patient mode through every feature --------------------------------------------------------------------------

// In patient mode the plain-language panel is the only one: the trigger point, technique, line and lesson panels
// that were open go away (and come back when it is left).
TEST_F(ClassroomUi, PatientModeShowsOnlyThePatientPanel) {
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    anatomy::AtlasResolver resolver(atlas, test::testBody());
    app::FeatureContext context{test::testBody(), &atlas, &resolver, ""};
    auto features = app::makeFeatures(context);
    scene::AppState state;
    state.viewportAspect = 1.6f;
    scene::apply(state, test::testBody(), scene::SetNamedView{scene::ViewName::Anterior});
    // A technique on the body opens its panel; the lesson panel, layers and structures are switched on.
    scene::apply(state, test::testBody(), scene::SetTechnique{{"massage_ball", "trapezius_upper", "right", 0}});
    model.body = &test::testBody();
    model.state = &state;
    state.shell.lessonPanel = state.shell.layersPanel = state.shell.browserPanel = true;
    scene::Commands out;
    draw = [&] {
        ui::drawUi(model, ui, out);
        for (auto& f : features)
            f->drawUi(model, ui, out);
    };
    auto shown = [](const char* name) {
        ImGuiWindow* w = ImGui::FindWindowByName(name);
        return w && w->Active;
    };
    const char* expert[] = {"Trigger points", "Technique", "Lesson", "Layers", "Structures"};
    frame();
    frame();
    for (const char* name : expert)
        EXPECT_TRUE(shown(name)) << name << " is not open to begin with";

    state.shell.set(scene::ShellFlag::Patient, true);
    frame();
    frame();
    EXPECT_TRUE(shown("Patient mode"));
    for (const char* name : expert)
        EXPECT_FALSE(shown(name)) << name << " shows in patient mode";

    state.shell.set(scene::ShellFlag::Patient, false);
    frame();
    frame();
    EXPECT_FALSE(shown("Patient mode"));
    for (const char* name : expert)
        EXPECT_TRUE(shown(name)) << name << " did not come back after patient mode";
}
