// Studying a structure: what students type finds the right record in the real atlas and body, the card shows the
// atlas's content, and the camera turns the structure toward the viewer.
#include "anatomy/landmark_resolver.h"
#include "scene/study_card.h"
#include "scene/study_search.h"
#include "scene/study_view.h"
#include "scene/technique_player.h"
#include "scene/view_state.h"
#include "support/test_body.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace myoatlas;
using scene::StudyKind;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

const scene::StudyIndex& index() {
    static const scene::StudyIndex i(&atlas(), &test::testBody());
    return i;
}

struct Expected {
    const char* query;
    const char* id; // the best result's id; for a structure, a word its name must contain
    StudyKind kind;
};

// What students type, and what they mean. Abbreviations, slang, groups, typos, case and accents.
const Expected kQueries[] = {
    {"upper trapezius", "trapezius_upper", StudyKind::Muscle},
    {"upper trap", "trapezius_upper", StudyKind::Muscle},
    {"traps", "trapezius_upper", StudyKind::Muscle},
    {"trapezius upper fibres", "trapezius_upper", StudyKind::Muscle},
    {"Trapezius upper fibers", "trapezius_upper", StudyKind::Muscle},
    {"trapezius", "trapezius", StudyKind::Group},
    {"trapezuis", "trapezius", StudyKind::Group},
    {"SCM", "sternocleidomastoid", StudyKind::Group},
    {"scm", "sternocleidomastoid", StudyKind::Group},
    {"sternocleidomastiod", "sternocleidomastoid", StudyKind::Group},
    {"QL", "quadratus_lumborum", StudyKind::Muscle},
    {"quadratus lumborum", "quadratus_lumborum", StudyKind::Muscle},
    {"TFL", "tensor_fasciae_latae", StudyKind::Muscle},
    {"glute med", "gluteus_medius", StudyKind::Muscle},
    {"GLUTE MED", "gluteus_medius", StudyKind::Muscle},
    {"gluteus medius", "gluteus_medius", StudyKind::Muscle},
    {"glutemed", "gluteus_medius", StudyKind::Muscle},
    {"glutes", "glutes", StudyKind::Group},
    {"pec minor", "pectoralis_minor", StudyKind::Muscle},
    {"pec major", "pectoralis_major", StudyKind::Muscle},
    {"IT band", "iliotibial tract", StudyKind::Structure},
    {"Achilles", "calcaneal tendon", StudyKind::Structure},
    {"rotator cuff", "rotator_cuff", StudyKind::Group},
    {"hamstrings", "hamstrings", StudyKind::Muscle},
    {"quads", "quadriceps", StudyKind::Group},
    {"calf", "calf", StudyKind::Group},
    {"infraspinatis", "infraspinatus", StudyKind::Muscle},
    {"supraspinatous", "supraspinatus", StudyKind::Muscle},
    {"piriformus", "piriformis", StudyKind::Muscle},
    {"pirifromis", "piriformis", StudyKind::Muscle},
    {"gastrocnemious", "gastrocnemius", StudyKind::Muscle},
    {"soleous", "soleus", StudyKind::Muscle},
    {"deltiod", "deltoid", StudyKind::Muscle},
    {"levator scap", "levator_scapulae", StudyKind::Muscle},
    {"lats", "latissimus_dorsi", StudyKind::Muscle},
    {"psoas", "iliopsoas", StudyKind::Muscle},
    {"biceps", "biceps_brachii", StudyKind::Muscle},
    {"rhomboid", "rhomboids", StudyKind::Muscle},
    {"peroneus longus", "fibularis_longus", StudyKind::Muscle},
    {"VMO", "vastus_medialis", StudyKind::Muscle},
    {"multifidus", "multifidi", StudyKind::Muscle},
    {"\xC3\xA9rector spinae", "erector_spinae", StudyKind::Muscle}, // accented: érector
    {"masseter", "masseter", StudyKind::Muscle},
    {"Superficial back line", "SBL", StudyKind::Line},
    {"SBL", "SBL", StudyKind::Line},
    {"deep front line", "DFL", StudyKind::Line},
    {"TRAPU-TP1", "TRAPU-TP1", StudyKind::TriggerPoint},
    {"trapu tp1", "TRAPU-TP1", StudyKind::TriggerPoint},
    {"C7", "c7", StudyKind::Landmark},
    {"acromion", "acromion", StudyKind::Landmark},
    {"cross fibre friction", "cross_fibre_friction", StudyKind::Technique},
    {"foam roller", "foam_roller", StudyKind::Technique},
};

} // namespace

