// The site rule (anatomy/contact_safety.h) as a table: every technique against every endangerment site, allowed,
// allowed with caution, or blocked, with the reason. Body-free and GL-free: the rule itself, not where contacts land.
#include "anatomy/contact_safety.h"
#include "core/error.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

using namespace myoatlas;
using anatomy::ContactKind;
using anatomy::ContactRuling;

namespace {

const anatomy::Atlas& atlas() {
    static const anatomy::Atlas a = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    return a;
}

const anatomy::Technique& technique(const char* id) {
    const auto* t = atlas().technique(id);
    EXPECT_NE(t, nullptr) << id;
    return *t;
}

ContactRuling ruling(const char* techniqueId, const char* muscle, const char* site) {
    return anatomy::judgeContact(atlas(), technique(techniqueId), muscle, site).ruling;
}

bool has(const std::vector<ContactKind>& kinds, ContactKind k) {
    return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

} // namespace

// Every technique and every site declare their side of the rule.
TEST(ContactSafety, EveryTechniqueAndSiteDeclaresContactKinds) {
    ASSERT_EQ(atlas().techniques.size(), 20u);
    for (const auto& t : atlas().techniques)
        EXPECT_FALSE(t.contactKinds.empty()) << t.id;
    for (const auto& s : atlas().endangermentSites) {
        // FACTS 3.14 defines the sites as places where deep or sustained pressure is unsafe; 3.8-3.10 keep the
        // roller, the ball and cups off them.
        EXPECT_TRUE(has(s.unsafeContact, ContactKind::SustainedDeep)) << s.id;
        EXPECT_TRUE(has(s.unsafeContact, ContactKind::Tool)) << s.id;
        EXPECT_TRUE(has(s.unsafeContact, ContactKind::Suction)) << s.id;
        EXPECT_TRUE(has(s.unsafeContact, ContactKind::Needle)) << s.id;
        EXPECT_FALSE(s.atRisk.empty()) << s.id;
        EXPECT_FALSE(s.alternative.empty()) << s.id;
    }
}

// The whole table, printed with its reasons. Expectations are written from the declared kinds, plus the cases the
// issue names explicitly below.
TEST(ContactSafety, TableOfEveryTechniqueAgainstEverySite) {
    size_t blocked = 0, caution = 0;
    for (const auto& t : atlas().techniques) {
        // A muscle every technique can target ("any" or its own list).
        std::string muscle = t.targets.front() == "any" ? "trapezius_upper" : t.targets.front();
        for (const auto& s : atlas().endangermentSites) {
            auto v = anatomy::judgeContact(atlas(), t, muscle, s.id);
            bool unsafe = std::any_of(t.contactKinds.begin(), t.contactKinds.end(),
                                      [&](ContactKind k) { return has(s.unsafeContact, k); });
            bool taught = std::any_of(s.taught.begin(), s.taught.end(), [&](const anatomy::TaughtContact& tc) {
                return std::count(tc.techniques.begin(), tc.techniques.end(), t.id) &&
                       std::count(tc.muscles.begin(), tc.muscles.end(), muscle);
            });
            std::cout << t.id << " x " << s.id << ": " << anatomy::contactRulingName(v.ruling);
            for (auto k : v.unsafeKinds)
                std::cout << " " << anatomy::contactKindName(k);
            std::cout << (taught && unsafe ? " (taught there)" : "") << "\n";
            ASSERT_EQ(v.siteId, s.id);
            EXPECT_NE(v.ruling, ContactRuling::Allowed) << "inside a site there is at least a caution";
            EXPECT_EQ(v.ruling == ContactRuling::Blocked, unsafe && !taught) << t.id << " x " << s.id;
            EXPECT_EQ(v.unsafeKinds.empty(), !unsafe);
            EXPECT_FALSE(v.message.empty());
            if (v.ruling == ContactRuling::Blocked) {
                ++blocked;
                EXPECT_EQ(v.atRisk, s.atRisk);
                EXPECT_NE(v.message.find("Not allowed"), std::string::npos) << v.message;
                EXPECT_NE(v.message.find(s.atRisk.front()), std::string::npos) << v.message;
                EXPECT_FALSE(v.alternative.empty());
                // The alternative offered is itself allowed there, and is never a needle.
                if (!v.alternativeTechnique.empty()) {
                    const auto* alt = atlas().technique(v.alternativeTechnique);
                    ASSERT_NE(alt, nullptr);
                    EXPECT_FALSE(alt->informationOnly);
                    EXPECT_TRUE(anatomy::judgeContact(atlas(), *alt, muscle, s.id).allowed())
                        << v.alternativeTechnique << " at " << s.id;
                }
            } else {
                ++caution;
            }
        }
    }
    std::cout << blocked << " blocked, " << caution << " allowed with caution\n";
    EXPECT_EQ(anatomy::judgeContact(atlas(), technique("massage_ball"), "trapezius_upper",
                                    std::string_view("posterior_triangle_neck"))
                  .ruling,
              ContactRuling::Caution)
        << "the ball on the upper trapezius ridge is taught, with its caution";
    EXPECT_EQ(ruling("massage_ball", "scalenes", "posterior_triangle_neck"), ContactRuling::Blocked);
    EXPECT_EQ(ruling("dry_needling", "trapezius_upper", "posterior_triangle_neck"), ContactRuling::Blocked);
    EXPECT_GT(blocked, 0u);
    EXPECT_GT(caution, 0u);
}

// The review's cases: tools, cups and needles never on the anterior neck; the taught pincer grip of the SCM stays.
TEST(ContactSafety, AnteriorNeckRefusesToolsCupsAndNeedlesButKeepsThePincerGrip) {
    for (const char* t : {"foam_roller", "massage_ball", "cupping", "gua_sha", "massage_gun", "massage_stick",
                          "hot_stone", "warm_bamboo", "dry_needling", "trp_injection", "mfr_direct"})
        EXPECT_EQ(ruling(t, "scm_sternal", "anterior_triangle_neck"), ContactRuling::Blocked) << t;
    EXPECT_EQ(ruling("trp_pressure_release", "scm_sternal", "anterior_triangle_neck"), ContactRuling::Caution);
    EXPECT_EQ(ruling("trp_pressure_release", "scm_clavicular", "anterior_triangle_neck"), ContactRuling::Caution);
    // The exception is for the SCM, not for deep pressure on any muscle there.
    EXPECT_EQ(ruling("trp_pressure_release", "trapezius_upper", "anterior_triangle_neck"), ContactRuling::Blocked);
    auto pincer = anatomy::judgeContact(atlas(), technique("trp_pressure_release"), "scm_sternal",
                                        std::string_view("anterior_triangle_neck"));
    EXPECT_NE(pincer.message.find("Pincer"), std::string::npos) << pincer.message;
    for (const char* t : {"met_pir", "mfr_indirect", "strain_counterstrain", "ortho_bionomy"})
        EXPECT_EQ(ruling(t, "scm_sternal", "anterior_triangle_neck"), ContactRuling::Caution) << t;
    // Nothing at all in the eye or the ear canal.
    for (const auto& t : atlas().techniques) {
        std::string muscle = t.targets.front() == "any" ? "temporalis" : t.targets.front();
        EXPECT_EQ(anatomy::judgeContact(atlas(), t, muscle, std::string_view("eyes")).ruling, ContactRuling::Blocked);
    }
}

TEST(ContactSafety, SeveralSitesTheFirstBlockDecides) {
    const auto& roller = technique("foam_roller");
    auto none = anatomy::judgeContact(atlas(), roller, "hamstrings", std::vector<std::string>{});
    EXPECT_EQ(none.ruling, ContactRuling::Allowed);
    EXPECT_TRUE(none.siteId.empty());
    const auto& pressure = technique("trp_pressure_release");
    auto v = anatomy::judgeContact(atlas(), pressure, "scm_sternal",
                                   std::vector<std::string>{"anterior_triangle_neck", "posterior_triangle_neck"});
    EXPECT_EQ(v.ruling, ContactRuling::Blocked) << "the SCM's pincer exception does not reach the posterior triangle";
    EXPECT_EQ(v.siteId, "posterior_triangle_neck");
    // Its sternal head is pincer-palpable down to just above the sternum (FACTS 2.5): taught beside the notch too,
    // for the SCM only.
    EXPECT_EQ(anatomy::judgeContact(atlas(), pressure, "scm_sternal", std::string_view("sternal_notch")).ruling,
              ContactRuling::Caution);
    EXPECT_EQ(anatomy::judgeContact(atlas(), pressure, "scalenes", std::string_view("sternal_notch")).ruling,
              ContactRuling::Blocked);
    auto unknown = anatomy::judgeContact(atlas(), roller, "hamstrings", std::string_view("no_such_site"));
    EXPECT_EQ(unknown.ruling, ContactRuling::Allowed);
}

// Needling and injection are information for students; the corrections of the review hold.
TEST(ContactSafety, NewMethodsAndCorrections) {
    const std::set<std::string> nine = {"dynamic_mfr",  "massage_stick", "massage_gun",
                                        "dry_needling", "trp_injection", "hot_stone",
                                        "warm_bamboo",  "ortho_bionomy", "contractual_tendon_release"};
    for (const auto& id : nine) {
        const auto* t = atlas().technique(id);
        ASSERT_NE(t, nullptr) << id;
        EXPECT_FALSE(t->steps.empty());
        EXPECT_FALSE(t->sources.empty());
        EXPECT_FALSE(t->evidence.empty()) << id << ": every new method carries an evidence label";
    }
    for (const char* id : {"dry_needling", "trp_injection"}) {
        const auto& t = technique(id);
        EXPECT_TRUE(t.informationOnly) << id;
        EXPECT_EQ(t.contactKinds, std::vector<ContactKind>{ContactKind::Needle});
        for (const auto& s : t.steps)
            EXPECT_FALSE(s.patientText.empty());
    }
    bool depth = false;
    for (const auto& s : technique("dry_needling").steps)
        depth |= s.text.find("Safe depth") != std::string::npos && s.text.find("pleura") != std::string::npos;
    EXPECT_TRUE(depth) << "dry needling tells students about the safe depth over the pleura";
    // Indirect release goes into ease: no step of it takes the tissue to a barrier.
    for (const auto& s : technique("mfr_indirect").steps)
        EXPECT_EQ(s.text.find("barrier"), std::string::npos) << s.text;
    EXPECT_NE(technique("mfr_indirect").steps[2].text.find("ease"), std::string::npos);
    // Fire cupping is left out, and says why.
    for (const auto& s : technique("cupping").steps)
        if (s.text.find("lame") != std::string::npos) {
            EXPECT_NE(s.text.find("not taught"), std::string::npos) << s.text;
        }
}

// A technique without contact kinds, or with an unknown one, is an error naming the file, record and field.
TEST(ContactSafety, LoaderNamesBadContactKinds) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "myoatlas_contact_safety_test";
    fs::remove_all(dir);
    fs::copy(MYOATLAS_ATLAS_DIR, dir, fs::copy_options::recursive);
    auto edit = [&](const char* file, auto&& change) {
        nlohmann::json j;
        std::ifstream(dir / file) >> j;
        change(j);
        std::ofstream(dir / file) << j.dump(1);
    };
    edit("techniques.json", [](nlohmann::json& j) {
        j["techniques"][0]["contact_kinds"] = {"laser"};
        j["techniques"][1].erase("contact_kinds");
    });
    edit("safety.json", [](nlohmann::json& j) { j["endangerment_sites"][0]["taught"][0]["muscles"] = {"nope"}; });
    std::vector<anatomy::AtlasIssue> issues;
    (void)anatomy::loadAtlas(dir, issues);
    auto found = [&](const std::string& record, const std::string& field, const std::string& text) {
        return std::any_of(issues.begin(), issues.end(), [&](const auto& i) {
            return i.record == record && i.field.rfind(field, 0) == 0 && i.message.find(text) != std::string::npos;
        });
    };
    EXPECT_TRUE(found("mfr_direct", "contact_kinds", "laser"));
    EXPECT_TRUE(found("mfr_indirect", "contact_kinds", "missing"));
    EXPECT_TRUE(found("anterior_triangle_neck", "taught[0].muscles", "nope"));
    EXPECT_THROW((void)anatomy::loadAtlasOrThrow(dir), core::DataError);
    fs::remove_all(dir);
}
