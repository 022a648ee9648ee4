#include "core/error.h"
#include "io/manifest.h"

#include <gtest/gtest.h>

using namespace myoatlas;

TEST(Manifest, SplitsQuotedCsv) {
    auto f = io::splitCsvLine(R"(a,"b,c","d ""e""",,f)");
    ASSERT_EQ(f.size(), 5u);
    EXPECT_EQ(f[1], "b,c");
    EXPECT_EQ(f[2], "d \"e\"");
    EXPECT_EQ(f[3], "");
}

TEST(Manifest, ParsesRows) {
    auto rows = io::parseManifest("set,category,file,fj,fma,name,side,min_dist_to_skin_mm,verts,tris\n"
                                  "isa,muscles,isa/muscles/x.glb,FJ1,FMA2,right x,R,3.5,10,12\n",
                                  "test.csv");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].side, anatomy::Side::Right);
    EXPECT_EQ(rows[0].category, anatomy::Category::Muscle);
    EXPECT_FLOAT_EQ(rows[0].minDistToSkinMm, 3.5f);
    EXPECT_EQ(rows[0].triangles, 12u);
}

TEST(Manifest, ErrorsNameTheFileAndLine) {
    try {
        (void)io::parseManifest("set,category,file,fj,fma,name,side\nisa,organs,a.glb,FJ1,FMA1,x,L\n", "m.csv");
        FAIL() << "expected a DataError";
    } catch (const core::DataError& e) {
        EXPECT_EQ(e.file(), "m.csv");
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("organs"), std::string::npos);
    }
    EXPECT_THROW((void)io::parseManifest("set,file\n", "m.csv"), core::DataError);
    EXPECT_THROW((void)io::parseManifest("set,category,file,fj,fma,name,side\n", "m.csv"), core::DataError);
}
