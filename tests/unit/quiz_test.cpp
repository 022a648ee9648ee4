// Quiz: tolerant answer matching (case, punctuation, side words, typos, synonyms) and questions from the real atlas.
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "scene/quiz.h"
#include "scene/quiz_session.h"
#include "scene/quiz_stage.h"
#include "support/test_body.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace myoatlas;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

bool accepts(const char* muscleId, const char* given) {
    return scene::answerMatches(given, scene::acceptedMuscleNames(*atlas().muscle(muscleId)));
}

} // namespace

TEST(QuizMatching, NormalisesCasePunctuationAndSideWords) {
    EXPECT_EQ(scene::normalizeAnswer("  The RIGHT Upper-Trapezius muscle! "), "upper trapezius");
    EXPECT_EQ(scene::normalizeAnswer("Upper trapezius (descending fibres)"), "upper trapezius");
    EXPECT_EQ(scene::normalizeAnswer("L. gluteus medius"), "gluteus medius");
}

TEST(QuizMatching, EditDistance) {
    EXPECT_EQ(scene::editDistance("kitten", "sitting"), 3u);
    EXPECT_EQ(scene::editDistance("", "abc"), 3u);
    EXPECT_EQ(scene::editDistance("same", "same"), 0u);
}

TEST(QuizMatching, AcceptsTheNameInManyForms) {
    EXPECT_TRUE(accepts("trapezius_upper", "upper trapezius"));
    EXPECT_TRUE(accepts("trapezius_upper", "Upper Trapezius."));
    EXPECT_TRUE(accepts("trapezius_upper", "right upper trapezius"));
    EXPECT_TRUE(accepts("trapezius_upper", "trapezius upper"));
    EXPECT_TRUE(accepts("trapezius_upper", "upper trapezuis")); // small typo
    EXPECT_TRUE(accepts("trapezius_upper", "upper traps"));
    EXPECT_TRUE(accepts("latissimus_dorsi", "lats"));
    EXPECT_TRUE(accepts("latissimus_dorsi", "Latissimus dorsi"));
    EXPECT_TRUE(accepts("latissimus_dorsi", "latisimus dorsi"));
    EXPECT_TRUE(accepts("quadratus_lumborum", "QL"));
    EXPECT_TRUE(accepts("quadratus_lumborum", "quadratus lumborum, left"));
    EXPECT_TRUE(accepts("gluteus_medius", "glute med"));
    EXPECT_TRUE(accepts("scm_sternal", "SCM"));
    EXPECT_TRUE(accepts("scm_sternal", "sternocleidomastoid"));
    EXPECT_TRUE(accepts("iliopsoas", "psoas"));
    EXPECT_TRUE(accepts("iliopsoas", "psoas major and iliacus"));
}

TEST(QuizMatching, RejectsOtherMuscles) {
    EXPECT_FALSE(accepts("trapezius_upper", "lower trapezius"));
    EXPECT_FALSE(accepts("gluteus_medius", "gluteus minimus"));
    EXPECT_FALSE(accepts("gluteus_medius", "gluteus maximus"));
    EXPECT_FALSE(accepts("latissimus_dorsi", "levator scapulae"));
    EXPECT_FALSE(accepts("quadratus_lumborum", "TFL"));
    EXPECT_FALSE(accepts("soleus", ""));
    EXPECT_FALSE(accepts("soleus", "left"));
    EXPECT_FALSE(accepts("teres_minor", "teres major"));
}

TEST(QuizMatching, LineNames) {
    const auto* sbl = atlas().line("SBL");
    ASSERT_NE(sbl, nullptr);
    auto names = scene::acceptedLineNames(*sbl);
    EXPECT_TRUE(scene::answerMatches("SBL", names));
    EXPECT_TRUE(scene::answerMatches("superficial back line", names));
    EXPECT_TRUE(scene::answerMatches("Superficial back", names));
    EXPECT_FALSE(scene::answerMatches("superficial front line", names));
    EXPECT_FALSE(scene::answerMatches("SFL", names));
}

TEST(QuizGenerator, QuestionsAreWellFormedAndReproducible) {
    scene::QuizGenerator a(atlas(), 42), b(atlas(), 42);
    for (int i = 0; i < 60; ++i) {
        auto kind = scene::kAllQuizKinds[i % 3];
        auto q = a.next(kind);
        auto r = b.next(kind);
        EXPECT_EQ(q.prompt, r.prompt);
        EXPECT_EQ(q.choices, r.choices);
        ASSERT_FALSE(q.answer.empty());
        EXPECT_EQ(q.choices.size(), 4u);
        EXPECT_EQ(std::count(q.choices.begin(), q.choices.end(), q.answer), 1);
        EXPECT_TRUE(scene::answerMatches(q.answer, q.accepted)) << q.answer;
        if (kind == scene::QuizKind::TriggerPointSource) {
            const auto* t = atlas().triggerPoint(q.trpId);
            ASSERT_NE(t, nullptr);
            EXPECT_EQ(t->muscle, q.muscleId);
        }
        if (kind == scene::QuizKind::MuscleLine) {
            // No distractor is another correct line for this muscle.
            for (const auto& c : q.choices)
                if (c != q.answer) {
                    EXPECT_EQ(std::count(q.allAnswers.begin(), q.allAnswers.end(), c), 0) << c;
                }
        }
    }
}

