// `myoatlas review`: the sheet an expert checks for one muscle, on the real body (the pictures need GL and are
// left to the smoke tier). Needs MYOATLAS_TEST_DATA.
#include "anatomy/atlas.h"
#include "anatomy/landmark_resolver.h"
#include "app/review_command.h"
#include "core/error.h"
#include "report/review_report.h"
#include "support/test_body.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace myoatlas;
using nlohmann::json;

namespace {

struct World {
    anatomy::Atlas atlas = anatomy::loadAtlasOrThrow(MYOATLAS_ATLAS_DIR);
    anatomy::AtlasResolver resolver{atlas, test::testBody()};
    app::FeatureContext context{test::testBody(), &atlas, &resolver, {}};
};

World& world() {
    static World w;
    return w;
}

json sheet(const std::string& muscle, const std::string& side = "right") {
    app::ReviewRequest r;
    r.muscle = muscle;
    r.side = side;
    return report::reviewJson(world().context, r.muscle, r.side);
}

} // namespace

TEST(Review, SheetHoldsTheRecordTriggerPointsZonesAndPictures) {
    json s = sheet("supinator");
    EXPECT_EQ(s["name"], "Supinator");
    EXPECT_FALSE(s["origin"].get<std::string>().empty());
    EXPECT_FALSE(s["structures"].empty());
    EXPECT_NE(s["layers"].get<std::string>().find("bone"), std::string::npos);
    ASSERT_EQ(s["trigger_points"].size(), 1u);
    const json& t = s["trigger_points"][0];
    EXPECT_EQ(t["id"], "SUP-TP1");
    EXPECT_TRUE(t["ok"].get<bool>());
    EXPECT_LT(t["position"][0].get<double>(), 0.0); // right side
    ASSERT_EQ(t["zones"].size(), 3u);
    for (const auto& z : t["zones"]) {
        EXPECT_GT(z["seeds"].get<int>(), 0) << z.dump();
        EXPECT_FALSE(z["evidence"].get<std::string>().empty());
    }
    // Three views of the muscle on bone, three of each pattern.
    EXPECT_EQ(s["images"].size(), 3u + 3u * s["trigger_points"].size());
    EXPECT_EQ(t["images"].size(), 3u);
}

TEST(Review, LeftSideAndSurrogateMusclesAndRightOnlyPoints) {
    json left = sheet("supinator", "left");
    EXPECT_GT(left["trigger_points"][0]["position"][0].get<double>(), 0.0);
    json masseter = sheet("masseter");
    EXPECT_NE(masseter["mesh"].get<std::string>().find("absent"), std::string::npos);
    EXPECT_FALSE(masseter["surrogate_note"].get<std::string>().empty());
    // PECMAJ-ARRHYTHMIA exists on the right only.
    auto has = [](const json& s, const std::string& id) {
        for (const auto& t : s["trigger_points"])
            if (t["id"] == id)
                return true;
        return false;
    };
    EXPECT_TRUE(has(sheet("pectoralis_major"), "PECMAJ-ARRHYTHMIA"));
    EXPECT_FALSE(has(sheet("pectoralis_major", "left"), "PECMAJ-ARRHYTHMIA"));
}

TEST(Review, BadInputIsAUsageError) {
    EXPECT_THROW((void)sheet("supinatorr"), core::UsageError);
    EXPECT_THROW((void)sheet("supinator", "middle"), core::UsageError);
}

TEST(Review, MarkdownHasACheckBoxPerItemAndRunWritesTheSheet) {
    json s = sheet("sartorius");
    std::string md = report::reviewMarkdown(s);
    size_t boxes = 0;
    for (size_t p = md.find("- [ ]"); p != std::string::npos; p = md.find("- [ ]", p + 1))
        ++boxes;
    size_t expected = 4 + (s.contains("safety") ? 1 : 0);
    for (const auto& t : s["trigger_points"])
        expected += 1 + t["zones"].size();
    EXPECT_EQ(boxes, expected);
    EXPECT_NE(md.find("SAR-TP3"), std::string::npos);

    auto dir = std::filesystem::temp_directory_path() / ("myoatlas-review-" + std::to_string(::getpid()));
    app::ReviewRequest r;
    r.muscle = "sartorius";
    r.outDir = dir;
    r.images = false;
    EXPECT_EQ(app::runReview(world().context, r), 0);
    EXPECT_TRUE(std::filesystem::exists(dir / "sartorius.json"));
    EXPECT_TRUE(std::filesystem::exists(dir / "sartorius.md"));
    std::ifstream in(dir / "sartorius.json");
    EXPECT_EQ(json::parse(in)["muscle"], "sartorius");
    std::filesystem::remove_all(dir);
}

TEST(Review, EveryMuscleHasASheetWithResolvedPoints) {
    for (const auto& m : world().atlas.muscles) {
        json s = sheet(m.id);
        EXPECT_FALSE(s["trigger_points"].empty()) << m.id;
        for (const auto& t : s["trigger_points"]) {
            EXPECT_TRUE(t["ok"].get<bool>()) << m.id << " " << t["id"];
            for (const auto& z : t["zones"])
                EXPECT_GT(z["seeds"].get<int>(), 0) << m.id << " " << t["id"] << " " << z["label"];
        }
    }
}

// The sheet's pictures as stills: every file it lists, the attachment picture framed on the highlighted muscle, each
// pattern from the view its file names, captioned with every zone and what attests it.
TEST(Review, StillsAreThePicturesTheSheetLists) {
    const json s = sheet("infraspinatus", "left");
    const auto stills = report::reviewStills(s, "left");
    size_t listed = 0;
    for (const auto& img : s["images"])
        listed += img["shows"] == "muscle on bone" ? 1 : 0;
    for (const auto& t : s["trigger_points"])
        listed += t["images"].size();
    ASSERT_EQ(stills.size(), listed);
    ASSERT_GT(listed, 1u);
    for (const auto& still : stills) {
        EXPECT_EQ(still.request.side, "left");
        EXPECT_EQ(still.file.substr(still.file.size() - 4), ".png");
        if (still.request.triggerPoints.empty()) {
            EXPECT_TRUE(still.framed);
            EXPECT_FALSE(still.request.select.empty());
            continue;
        }
        // <muscle>_<trp>_<view>.png
        EXPECT_NE(still.file.find("_" + still.request.view + ".png"), std::string::npos) << still.file;
        EXPECT_EQ(still.request.caption.rfind(still.request.triggerPoints[0] + " (left)", 0), 0u);
        for (const auto& t : s["trigger_points"]) {
            if (t["id"] != still.request.triggerPoints[0])
                continue;
            for (const auto& z : t["zones"]) {
                EXPECT_NE(still.request.caption.find(z["label"].get<std::string>()), std::string::npos);
            }
        }
        // Each still is a valid request on this body.
        scene::AppState state;
        EXPECT_NO_THROW(scene::applyStillRequest(world().context, still.request, state, 1.0f)) << still.file;
    }
}