TEST(StudySearch, NormalisesCaseAccentsAndPunctuation) {
    EXPECT_EQ(scene::normalizeForSearch("  Upper-Trapezius (Descending) "), "upper trapezius descending");
    EXPECT_EQ(scene::normalizeForSearch("\xC3\x89rector  Spin\xC3\xA6"), "erector spinae");
    EXPECT_EQ(scene::normalizeForSearch("boxer's muscle"), "boxers muscle");
    EXPECT_EQ(scene::normalizeForSearch("muscle fibers"), "muscle fibres");
    EXPECT_EQ(scene::normalizeForSearch("TRAPU-TP1"), "trapu tp1");
}

TEST(StudySearch, EditDistanceCountsTranspositionsOnce) {
    EXPECT_EQ(scene::editDistance("piriformis", "piriformis"), 0);
    EXPECT_EQ(scene::editDistance("pirifromis", "piriformis"), 1);
    EXPECT_EQ(scene::editDistance("soleous", "soleus"), 1);
    EXPECT_EQ(scene::editDistance("abc", "xyz"), 3);
    EXPECT_GT(scene::editDistance("trapezius", "gastrocnemius", 2), 2); // stops early past the limit
}

TEST(StudySearch, ScoresRankExactAbovePrefixAboveTypo) {
    float exact = scene::matchScore("gluteus medius", "gluteus medius");
    float prefix = scene::matchScore("gluteus med", "gluteus medius");
    float typo = scene::matchScore("gluteus medus", "gluteus medius");
    EXPECT_FLOAT_EQ(exact, 1.0f);
    EXPECT_GT(exact, prefix);
    EXPECT_GT(prefix, typo);
    EXPECT_GT(typo, 0.5f);
    // Abbreviations are short: no typo tolerance there, or QL would find every two-letter word.
    EXPECT_EQ(scene::matchScore("ql", "qx"), 0.0f);
}

TEST(StudySearch, WhatStudentsTypeFindsWhatTheyMean) {
    ASSERT_GE(std::size(kQueries), 30u);
    int failures = 0;
    for (const auto& q : kQueries) {
        auto results = index().find(q.query);
        ASSERT_FALSE(results.empty()) << "no result for \"" << q.query << "\"";
        const auto& top = results.front();
        bool ok = top.kind == q.kind &&
                  (q.kind == StudyKind::Structure ? top.id.find(q.id) != std::string::npos : top.id == q.id);
        if (!ok)
            ++failures;
        EXPECT_TRUE(ok) << "\"" << q.query << "\" -> " << top.id << " (" << scene::studyKindName(top.kind) << ", "
                        << top.score << ", matched \"" << top.matched << "\"), expected " << q.id;
    }
    EXPECT_EQ(failures, 0);
}

TEST(StudySearch, ResultsAreRankedAndMuscleAboveItsTriggerPoints) {
    auto results = index().find("gluteus medius");
    ASSERT_GE(results.size(), 3u);
    for (size_t i = 1; i < results.size(); ++i)
        EXPECT_GE(results[i - 1].score, results[i].score);
    // Its trigger points come later in the list.
    auto trp = std::find_if(results.begin(), results.end(), [](const auto& r) { return r.id == "GMED-TP1"; });
    ASSERT_NE(trp, results.end());
    EXPECT_GT(trp - results.begin(), 0);
}

TEST(StudySearch, UnknownQueryFindsNothingButSuggestsNearNames) {
    EXPECT_TRUE(index().find("qqqqzzzz").empty());
    EXPECT_TRUE(index().find("").empty());
    EXPECT_TRUE(index().find("   ").empty());
    auto near = index().suggestions("trapeeeziusss muscle");
    ASSERT_FALSE(near.empty());
    EXPECT_NE(near.front().find("rapezius"), std::string::npos) << near.front();
}

TEST(StudySearch, GroupsSelectEveryMember) {
    auto results = index().find("rotator cuff");
    ASSERT_FALSE(results.empty());
    auto structures = index().structuresOf(results.front());
    for (const char* m : {"supraspinatus", "infraspinatus", "teres_minor", "subscapularis"}) {
        auto own = index().structuresOfMuscle(m);
        ASSERT_FALSE(own.empty()) << m;
        for (uint32_t s : own)
            EXPECT_NE(std::find(structures.begin(), structures.end(), s), structures.end()) << m;
    }
    // Both sides: a student studying the cuff sees it on the left and the right.
    bool left = false, right = false;
    for (uint32_t s : structures) {
        left |= test::testBody().structures[s].side == anatomy::Side::Left;
        right |= test::testBody().structures[s].side == anatomy::Side::Right;
    }
    EXPECT_TRUE(left && right);
}

