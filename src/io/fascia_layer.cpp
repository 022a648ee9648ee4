#include "io/fascia_layer.h"

#include "anatomy/fascia_sheets.h"
#include "anatomy/landmark_resolver.h"
#include "core/error.h"
#include "core/log.h"
#include "core/timer.h"
#include "geometry/cluster_bounds.h"
#include "geometry/fascia_shell.h"
#include "io/body_cache.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <glm/geometric.hpp>

namespace fs = std::filesystem;

namespace myoatlas::io {
namespace {

using anatomy::Category;
using anatomy::Layer;
using anatomy::Region;
using anatomy::Side;
using geometry::SurfaceRegion;

using anatomy::FasciaSheet;

fs::path userCacheDir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
        return fs::path(x) / "myoatlas";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".cache" / "myoatlas";
    return fs::temp_directory_path() / "myoatlas-cache";
}

// The meshes the shells rest on: every muscle near the skin, the connective sheets (so fascia lata joins the
// iliotibial tracts) and the bones (the galea lies on the skull, the crural fascia on the tibia).
bool isObstacle(const anatomy::Structure& s) {
    // The modelled muscles (io/modelled_muscles.h) are estimates drawn for the face, made after the fascia: the
    // window makes them before it, and the generator must not see them either way.
    if (s.set == "modelled")
        return false;
    if (s.category == Category::Bone || s.category == Category::Connective)
        return true;
    if (s.category != Category::Muscle)
        return false;
    return s.layer == Layer::SuperficialMuscle || (s.minDistToSkinMm >= 0.0f && s.minDistToSkinMm < 20.0f);
}

// Landmark-defined regions of the named sheets, evaluated on the skin position and outward normal.
class SheetRegions {
public:
    SheetRegions(const anatomy::Atlas& atlas, const anatomy::Body& body) : resolver_(atlas, body) {}

    std::vector<SurfaceRegion> build() {
        auto y = [&](const char* id) { return at(id).y; };
        const float mid = 0.5f * (at("asis_l").x + at("asis_r").x);
        auto onSide = [mid](Side s) {
            float sign = s == Side::Left ? 1.0f : -1.0f; // +X is the subject's left
            return [mid, sign](const glm::vec3& p, const glm::vec3&) { return (p.x - mid) * sign > 0.0f; };
        };
        auto band = [](float lo, float hi) {
            return [lo, hi](const glm::vec3& p, const glm::vec3&) { return p.y >= lo && p.y <= hi; };
        };
        auto within = [mid](float halfWidth) {
            return [mid, halfWidth](const glm::vec3& p, const glm::vec3&) { return std::abs(p.x - mid) <= halfWidth; };
        };
        using geometry::allOf;
        using geometry::facing;
        using geometry::noneOf;
        std::vector<SurfaceRegion> r;
        // Thoracolumbar fascia: the posterior diamond from the sacrum to the lower thorax over the erectors.
        float tlfHalf = 1.3f * std::abs(at("psis_l").x - at("psis_r").x);
        r.push_back(allOf({facing({0, 0, -1}, 0.35f), band(y("coccyx_tip"), y("t9")), within(tlfHalf)}));
        // Fascia lata: the thigh and the buttock, knee to iliac crest, leaving the lower abdomen to its own sheet.
        for (Side s : {Side::Right, Side::Left}) {
            const char* sfx = s == Side::Left ? "_l" : "_r";
            float lo = at(std::string("knee_joint_line") + sfx).y - 0.01f;
            float hi = at(std::string("iliac_crest_top") + sfx).y;
            float groin = at(std::string("pubic_tubercle") + sfx).y;
            SurfaceRegion lowerAbdomen = [groin](const glm::vec3& p, const glm::vec3& n) {
                return p.y > groin && n.z > 0.25f;
            };
            r.push_back(allOf({onSide(s), band(lo, hi), noneOf({lowerAbdomen})}));
        }
        // Plantar fascia: the sole, heel to the metatarsal heads.
        for (Side s : {Side::Right, Side::Left}) {
            const char* sfx = s == Side::Left ? "_l" : "_r";
            float top = at(std::string("heel_plantar") + sfx).y + 0.03f;
            r.push_back(allOf({onSide(s), facing({0, -1, 0}, 0.5f), band(-1e3f, top)}));
        }
        // Galea aponeurotica: the cranial vault above the brows and the superior nuchal line.
        float galeaLo = std::max(y("supraorbital_r") + 0.015f, y("eop"));
        r.push_back(allOf({band(galeaLo, 1e3f), facing({0, 1, 0}, -0.3f)}));
        // Pectoral fascia: over pectoralis major, clavicle to the xiphisternal level, sternum to the axillary fold.
        for (Side s : {Side::Right, Side::Left}) {
            const char* sfx = s == Side::Left ? "_l" : "_r";
            float lateral = std::abs(at(std::string("axilla") + sfx).x - mid);
            r.push_back(
                allOf({onSide(s), facing({0, 0, 1}, 0.3f),
                       band(y("xiphisternal"), at(std::string("clavicle_mid") + sfx).y + 0.01f), within(lateral)}));
        }
        // Abdominal fascia: the anterolateral wall, costal margin to the inguinal region.
        float flank = std::abs(at("iliac_crest_mid_l").x - mid) + 0.01f;
        r.push_back(allOf({facing({0, 0, 1}, -0.2f), band(y("pubic_tubercle_r"), y("xiphisternal")), within(flank)}));
        return r;
    }