TEST(QuizScore, CountsAndReviewsMistakes) {
    scene::QuizGenerator gen(atlas(), 7);
    scene::QuizScore score;
    auto q = gen.next(scene::QuizKind::NameMuscle);
    EXPECT_TRUE(score.answer(q, q.answer));
    auto q2 = gen.next(scene::QuizKind::NameMuscle);
    EXPECT_FALSE(score.answer(q2, "not a muscle at all"));
    EXPECT_EQ(score.asked, 2);
    EXPECT_EQ(score.correct, 1);
    EXPECT_EQ(score.bestStreak, 1);
    ASSERT_EQ(score.mistakes.size(), 1u);
    EXPECT_EQ(score.mistakes[0].given, "not a muscle at all");
    EXPECT_EQ(score.mistakes[0].expected, q2.answer);
}

// A question shows what it asks about: a deep muscle uncovered (not hidden under the superficial ones it lies
// beneath), a referral pattern on a visible skin, whatever the student peeled or hid before.
TEST(QuizStage, TheMuscleAskedAboutIsUncoveredAndThePatternsSkinShown) {
    const auto& body = test::testBody();
    anatomy::AtlasResolver resolver(atlas(), body);
    scene::AtlasContext context{body, &atlas(), &resolver, ""};
    scene::AppState state;
    scene::apply(state, body, scene::SetNamedView{scene::ViewName::Anterior});
    scene::apply(state, body, scene::SetLayerVisible{anatomy::Layer::Skin, false});

    scene::QuizQuestion deep;
    deep.kind = scene::QuizKind::NameMuscle;
    deep.muscleId = "soleus";
    scene::Commands out;
    scene::stageQuizQuestion(deep, context, state, out);
    scene::applyAll(state, body, out);
    ASSERT_FALSE(state.view.selection.empty());
    size_t visible = 0;
    for (uint32_t s : state.view.selection) {
        EXPECT_EQ(body.structures[s].layer, anatomy::Layer::DeepMuscle) << body.structures[s].name;
        visible += state.view.isVisible(body, s);
    }
    EXPECT_EQ(visible, state.view.selection.size());
    EXPECT_GE(state.view.peel, static_cast<int>(anatomy::index(anatomy::Layer::DeepMuscle)))
        << "the gastrocnemius over it still hides it";

    scene::QuizQuestion pattern;
    pattern.kind = scene::QuizKind::TriggerPointSource;
    pattern.trpId = "TRAPU-TP1";
    out.clear();
    scene::stageQuizQuestion(pattern, context, state, out);
    scene::applyAll(state, body, out);
    EXPECT_TRUE(state.view.selection.empty());
    ASSERT_TRUE(body.skin());
    EXPECT_TRUE(state.view.isVisible(body, *body.skin())) << "the pattern is painted on a hidden skin";
    EXPECT_EQ(state.view.triggerPoints.size(), 1u);
}

// A sitting: the kinds in rotation unless one is chosen, each answer checked once, its verdict kept until the next
// question; no atlas, no questions.
TEST(QuizSession, AsksInTurnChecksOnceAndKeepsTheVerdict) {
    const auto& body = test::testBody();
    anatomy::AtlasResolver resolver(atlas(), body);
    scene::AtlasContext context{body, &atlas(), &resolver, ""};
    scene::QuizSession session(context, 11);
    ASSERT_TRUE(session.available());
    scene::AppState state;
    scene::Commands out;
    EXPECT_FALSE(session.answer("trapezius").has_value()); // nothing asked yet
    for (int i = 0; i < 3; ++i) {
        session.ask(state, out);
        ASSERT_NE(session.question(), nullptr);
        EXPECT_EQ(session.question()->kind, scene::kAllQuizKinds[i]);
    }
    EXPECT_FALSE(out.empty()); // each question staged on the body
    EXPECT_TRUE(session.awaitingAnswer());

    auto wrong = session.answer("not a muscle at all");
    ASSERT_TRUE(wrong.has_value());
    EXPECT_FALSE(wrong->right);
    EXPECT_EQ(wrong->given, "not a muscle at all");
    EXPECT_EQ(wrong->expected, session.score().mistakes.back().expected);
    EXPECT_EQ(wrong->prompt, session.question()->prompt);
    EXPECT_FALSE(session.awaitingAnswer());
    EXPECT_EQ(session.lastCorrect(), std::optional<bool>(false));
    EXPECT_FALSE(session.answer(session.question()->answer).has_value()); // answered once only
    EXPECT_EQ(session.score().asked, 1);

    session.setKind(0);
    session.ask(state, out);
    EXPECT_EQ(session.question()->kind, scene::kAllQuizKinds[0]);
    EXPECT_FALSE(session.lastCorrect().has_value()); // the verdict goes with the question
    auto right = session.answer(session.question()->answer);
    ASSERT_TRUE(right.has_value());
    EXPECT_TRUE(right->right);
    EXPECT_EQ(right->bestStreak, 1);
    EXPECT_EQ(session.lastExpected(), session.question()->answer);
    session.setKind(99); // out of range: mixed again, never out of bounds
    session.ask(state, out);
    EXPECT_NE(session.question(), nullptr);
    session.clearQuestion();
    EXPECT_EQ(session.question(), nullptr);
    EXPECT_FALSE(session.awaitingAnswer());

    scene::AtlasContext none{body, nullptr, nullptr, "no atlas"};
    scene::QuizSession empty(none, 1);
    EXPECT_FALSE(empty.available());
    scene::Commands nothing;
    empty.ask(state, nothing);
    EXPECT_EQ(empty.question(), nullptr);
    EXPECT_TRUE(nothing.empty());
}