TEST(StudySearch, EveryAtlasMuscleIsFoundByItsOwnName) {
    for (const auto& m : atlas().muscles) {
        auto results = index().find(m.name);
        ASSERT_FALSE(results.empty()) << m.name;
        EXPECT_EQ(results.front().id, m.id) << m.name;
    }
}

TEST(StudyCard, MuscleCardShowsTheAtlasContent) {
    for (const char* id : {"trapezius_upper", "gluteus_medius", "infraspinatus", "quadratus_lumborum"}) {
        const auto* m = atlas().muscle(id);
        ASSERT_NE(m, nullptr);
        auto card = scene::buildStudyCard(atlas(), StudyKind::Muscle, id);
        ASSERT_FALSE(card.empty()) << id;
        EXPECT_EQ(card.name, m->name);
        EXPECT_EQ(card.origin, m->origin);
        EXPECT_EQ(card.insertion, m->insertion);
        EXPECT_EQ(card.action, m->action);
        EXPECT_EQ(card.innervation, m->innervation);
        EXPECT_EQ(card.commonNames, atlas().commonNamesOf(id));
        // Every trigger point of the muscle, and nothing else.
        auto trps = atlas().triggerPointsOf(id);
        ASSERT_EQ(card.triggerPoints.size(), trps.size()) << id;
        for (size_t i = 0; i < trps.size(); ++i)
            EXPECT_EQ(card.triggerPoints[i].id, trps[i]->id);
        // Every line the atlas names, in its order.
        ASSERT_EQ(card.lines.size(), m->lines.size()) << id;
        for (size_t i = 0; i < m->lines.size(); ++i)
            EXPECT_EQ(card.lines[i].id, m->lines[i]);
        EXPECT_FALSE(card.palpation.empty()) << id;
        for (const auto& s : m->sources)
            EXPECT_TRUE(std::any_of(card.sources.begin(), card.sources.end(),
                                    [&](const scene::CardSource& c) { return c.id == s && !c.title.empty(); }))
                << id << " lacks source " << s;
    }
}

TEST(StudyCard, TechniquesWrittenForTheMuscleComeFirst) {
    auto card = scene::buildStudyCard(atlas(), StudyKind::Muscle, "infraspinatus");
    ASSERT_GE(card.techniques.size(), 3u);
    auto pos = [&](const char* id) {
        return std::find_if(card.techniques.begin(), card.techniques.end(),
                            [&](const scene::CardLink& l) { return l.id == id; }) -
               card.techniques.begin();
    };
    EXPECT_LT(pos("cross_fibre_friction"), pos("mfr_direct"));
    EXPECT_LT(pos("pin_and_stretch"), pos("foam_roller"));
    // Rectus abdominis is no listed target of friction: only the techniques that suit any muscle.
    auto ra = scene::buildStudyCard(atlas(), StudyKind::Muscle, "rectus_abdominis");
    EXPECT_TRUE(std::none_of(ra.techniques.begin(), ra.techniques.end(),
                             [](const scene::CardLink& l) { return l.id == "cross_fibre_friction"; }));
}