    // The face has no deep fascia sheet (its muscles insert into the skin); it is left out of the envelope.
    SurfaceRegion face() {
        float lo = at("menton").y, hi = at("supraorbital_r").y + 0.01f;
        return [lo, hi](const glm::vec3& p, const glm::vec3& n) { return p.y > lo && p.y < hi && n.z > 0.2f; };
    }

private:
    glm::vec3 at(const std::string& flatId) {
        auto p = resolver_.landmark(flatId, Side::Midline);
        if (!p)
            throw core::DataError("landmarks.json", "record " + flatId + ": needed by the fascia regions, unresolved");
        return *p;
    }
    anatomy::AtlasResolver resolver_;
};

anatomy::Structure sheetStructure(const FasciaSheet& spec) {
    anatomy::Structure s;
    s.fj = spec.fj;
    s.name = spec.name;
    s.file = "(generated)";
    s.set = "generated";
    s.category = Category::Fascia;
    s.layer = Layer::Fascia;
    s.side = spec.side;
    s.region = spec.region;
    return s;
}

void addSheet(GeneratedFascia& out, const FasciaSheet& spec, const geometry::FasciaShell& shell) {
    if (shell.mesh.indices.empty())
        return;
    anatomy::Structure s = sheetStructure(spec);
    s.bounds = shell.mesh.bounds();
    out.structures.push_back(std::move(s));
    out.meshes.push_back(shell.mesh);
}

void logLayer(const FasciaReport& rep) {
    core::logInfo("fascia layer: " + std::to_string(rep.structures) + " sheets, " + std::to_string(rep.triangles) +
                  " triangles, " + (rep.fromCache ? "from cache in " : "generated in ") +
                  std::to_string(rep.seconds).substr(0, 5) + " s");
}

// ---- cache ----

fs::path cachePath(const FasciaOptions& options) {
    return (options.cacheDir.empty() ? userCacheDir() : options.cacheDir) / kFasciaCacheFile;
}

constexpr CacheFormat kFormat{{'M', 'Y', 'O', 'F', 'A', 'S', 'C', '\n'}, kFasciaGeneratorVersion, "fascia cache"};

} // namespace

uint64_t fasciaKey(const anatomy::Body& body, const anatomy::Atlas* atlas) {
    CacheKey key;
    key.add("myoatlas-fascia");
    key.add(std::to_string(kFasciaGeneratorVersion));
    for (size_t i = 0; i < body.size(); ++i) {
        const auto& s = body.structures[i];
        if (s.category != Category::Skin && !isObstacle(s))
            continue;
        const auto& m = body.meshes[i];
        key.add(s.fj);
        key.add(std::to_string(static_cast<int>(s.layer)));
        uint64_t h[2] = {checksum64(m.positions.data(), m.positions.size() * sizeof(glm::vec3)),
                         checksum64(m.indices.data(), m.indices.size() * sizeof(uint32_t))};
        key.add(std::string_view(reinterpret_cast<const char*>(h), sizeof(h)));
    }
    if (atlas)
        key.addFileContents(atlas->dir / "landmarks.json");
    else
        key.add("no atlas");
    return key.value();
}

