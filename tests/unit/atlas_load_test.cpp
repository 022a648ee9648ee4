// The atlas data alone (no body): it loads cleanly, holds all of FACTS.md, and a corrupted copy fails with a message
// that names the file, the record and the field.
#include "anatomy/atlas.h"
#include "core/error.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

using namespace myoatlas;
using namespace myoatlas::anatomy;
namespace fs = std::filesystem;

namespace {

const fs::path kAtlasDir = MYOATLAS_ATLAS_DIR;

const Atlas& atlas() {
    static const Atlas a = loadAtlasOrThrow(kAtlasDir);
    return a;
}

// A temporary copy of the atlas with one file edited; removed at scope exit.
class CorruptCopy {
public:
    CorruptCopy(const std::string& file, const std::function<void(nlohmann::json&)>& edit) {
        dir_ = fs::temp_directory_path() /
               ("myoatlas-atlas-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        for (auto name : kAtlasFiles)
            fs::copy_file(kAtlasDir / name, dir_ / name);
        std::ifstream in(dir_ / file);
        auto doc = nlohmann::json::parse(in);
        in.close();
        edit(doc);
        std::ofstream(dir_ / file) << doc.dump(1);
    }
    ~CorruptCopy() { fs::remove_all(dir_); }
    [[nodiscard]] const fs::path& dir() const { return dir_; }

private:
    fs::path dir_;
    static inline int counter_ = 0;
};

nlohmann::json& record(nlohmann::json& doc, const char* array, const std::string& id) {
    for (auto& r : doc[array])
        if (r["id"] == id)
            return r;
    throw std::runtime_error("no record " + id);
}

// Loads the copy and expects an error naming file, record and field; the throwing variant must name them too.
void expectIssue(const CorruptCopy& copy, const std::string& file, const std::string& rec, const std::string& field,
                 const std::string& words) {
    std::vector<AtlasIssue> issues;
    (void)loadAtlas(copy.dir(), issues);
    bool found = false;
    for (const auto& i : issues)
        if (i.severity == IssueSeverity::Error && i.file == file && i.record == rec && i.field == field &&
            i.message.find(words) != std::string::npos)
            found = true;
    std::string all;
    for (const auto& i : issues)
        all += i.toString() + "\n";
    EXPECT_TRUE(found) << "expected " << file << " / " << rec << " / " << field << " / " << words << "; got:\n" << all;
    try {
        (void)loadAtlasOrThrow(copy.dir());
        ADD_FAILURE() << "loadAtlasOrThrow accepted a corrupted atlas";
    } catch (const core::DataError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find(file), std::string::npos) << what;
        EXPECT_NE(what.find("record " + rec), std::string::npos) << what;
        EXPECT_NE(what.find("field " + field), std::string::npos) << what;
    }
}

} // namespace

TEST(AtlasLoad, ShippedAtlasLoadsWithoutErrors) {
    std::vector<AtlasIssue> issues;
    (void)loadAtlas(kAtlasDir, issues);
    std::string all;
    for (const auto& i : issues)
        all += i.toString() + "\n";
    EXPECT_EQ(errorCount(issues), 0u) << all;
    EXPECT_TRUE(issues.empty()) << all;
}