TEST(StudyCard, GroupTriggerPointLineAndLandmarkCards) {
    auto cuff = scene::buildStudyCard(atlas(), StudyKind::Group, "rotator_cuff");
    ASSERT_EQ(cuff.muscles.size(), 4u);
    size_t trps = 0;
    for (const auto& m : cuff.muscles)
        trps += atlas().triggerPointsOf(m.id).size();
    EXPECT_EQ(cuff.triggerPoints.size(), trps);

    auto trp = scene::buildStudyCard(atlas(), StudyKind::TriggerPoint, "TRAPU-TP1");
    const auto* t = atlas().triggerPoint("TRAPU-TP1");
    ASSERT_FALSE(trp.empty());
    ASSERT_FALSE(trp.muscles.empty());
    EXPECT_EQ(trp.muscles.front().id, "trapezius_upper");
    auto field = [&](const scene::StudyCard& c, const char* label) {
        for (const auto& f : c.fields)
            if (f.label == label)
                return f.text;
        return std::string();
    };
    EXPECT_NE(field(trp, "Refers to (essential)").find(t->essential.front().label), std::string::npos);
    EXPECT_EQ(trp.triggerPoints.size(), t->satellites.size());

    auto sbl = scene::buildStudyCard(atlas(), StudyKind::Line, "SBL");
    for (const char* m : {"hamstrings", "gastrocnemius", "erector_spinae"})
        EXPECT_TRUE(std::any_of(sbl.muscles.begin(), sbl.muscles.end(), [&](const scene::CardLink& l) {
            return l.id == m;
        })) << m;
    EXPECT_EQ(field(sbl, "Function"), atlas().line("SBL")->function);

    auto c7 = scene::buildStudyCard(atlas(), StudyKind::Landmark, "c7");
    EXPECT_EQ(c7.name, atlas().landmark("c7")->name);
    EXPECT_FALSE(c7.sources.empty());

    EXPECT_TRUE(scene::buildStudyCard(atlas(), StudyKind::Muscle, "no_such_muscle").empty());

    // A body structure lists the atlas muscles it is made of.
    auto trap = scene::buildStructureCard(&atlas(), test::testBody(), "right trapezius");
    ASSERT_FALSE(trap.empty());
    for (const char* m : {"trapezius_upper", "trapezius_middle", "trapezius_lower"})
        EXPECT_TRUE(std::any_of(trap.muscles.begin(), trap.muscles.end(), [&](const scene::CardLink& l) {
            return l.id == m;
        })) << m;
    EXPECT_TRUE(scene::buildStructureCard(&atlas(), test::testBody(), "no such structure").empty());
}

TEST(StudyCard, EndangermentSitesNearTheNeckMuscles) {
    anatomy::AtlasResolver resolver(atlas(), test::testBody());
    scene::TechniqueResolver techniques(atlas(), test::testBody(), resolver);
    auto scm = scene::buildStudyCard(atlas(), StudyKind::Muscle, "scm_sternal", &techniques);
    EXPECT_TRUE(std::any_of(scm.endangerment.begin(), scm.endangerment.end(), [](const scene::CardLink& l) {
        return l.id.find("triangle_neck") != std::string::npos;
    })) << "SCM without the triangles of the neck";
    // A thigh muscle far from the neck does not list the neck's sites.
    auto vl = scene::buildStudyCard(atlas(), StudyKind::Muscle, "vastus_lateralis", &techniques);
    EXPECT_TRUE(std::none_of(vl.endangerment.begin(), vl.endangerment.end(),
                             [](const scene::CardLink& l) { return l.id.find("neck") != std::string::npos; }));
}

TEST(StudyView, StructuresFaceTheViewer) {
    const auto& body = test::testBody();
    auto right = [&](const char* muscle) { return index().structuresOfMuscle(muscle, anatomy::Side::Right); };
    // +Z is anterior, +X the subject's left.
    auto gmed = scene::facingDirection(body, right("gluteus_medius"));
    EXPECT_LT(gmed.x, 0.0f);
    EXPECT_LT(gmed.z, 0.2f);
    EXPECT_GT(scene::facingDirection(body, right("biceps_brachii")).z, 0.3f);
    EXPECT_LT(scene::facingDirection(body, right("triceps_brachii")).z, -0.3f);
    EXPECT_GT(scene::facingDirection(body, right("tibialis_anterior")).z, 0.3f);
    EXPECT_LT(scene::facingDirection(body, index().structuresOfMuscle("erector_spinae")).z, -0.7f);
    EXPECT_GT(scene::facingDirection(body, index().structuresOfMuscle("rectus_abdominis")).z, 0.7f);
    EXPECT_LT(scene::facingDirection(body, right("deltoid")).x, -0.5f);

    // The pose looks along the direction at the structures, turning the short way from the current yaw.
    scene::CameraPose front;
    auto structures = index().structuresOfMuscle("erector_spinae");
    auto pose = scene::facingPose(body, structures, front, 16.0f / 9.0f);
    auto dir = scene::facingDirection(body, structures);
    EXPECT_GT(glm::dot(glm::normalize(pose.eye() - pose.target), dir), 0.95f);
    EXPECT_LE(std::abs(pose.yaw - front.yaw), 3.1416f + 1e-3f);
    EXPECT_LT(glm::length(pose.target - scene::boundsOf(body, structures).center()), 1e-4f);
}