GeneratedFascia generateFascia(const anatomy::Body& body, const anatomy::Atlas* atlas) {
    GeneratedFascia out;
    auto skinIndex = body.skin();
    if (!skinIndex)
        return out;
    core::Stopwatch lap;
    auto logLap = [&lap](const char* what) {
        core::logDebug(std::string("fascia: ") + what + " in " + std::to_string(lap.seconds()).substr(0, 5) + " s");
        lap.reset();
    };
    geometry::SkinSurface skin = geometry::prepareSkin(body.meshes[*skinIndex]);
    logLap("skin prepared");
    std::vector<const geometry::Mesh*> obstacles;
    for (size_t i = 0; i < body.size(); ++i)
        if (isObstacle(body.structures[i]))
            obstacles.push_back(&body.meshes[i]);
    std::span<const geometry::Mesh* const> obs(obstacles);
    geometry::FasciaShells shells = geometry::fasciaShells(skin, obs);
    logLap("superficial and deep shells");
    addSheet(out, anatomy::superficialFasciaSheet(), shells.superficial);
    const geometry::FasciaShell& deep = shells.deep;

    std::vector<SurfaceRegion> taken;
    if (atlas) {
        SheetRegions regions(*atlas, body);
        std::vector<SurfaceRegion> named = regions.build();
        taken.push_back(regions.face());
        logLap("sheet regions");
        // A partition by triangle centroid: each triangle goes to the first sheet whose region holds it.
        for (size_t k = 0; k < named.size(); ++k) {
            addSheet(out, anatomy::namedFasciaSheets()[k],
                     geometry::cutSheet(deep, skin, geometry::allOf({named[k], geometry::noneOf(taken)})));
            taken.push_back(named[k]);
        }
    }
    addSheet(out, anatomy::investingFasciaSheet(),
             taken.empty() ? deep : geometry::cutSheet(deep, skin, geometry::noneOf(std::move(taken))));
    logLap("sheets cut");
    return out;
}

void writeFasciaCache(const fs::path& path, const GeneratedFascia& fascia, uint64_t key) {
    PayloadWriter w;
    w.pod(static_cast<uint64_t>(fascia.structures.size()));
    for (size_t i = 0; i < fascia.structures.size(); ++i) {
        const auto& s = fascia.structures[i];
        w.str(s.fj);
        w.str(s.fma);
        w.str(s.name);
        w.pod(static_cast<uint8_t>(s.side));
        w.pod(static_cast<uint8_t>(s.region));
        writeMesh(w, fascia.meshes[i]);
    }
    writeCacheFile(path, kFormat, key, w.bytes());
}

FasciaCacheRead readFasciaCache(const fs::path& path, uint64_t key) {
    FasciaCacheRead result;
    auto file = readCacheFile(path, kFormat, key);
    result.rejectReason = file.rejectReason;
    if (!file.payload)
        return result;
    try {
        PayloadReader r(*file.payload);
        GeneratedFascia g;
        auto n = r.pod<uint64_t>();
        if (n > 1000)
            throw std::runtime_error("implausible structure count");
        for (size_t i = 0; i < n; ++i) {
            anatomy::Structure s;
            s.fj = r.str();
            s.fma = r.str();
            s.name = r.str();
            s.file = "(generated)";
            s.set = "generated";
            s.category = Category::Fascia;
            s.layer = Layer::Fascia;
            s.side = r.enumValue<Side>(3, "side");
            s.region = r.enumValue<Region>(anatomy::kRegionCount, "region");
            geometry::Mesh m = readMesh(r, s.fj);
            s.bounds = m.bounds();
            g.structures.push_back(std::move(s));
            g.meshes.push_back(std::move(m));
        }
        if (!r.atEnd())
            throw std::runtime_error("trailing bytes");
        result.fascia = std::move(g);
    } catch (const std::exception& e) {
        result.rejectReason = std::string("malformed: ") + e.what();
    }
    return result;
}

FasciaReport addGeneratedFascia(anatomy::Body& body, const anatomy::Atlas* atlas, const FasciaOptions& options) {
    FasciaReport rep;
    appendGeneratedFascia(body, obtainGeneratedFascia(body, atlas, options, rep), rep);
    return rep;
}

std::optional<GeneratedFascia> cachedFascia(const anatomy::Body& body, const anatomy::Atlas* atlas,
                                            const FasciaOptions& options, FasciaReport& rep) {
    core::Stopwatch clock;
    rep.key = fasciaKey(body, atlas);
    if (!options.useCache)
        return std::nullopt;
    const fs::path path = cachePath(options);
    auto cached = readFasciaCache(path, rep.key);
    if (cached.fascia) {
        rep.fromCache = true;
        rep.seconds = clock.seconds();
    } else if (!cached.rejectReason.empty()) {
        rep.cacheRejected = true;
        rep.cacheRejectReason = cached.rejectReason;
        core::logWarn("fascia cache " + path.string() + " rejected (" + cached.rejectReason + "); regenerating");
    }
    return std::move(cached.fascia);
}