TEST(AtlasLoad, HoldsAllOfTheFactBase) {
    const Atlas& a = atlas();
    EXPECT_EQ(a.muscles.size(), 53u);
    EXPECT_EQ(a.lines.size(), 12u);
    EXPECT_EQ(a.techniques.size(), 20u); // FACTS Part 3's eleven and nine methods the fact base does not cover
    EXPECT_GE(a.triggerPoints.size(), 120u);
    EXPECT_EQ(a.endangermentSites.size(), 22u);
    for (const char* id : {"mfr_direct",
                           "mfr_indirect",
                           "trp_pressure_release",
                           "pin_and_stretch",
                           "cross_fibre_friction",
                           "met_pir",
                           "strain_counterstrain",
                           "foam_roller",
                           "massage_ball",
                           "cupping",
                           "gua_sha",
                           "dynamic_mfr",
                           "massage_stick",
                           "massage_gun",
                           "dry_needling",
                           "trp_injection",
                           "hot_stone",
                           "warm_bamboo",
                           "ortho_bionomy",
                           "contractual_tendon_release"})
        EXPECT_NE(a.technique(id), nullptr) << id;
    // Every landmark id of FACTS Part 4, each with an expected height.
    for (const char* id : {"vertex",
                           "eye",
                           "tragion",
                           "eop",
                           "mastoid_tip",
                           "menton",
                           "c7",
                           "hyoid",
                           "thyroid_notch",
                           "cricoid",
                           "suprasternal_notch",
                           "sternal_angle",
                           "nipple",
                           "xiphisternal",
                           "tenth_rib",
                           "omphalion",
                           "iliac_crest_top",
                           "asis",
                           "psis",
                           "pubic_symphysis",
                           "coccyx_tip",
                           "scapula_superior_angle",
                           "scapular_spine_root",
                           "acromion",
                           "clavicle_mid",
                           "coracoid",
                           "scapula_inferior_angle",
                           "axilla",
                           "t12",
                           "l4",
                           "t4",
                           "t7",
                           "t10",
                           "l1",
                           "lateral_epicondyle",
                           "radiale",
                           "medial_epicondyle",
                           "olecranon",
                           "radial_styloid",
                           "fingertip",
                           "greater_trochanter",
                           "ischial_tuberosity",
                           "gluteal_fold",
                           "crotch",
                           "lateral_femoral_epicondyle",
                           "patella_mid",
                           "knee_joint_line",
                           "tibial_tuberosity",
                           "fibular_head",
                           "medial_malleolus",
                           "lateral_malleolus"}) {
        const Landmark* l = a.landmark(id);
        ASSERT_NE(l, nullptr) << id;
        EXPECT_TRUE(l->expectedH.has_value()) << id;
    }
    // FACTS ids are kept.
    for (const char* id : {"TRAPU-TP1",   "TRAPU-TP2", "TRAPM-TP5",  "TRAPL-TP3",   "LEVS-TP1",    "SCAL-ANT",
                           "SPLC-TP1",    "MASS-DEEP", "SUPRA-TEND", "INFRA-TP3",   "TMIN-TP1",    "PECMAJ-ARRHYTHMIA",
                           "LAT-AX",      "TRI-TP5",   "BRAD-TP1",   "EDC-TP",      "ILIOCOST-T6", "LONGISS-T10/L1",
                           "QL-DEEP-LOW", "RA-LOWER",  "OBL-PUBIC",  "PSOAS-BELLY", "GMAX-TP3",    "GMIN-POST",
                           "PIRI-MED",    "TFL-TP1",   "HAM-LAT",    "RF-TP1",      "VM-DIST",     "ADD-DIST",
                           "AMAG-PROX",   "GAST-TP4",  "SOL-TP3",    "TIBA-TP1",    "FIBB-TP1",    "ADM-TP"})
        EXPECT_NE(a.triggerPoint(id), nullptr) << id;
    EXPECT_EQ(a.muscle("trapezius_upper")->fma.right, std::vector<std::string>{"FMA33586"});
    EXPECT_EQ(a.muscle("trapezius_upper")->fma.left, std::vector<std::string>{"FMA33587"});
}