TEST(StudyView, AutoPeelUncoversTheLayerHoldingTheStructures) {
    const auto& body = test::testBody();
    const int superficial = static_cast<int>(anatomy::index(anatomy::Layer::SuperficialMuscle));
    const int deep = static_cast<int>(anatomy::index(anatomy::Layer::DeepMuscle));
    EXPECT_EQ(scene::autoPeelFor(body, {}), 0);
    // Skin and fascia off for a superficial muscle; the superficial muscles off too for the deep ones under them.
    EXPECT_EQ(scene::autoPeelFor(body, index().structuresOfMuscle("gluteus_maximus")), superficial);
    EXPECT_EQ(scene::autoPeelFor(body, index().structuresOfMuscle("gluteus_medius")), deep);
    EXPECT_EQ(scene::autoPeelFor(body, index().structuresOfMuscle("gluteus_minimus")), deep);
    // The iliotibial tract is a band under the fascia, not a reason to strip the body to the bone.
    auto itb = index().find("IT band");
    ASSERT_FALSE(itb.empty());
    EXPECT_EQ(scene::autoPeelFor(body, index().structuresOf(itb.front())), superficial);
}

namespace {

// Loads a copy of the atlas whose names.json is replaced by `names` and returns the issues about names.json.
std::vector<anatomy::AtlasIssue> namesIssues(const std::string& names) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("myoatlas-names-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (auto file : anatomy::kAtlasFiles)
        if (file != "names.json")
            fs::copy_file(fs::path(MYOATLAS_ATLAS_DIR) / file, dir / file);
    std::ofstream(dir / "names.json") << names;
    std::vector<anatomy::AtlasIssue> issues, out;
    (void)anatomy::loadAtlas(dir, issues);
    fs::remove_all(dir);
    for (const auto& i : issues)
        if (i.file == "names.json")
            out.push_back(i);
    return out;
}

bool hasIssue(const std::vector<anatomy::AtlasIssue>& issues, const std::string& record, const std::string& field,
              const std::string& words) {
    return std::any_of(issues.begin(), issues.end(), [&](const anatomy::AtlasIssue& i) {
        return i.record == record && i.field == field && i.message.find(words) != std::string::npos;
    });
}

} // namespace

TEST(StudyNames, BadNamesFileIsReportedWithFileRecordAndField) {
    const std::string head = R"({"schema": "myoatlas.atlas/names", "version": 1, )";
    auto unknown =
        namesIssues(head + R"("names": [{"muscle": "glute_medd", "names": ["gm"], "sources": ["facts_part2"]}],
        "groups": [{"id": "cuff", "name": "Cuff", "names": ["cuff"], "members": ["supraspinatus", "nope"],
                    "sources": ["facts_part2"]}], "structures": []})");
    EXPECT_TRUE(hasIssue(unknown, "glute_medd", "muscle", "unknown muscle"));
    EXPECT_TRUE(hasIssue(unknown, "cuff", "members", "unknown muscle \"nope\""));

    auto twice = namesIssues(head + R"("names": [
        {"muscle": "gluteus_medius", "names": ["glute"], "sources": ["facts_part2"]},
        {"muscle": "gluteus_maximus", "names": ["Glute"], "sources": ["facts_part2"]}],
        "groups": [], "structures": []})");
    EXPECT_TRUE(hasIssue(twice, "gluteus_maximus", "names", "also given to gluteus_medius"));

    auto unsourced = namesIssues(head + R"("names": [{"muscle": "soleus", "names": ["sol"], "sources": []}],
        "groups": [{"id": "solo", "name": "Solo", "names": ["solo"], "members": ["soleus"], "sources": ["x"]}],
        "structures": [{"structure": "iliotibial tract", "names": ["ITB"], "typo": 1, "sources": ["facts_part1"]}]})");
    EXPECT_TRUE(hasIssue(unsourced, "soleus", "sources", "missing source"));
    EXPECT_TRUE(hasIssue(unsourced, "solo", "members", "at least two"));
    EXPECT_TRUE(hasIssue(unsourced, "solo", "sources", "unknown source"));
    EXPECT_TRUE(hasIssue(unsourced, "iliotibial tract", "typo", "unknown field"));

    auto broken = namesIssues("{ not json");
    ASSERT_FALSE(broken.empty());
    EXPECT_NE(broken.front().message.find("invalid JSON"), std::string::npos);
}