GeneratedFascia generateAndCacheFascia(const anatomy::Body& body, const anatomy::Atlas* atlas,
                                       const FasciaOptions& options, FasciaReport& rep) {
    core::Stopwatch clock;
    if (options.progress)
        options.progress(LoadProgress{LoadProgress::Stage::Fascia, 0, 0});
    GeneratedFascia fascia = generateFascia(body, atlas);
    core::Stopwatch lods;
    for (auto& m : fascia.meshes) {
        m.buildLods(); // kept in the cache with the sheets, as are the pieces
        geometry::cutIntoPieces(m);
    }
    core::logDebug("fascia: levels of detail and pieces in " + std::to_string(lods.seconds()).substr(0, 5) + " s");
    if (options.useCache) {
        try {
            writeFasciaCache(cachePath(options), fascia, rep.key);
        } catch (const std::exception& e) {
            core::logWarn(std::string("could not write the fascia cache: ") + e.what());
        }
    }
    rep.fromCache = false;
    rep.seconds = clock.seconds();
    return fascia;
}

GeneratedFascia obtainGeneratedFascia(const anatomy::Body& body, const anatomy::Atlas* atlas,
                                      const FasciaOptions& options, FasciaReport& rep) {
    if (std::optional<GeneratedFascia> fascia = cachedFascia(body, atlas, options, rep))
        return std::move(*fascia);
    return generateAndCacheFascia(body, atlas, options, rep);
}

std::vector<anatomy::Structure> plannedFasciaStructures(const anatomy::Body& body, const anatomy::Atlas* atlas) {
    std::vector<anatomy::Structure> out;
    if (!body.skin())
        return out;
    out.push_back(sheetStructure(anatomy::superficialFasciaSheet()));
    if (atlas)
        for (const FasciaSheet& sheet : anatomy::namedFasciaSheets())
            out.push_back(sheetStructure(sheet));
    out.push_back(sheetStructure(anatomy::investingFasciaSheet()));
    return out;
}

std::vector<uint32_t> placeFascia(const anatomy::Body& body, const GeneratedFascia& fascia) {
    std::vector<uint32_t> places;
    std::vector<char> taken(body.size(), 0);
    for (const auto& sheet : fascia.structures) {
        uint32_t s = 0;
        while (s < body.size() && (taken[s] || body.structures[s].category != Category::Fascia ||
                                   body.structures[s].fj != sheet.fj || !body.meshes[s].indices.empty()))
            ++s;
        if (s < body.size())
            taken[s] = 1;
        places.push_back(s < body.size() ? s : kNoPlace);
    }
    return places;
}

std::vector<uint32_t> fillFasciaPlaceholders(anatomy::Body& body, GeneratedFascia fascia,
                                             const std::vector<uint32_t>& places, FasciaReport& rep) {
    std::vector<uint32_t> filled;
    for (size_t i = 0; i < fascia.structures.size() && i < places.size(); ++i) {
        const uint32_t s = places[i];
        if (s == kNoPlace || s >= body.size() || !body.meshes[s].indices.empty()) {
            core::logWarn("fascia sheet " + fascia.structures[i].fj + " has no place in the body; left out");
            continue;
        }
        rep.triangles += fascia.meshes[i].triangleCount();
        body.meshes[s] = std::move(fascia.meshes[i]);
        body.structures[s].bounds = body.meshes[s].bounds();
        filled.push_back(s);
    }
    std::sort(filled.begin(), filled.end());
    rep.structures = filled.size();
    for (uint32_t s = 0; s < body.size(); ++s)
        if (body.structures[s].category == Category::Fascia && body.meshes[s].indices.empty())
            core::logWarn("fascia sheet " + body.structures[s].name + " came out empty");
    logLayer(rep);
    return filled;
}

void appendGeneratedFascia(anatomy::Body& body, GeneratedFascia fascia, FasciaReport& rep) {
    for (size_t i = 0; i < fascia.structures.size(); ++i) {
        rep.triangles += fascia.meshes[i].triangleCount();
        body.structures.push_back(std::move(fascia.structures[i]));
        body.meshes.push_back(std::move(fascia.meshes[i]));
    }
    rep.structures = fascia.structures.size();
    logLayer(rep);
}

} // namespace myoatlas::io