TEST(AtlasLoad, ReferentialIntegrity) {
    const Atlas& a = atlas();
    for (const auto& m : a.muscles)
        EXPECT_FALSE(a.triggerPointsOf(m.id).empty()) << m.id;
    for (const auto& t : a.triggerPoints) {
        EXPECT_NE(a.muscle(t.muscle), nullptr) << t.id;
        EXPECT_FALSE(t.sources.empty()) << t.id;
        for (const auto& s : t.satellites)
            EXPECT_NE(a.triggerPoint(s), nullptr) << t.id << " -> " << s;
        if (t.id != "PECMAJ-ARRHYTHMIA") { // the arrhythmia point refers no pain
            EXPECT_FALSE(t.essential.empty() && t.spillover.empty()) << t.id << " has no referral zone";
        }
    }
    for (const auto& l : a.lines)
        for (const auto& e : l.elements) {
            if (e.station)
                EXPECT_NE(findLandmarkRef(a, e.point.at).landmark, nullptr) << l.id << " " << e.name;
            else
                EXPECT_TRUE(!e.muscles.empty() || !e.structures.empty() || e.conceptual || e.meshAbsent)
                    << l.id << " " << e.name;
        }
    // The documented gaps: no masseter or lateral pterygoid mesh, each with a surrogate surface.
    for (const char* id : {"masseter", "lateral_pterygoid"}) {
        const Muscle* m = a.muscle(id);
        ASSERT_NE(m, nullptr);
        EXPECT_FALSE(m->meshPresent);
        EXPECT_FALSE(m->surrogate.right.empty());
        EXPECT_FALSE(m->surrogateNote.empty());
    }
    // Key -> satellite: SCM and upper trapezius seed satellites in temporalis and masseter.
    auto sat = a.triggerPoint("TRAPU-TP1")->satellites;
    EXPECT_NE(std::find(sat.begin(), sat.end(), "TEMP-TP1"), sat.end());
    EXPECT_NE(std::find(sat.begin(), sat.end(), "MASS-SUP-MID"), sat.end());
    // Flat landmark names.
    auto ref = findLandmarkRef(a, "acromion_l");
    ASSERT_NE(ref.landmark, nullptr);
    EXPECT_EQ(ref.explicitSide, Side::Left);
    EXPECT_EQ(flatLandmarkName(*ref.landmark, Side::Right), "acromion_r");
}

TEST(AtlasLoad, WrongTypeNamesFileRecordAndField) {
    CorruptCopy copy("muscles.json", [](auto& doc) { record(doc, "muscles", "deltoid")["origin"] = 42; });
    expectIssue(copy, "muscles.json", "deltoid", "origin", "wrong type");
}

TEST(AtlasLoad, MissingFieldNamesFileRecordAndField) {
    CorruptCopy copy("trigger_points.json",
                     [](auto& doc) { record(doc, "trigger_points", "TRAPU-TP1").erase("description"); });
    expectIssue(copy, "trigger_points.json", "TRAPU-TP1", "description", "missing field");
}

TEST(AtlasLoad, UnknownMuscleIsReported) {
    CorruptCopy copy("trigger_points.json",
                     [](auto& doc) { record(doc, "trigger_points", "SOL-TP1")["muscle"] = "solius"; });
    expectIssue(copy, "trigger_points.json", "SOL-TP1", "muscle", "unknown muscle");
}

TEST(AtlasLoad, UnknownLandmarkIsReported) {
    CorruptCopy copy("trigger_points.json",
                     [](auto& doc) { record(doc, "trigger_points", "TFL-TP1")["location"]["at"] = "asiss"; });
    expectIssue(copy, "trigger_points.json", "TFL-TP1", "location.at", "unknown landmark");
}

TEST(AtlasLoad, LineTrackNamingNoMuscleIsReported) {
    CorruptCopy copy("lines.json", [](auto& doc) {
        auto& el = record(doc, "lines", "SBL")["elements"][5]; // hamstrings track
        el["muscles"] = nlohmann::json::array();
    });
    expectIssue(copy, "lines.json", "SBL", "elements[5].muscles", "names no muscle");
}

TEST(AtlasLoad, UnknownLineMuscleIsReported) {
    CorruptCopy copy("lines.json",
                     [](auto& doc) { record(doc, "lines", "LL")["elements"][1]["muscles"] = {"peroneus"}; });
    expectIssue(copy, "lines.json", "LL", "elements[1].muscles", "unknown muscle");
}

TEST(AtlasLoad, DuplicateIdIsReported) {
    CorruptCopy copy("muscles.json", [](auto& doc) {
        auto dup = record(doc, "muscles", "soleus");
        doc["muscles"].push_back(dup);
    });
    expectIssue(copy, "muscles.json", "soleus", "id", "duplicate id");
}

TEST(AtlasLoad, MissingSourceIsReported) {
    CorruptCopy copy("lines.json", [](auto& doc) { record(doc, "lines", "DFL")["sources"] = nlohmann::json::array(); });
    expectIssue(copy, "lines.json", "DFL", "sources", "missing source");
    CorruptCopy unknown("muscles.json", [](auto& doc) { record(doc, "muscles", "soleus")["sources"] = {"nowhere"}; });
    expectIssue(unknown, "muscles.json", "soleus", "sources", "unknown source");
}

