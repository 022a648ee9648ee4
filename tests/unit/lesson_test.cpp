// Lessons: JSON round trip, atomic save, clear errors for corrupt files, structures by FJ id, the shipped samples.
#include "anatomy/atlas.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "scene/lesson.h"
#include "scene/lesson_session.h"
#include "support/test_body.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace myoatlas;
namespace fs = std::filesystem;

namespace {

scene::Lesson sampleLesson() {
    scene::Lesson l;
    l.title = "Neck pain";
    l.description = "Upper trapezius";
    scene::LessonStep a;
    a.caption = "The upper trapezius";
    a.transitionSeconds = 1.5f;
    a.view.camera.target = {0.01f, 1.4f, -0.05f};
    a.view.camera.distance = 0.9f;
    a.view.camera.yaw = 3.14159f;
    a.view.camera.pitch = 0.2f;
    a.view.layers[anatomy::index(anatomy::Layer::Skin)] = {true, 0.25f};
    a.view.layers[anatomy::index(anatomy::Layer::Bone)] = {false, 1.0f};
    a.selection = {"FJ1234", "FJ1235"};
    a.hidden = {"FJ9"};
    a.view.triggerPoints = {{"TRAPU-TP1", "left"}};
    a.view.heatTime = 2.5f;
    a.view.painPoints = {{0.1f, 1.5f, -0.1f}};
    a.view.lines = {"SBL"};
    a.view.technique = {"massage_ball", "trapezius_upper", "right", 2};
    a.view.caption = a.caption;
    scene::LessonStep b;
    b.explicitCamera = false;
    b.namedView = scene::ViewName::Posterior;
    b.frameSelection = true;
    b.view.peel = 1;
    b.view.technique = {"trp_pressure_release", "INFRA-TP1", "left", 1, "ischaemic_compression"};
    b.caption = "From behind";
    b.view.caption = b.caption;
    l.steps = {a, b};
    return l;
}

fs::path tempDir() {
    auto d = fs::temp_directory_path() / ("myoatlas-lesson-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

std::string errorOf(const std::string& text) {
    try {
        (void)scene::parseLesson(text, "bad.json");
    } catch (const core::DataError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(Lesson, JsonRoundTripKeepsEveryField) {
    auto lesson = sampleLesson();
    auto back = scene::parseLesson(scene::lessonToJson(lesson), "mem.json");
    ASSERT_EQ(back.steps.size(), 2u);
    EXPECT_EQ(back.steps[0].view.camera.target, lesson.steps[0].view.camera.target);
    EXPECT_EQ(back.steps[0].view.triggerPoints, lesson.steps[0].view.triggerPoints);
    EXPECT_EQ(back.steps[0].view.technique, lesson.steps[0].view.technique);
    EXPECT_EQ(back, lesson);
}

TEST(Lesson, SaveAndLoadThroughAFile) {
    auto path = tempDir() / "roundtrip.json";
    scene::saveLesson(path, sampleLesson());
    EXPECT_EQ(scene::loadLesson(path), sampleLesson());
}

TEST(Lesson, FailedSaveLeavesTheOldLessonIntact) {
    auto path = tempDir() / "keep.json";
    auto lesson = sampleLesson();
    scene::saveLesson(path, lesson);
    auto bigger = lesson;
    for (int i = 0; i < 40; ++i)
        bigger.steps.push_back(lesson.steps[0]);
    auto text = scene::lessonToJson(bigger);
    ASSERT_GT(text.size(), 8192u);
    EXPECT_THROW(core::writeFileAtomically(path, text,
                                           [](size_t n) {
                                               if (n > 4096)
                                                   throw std::runtime_error("crash");
                                           }),
                 std::runtime_error);
    EXPECT_EQ(scene::loadLesson(path), lesson);
}

TEST(Lesson, CorruptFilesNameFileStepAndField) {
    EXPECT_NE(errorOf("{ not json").find("bad.json: not valid JSON"), std::string::npos);
    EXPECT_NE(errorOf(R"({"steps": []})").find("missing field title"), std::string::npos);
    auto e = errorOf(R"({"title": "t", "steps": [{"view": "anterior"}, {"view": "posterior",
                         "layers": {"skin": {"opacity": 3}}}]})");
    EXPECT_NE(e.find("bad.json"), std::string::npos) << e;
    EXPECT_NE(e.find("step 2"), std::string::npos) << e;
    EXPECT_NE(e.find("layers.skin.opacity"), std::string::npos) << e;
    e = errorOf(R"({"title": "t", "steps": [{"view": "sideways"}]})");
    EXPECT_NE(e.find("step 1 field view: unknown view 'sideways'"), std::string::npos) << e;
    e = errorOf(R"({"title": "t", "steps": [{"camera": {"target": [0, 1], "distance": 1, "yaw": 0, "pitch": 0}}]})");
    EXPECT_NE(e.find("step 1 field camera.target"), std::string::npos) << e;
    e = errorOf(R"({"title": "t", "steps": [{"view": "anterior", "trigger_points": [{"id": "X", "side": "up"}]}]})");
    EXPECT_NE(e.find("trigger_points[0].side"), std::string::npos) << e;
    e = errorOf(R"({"title": "t", "steps": [{"view": "anterior", "colour": 1}]})");
    EXPECT_NE(e.find("step 1 field colour: unknown field"), std::string::npos) << e;
    e = errorOf(R"({"title": "t", "version": 9, "steps": []})");
    EXPECT_NE(e.find("field version"), std::string::npos) << e;
    e = errorOf(R"({"title": "t", "steps": [{"caption": "no camera"}]})");
    EXPECT_NE(e.find("step 1: needs a camera or a view"), std::string::npos) << e;
}

TEST(Lesson, StructuresAreStoredByFjIdAndResolvedOnAnotherBodyBuild) {
    anatomy::Body built;
    for (const char* fj : {"FJ1", "FJ2", "FJ3"}) {
        anatomy::Structure s;
        s.fj = fj;
        s.name = std::string("structure ") + fj;
        built.structures.push_back(s);
        built.meshes.emplace_back();
    }
    scene::ViewState view;
    view.selection = {2, 0};
    auto step = scene::stepFromView(view, built);
    EXPECT_EQ(step.selection, (std::vector<std::string>{"FJ3", "FJ1"}));
    // Another build: different order, FJ1 missing.
    anatomy::Body other;
    for (const char* fj : {"FJ3", "FJ2"}) {
        anatomy::Structure s;
        s.fj = fj;
        s.name = fj;
        other.structures.push_back(s);
        other.meshes.emplace_back();
    }
    auto resolved = scene::resolveStep(step, other, 1.5f);
    EXPECT_EQ(resolved.view.selection, (std::vector<uint32_t>{0}));
    EXPECT_EQ(resolved.missing, (std::vector<std::string>{"FJ1"}));
}

TEST(Lesson, ShippedSamplesLoadAndNameRealAtlasContent) {
    auto atlas = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    int count = 0;
    for (const auto& e : fs::directory_iterator(MYOATLAS_LESSON_DIR)) {
        if (e.path().extension() != ".json")
            continue;
        auto lesson = scene::loadLesson(e.path());
        EXPECT_FALSE(lesson.title.empty()) << e.path();
        EXPECT_GE(lesson.steps.size(), 3u) << e.path();
        for (const auto& s : lesson.steps) {
            EXPECT_FALSE(s.caption.empty()) << e.path();
            for (const auto& t : s.view.triggerPoints)
                EXPECT_NE(atlas.triggerPoint(t.id), nullptr) << e.path() << ": " << t.id;
            for (auto line : s.view.lines) {
                if (auto p = line.find('_'); p != std::string::npos)
                    line = line.substr(0, p);
                EXPECT_NE(atlas.line(line), nullptr) << e.path() << ": " << line;
            }
            if (!s.view.technique.id.empty()) {
                const anatomy::Technique* t = atlas.technique(s.view.technique.id);
                ASSERT_NE(t, nullptr) << e.path();
                if (!s.view.technique.variant.empty()) {
                    EXPECT_NE(t->variant(s.view.technique.variant), nullptr) << e.path();
                }
            }
        }
        ++count;
    }
    EXPECT_GE(count, 3);
}

// Playing and editing a lesson without a window: the clicker keys step it, the editing keeps the steps in order.
TEST(LessonSession, ClickerKeysStepAndEditingKeepsTheOrder) {
    const auto& body = myoatlas::test::testBody();
    scene::LessonSession session(body);
    scene::AppState state;
    scene::Commands out;
    session.open(fs::path(MYOATLAS_LESSON_DIR) / "neck_pain_upper_trapezius.json", true, state, out);
    ASSERT_TRUE(session.playing());
    const int n = session.steps();
    ASSERT_GE(n, 3);
    EXPECT_EQ(session.current(), 0);
    EXPECT_EQ(session.progressText(), "Step 1 / " + std::to_string(n));
    EXPECT_TRUE(session.onAction(scene::Action::Next, state, out));
    EXPECT_TRUE(session.onAction(scene::Action::Next, state, out));
    EXPECT_EQ(session.current(), 2);
    EXPECT_TRUE(session.onAction(scene::Action::Last, state, out));
    EXPECT_TRUE(session.onAction(scene::Action::Next, state, out)); // stays on the last
    EXPECT_EQ(session.current(), n - 1);
    EXPECT_TRUE(session.onAction(scene::Action::First, state, out));
    EXPECT_TRUE(session.onAction(scene::Action::Previous, state, out)); // stays on the first
    EXPECT_EQ(session.current(), 0);
    EXPECT_FALSE(session.onAction(scene::Action::PlayPause, state, out)); // not a lesson key
    EXPECT_TRUE(session.onAction(scene::Action::Leave, state, out));
    EXPECT_FALSE(session.playing());
    EXPECT_FALSE(session.onAction(scene::Action::Next, state, out)); // stopped: the keys go elsewhere

    const std::string first = session.lesson()->steps[0].caption, second = session.lesson()->steps[1].caption;
    EXPECT_FALSE(session.dirty());
    EXPECT_TRUE(session.moveStep(0, 1));
    EXPECT_EQ(session.lesson()->steps[0].caption, second);
    EXPECT_EQ(session.lesson()->steps[1].caption, first);
    EXPECT_EQ(session.current(), 1);
    EXPECT_FALSE(session.moveStep(n - 1, 1)); // past the end
    session.addStep(0, state);
    EXPECT_EQ(session.steps(), n + 1);
    EXPECT_EQ(session.current(), 1);
    EXPECT_TRUE(session.deleteStep(1));
    EXPECT_EQ(session.steps(), n);
    EXPECT_FALSE(session.deleteStep(n));
    EXPECT_TRUE(session.dirty());
    // A bad file leaves the lesson as it was.
    EXPECT_THROW(session.open(fs::path(MYOATLAS_LESSON_DIR) / "no_such_lesson.json", true, state, out), core::Error);
    EXPECT_EQ(session.steps(), n);
}

// The lesson panel's requests, as the session carries them out: a line for the user each time, a bad file reported
// (not thrown) with the lesson kept, the caption buffer dropped when its step may be gone.
TEST(LessonSession, PanelRequestsReportWhatHappened) {
    using K = scene::LessonEditKind;
    const auto& body = myoatlas::test::testBody();
    scene::LessonSession session(body);
    scene::AppState state;
    scene::Commands out;
    auto r = session.apply({K::Open, -1, 0, 0.0f, ""}, state, out);
    EXPECT_FALSE(r.opened);
    ASSERT_TRUE(r.status);
    EXPECT_NE(r.status->find("Type the path"), std::string::npos);

    const std::string path = (fs::path(MYOATLAS_LESSON_DIR) / "neck_pain_upper_trapezius.json").string();
    r = session.apply({K::Open, -1, 0, 0.0f, path}, state, out);
    EXPECT_TRUE(r.opened);
    EXPECT_FALSE(session.playing()) << "opened from the panel: shown, not played";
    ASSERT_TRUE(r.status);
    EXPECT_NE(r.status->find(session.lesson()->title), std::string::npos);
    const int n = session.steps();

    r = session.apply({K::Open, -1, 0, 1.0f, (fs::path(MYOATLAS_LESSON_DIR) / "no_such.json").string()}, state, out);
    EXPECT_TRUE(r.failed);
    EXPECT_FALSE(r.opened);
    EXPECT_EQ(session.steps(), n) << "a bad file replaced the lesson";

    EXPECT_TRUE(session.apply({K::DeleteStep, 0}, state, out).stepsChanged);
    EXPECT_EQ(session.steps(), n - 1);
    EXPECT_FALSE(session.apply({K::DeleteStep, n + 5}, state, out).stepsChanged);
    // Under a regular file: no directory can be made there.
    r = session.apply({K::Save, -1, 0, 0.0f, "/etc/hostname/lesson.json"}, state, out);
    EXPECT_TRUE(r.failed);
    ASSERT_TRUE(r.status);
    EXPECT_EQ(r.status->rfind("Not saved", 0), 0u) << *r.status;
    r = session.apply({K::New}, state, out);
    EXPECT_TRUE(r.opened);
    EXPECT_EQ(session.steps(), 0);
}

// `render --lesson FILE --step N`: the step's view and camera on the real body, a step outside the lesson refused,
// and without an atlas a warning that the step's patterns and lines are not drawn.
TEST(Lesson, AStepAsAStillHasItsViewAndSaysWhatIsLeftOut) {
    const auto& body = myoatlas::test::testBody();
    const auto atlas = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    const fs::path file = fs::path(MYOATLAS_LESSON_DIR) / "neck_pain_upper_trapezius.json";
    const auto lesson = scene::loadLesson(file);
    const scene::AtlasContext context{body, &atlas, nullptr, ""};
    for (int step = 1; step <= static_cast<int>(lesson.steps.size()); ++step) {
        const auto still = scene::lessonStill(file, step, context, 1.5f);
        EXPECT_EQ(still.title, lesson.title);
        EXPECT_TRUE(still.warnings.empty()) << still.warnings.front();
        const auto expected = scene::resolveStep(lesson.steps[static_cast<size_t>(step - 1)], body, 1.5f);
        EXPECT_EQ(still.state.view.caption, expected.view.caption);
        EXPECT_EQ(still.state.view.triggerPoints, expected.view.triggerPoints);
        EXPECT_EQ(still.state.view.camera.distance, expected.view.camera.distance);
    }
    EXPECT_THROW((void)scene::lessonStill(file, 0, context, 1.5f), core::UsageError);
    EXPECT_THROW((void)scene::lessonStill(file, static_cast<int>(lesson.steps.size()) + 1, context, 1.5f),
                 core::UsageError);
    const scene::AtlasContext noAtlas{body, nullptr, nullptr, "atlas.json: broken"};
    bool warned = false;
    for (int step = 1; step <= static_cast<int>(lesson.steps.size()); ++step)
        for (const auto& w : scene::lessonStill(file, step, noAtlas, 1.5f).warnings)
            warned |= w.find("atlas.json: broken") != std::string::npos;
    EXPECT_TRUE(warned);
}