TEST(AtlasLoad, BadValuesAreReported) {
    CorruptCopy pressure("techniques.json",
                         [](auto& doc) { record(doc, "techniques", "mfr_direct")["steps"][2]["pressure"] = "L7"; });
    expectIssue(pressure, "techniques.json", "mfr_direct", "steps[2].pressure", "L1, L2, L3 or L4");
    CorruptCopy typo("landmarks.json", [](auto& doc) { record(doc, "landmarks", "c7")["expected"] = 0.86; });
    expectIssue(typo, "landmarks.json", "c7", "expected", "unknown field");
}

// A variant is played as its own sequence, or spliced in for the main steps it says it replaces.
TEST(AtlasLoad, TechniqueVariantsGiveTheirOwnSequence) {
    const Technique* met = atlas().technique("met_pir");
    ASSERT_NE(met, nullptr);
    ASSERT_NE(met->variant("met_ri"), nullptr);
    ASSERT_TRUE(met->variant("met_ri")->replaces.has_value());
    auto ri = met->stepsOf("met_ri");
    ASSERT_EQ(ri.size(), met->steps.size() - 1); // the contraction and its hold become one antagonist contraction
    EXPECT_EQ(ri[0].text, met->steps[0].text);
    EXPECT_NE(ri[1].text.find("antagonist"), std::string::npos) << ri[1].text;
    EXPECT_EQ(ri[1].durationS, met->variant("met_ri")->steps[0].durationS);
    for (size_t i = 2; i < ri.size(); ++i)
        EXPECT_EQ(ri[i].text, met->steps[i + 1].text);

    const Technique* trp = atlas().technique("trp_pressure_release");
    ASSERT_NE(trp, nullptr);
    const TechniqueVariant* ic = trp->variant("ischaemic_compression");
    ASSERT_NE(ic, nullptr);
    EXPECT_FALSE(ic->replaces.has_value());
    auto whole = trp->stepsOf("ischaemic_compression");
    ASSERT_EQ(whole.size(), ic->steps.size());
    EXPECT_EQ(whole[0].pressure, "L4");
    EXPECT_NE(whole.size(), trp->steps.size());
    EXPECT_EQ(trp->stepsOf("").size(), trp->steps.size());
    EXPECT_EQ(trp->stepsOf("no_such_variant").size(), trp->steps.size());
    // Every shipped variant has steps of its own, and all four are there.
    size_t variants = 0;
    for (const auto& t : atlas().techniques)
        for (const auto& v : t.variants) {
            EXPECT_FALSE(v.steps.empty()) << t.id << " / " << v.id;
            ++variants;
        }
    EXPECT_EQ(variants, 4u);
}

TEST(AtlasLoad, VariantReplacingStepsTheTechniqueLacksIsReported) {
    CorruptCopy copy("techniques.json", [](auto& doc) {
        record(doc, "techniques", "met_pir")["variants"][0]["replaces_steps"] = {4, 9};
    });
    expectIssue(copy, "techniques.json", "met_pir", "variants[0].replaces_steps", "not among the technique's");
    CorruptCopy shape("techniques.json", [](auto& doc) {
        record(doc, "techniques", "met_pir")["variants"][0]["replaces_steps"] = {1.5, 2};
    });
    expectIssue(shape, "techniques.json", "met_pir", "variants[0].replaces_steps", "wrong type");
}

TEST(AtlasLoad, BrokenJsonNamesTheFile) {
    CorruptCopy copy("lines.json", [](auto&) {});
    std::ofstream(copy.dir() / "lines.json") << "{ \"schema\": ";
    std::vector<AtlasIssue> issues;
    (void)loadAtlas(copy.dir(), issues);
    ASSERT_FALSE(issues.empty());
    EXPECT_EQ(issues.front().file, "lines.json");
    EXPECT_NE(issues.front().message.find("invalid JSON"), std::string::npos);
}
