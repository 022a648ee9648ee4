#include "io/body_loader.h"

#include "core/error.h"
#include "core/log.h"
#include "core/progress_line.h"
#include "core/timer.h"
#include "geometry/cluster_bounds.h"
#include "geometry/fascia_shell.h"
#include "io/body_cache.h"
#include "io/classify.h"
#include "io/gltf_loader.h"
#include "io/manifest.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>

#ifndef MYOATLAS_DEFAULT_DATA_DIR
#define MYOATLAS_DEFAULT_DATA_DIR ""
#endif
#ifndef MYOATLAS_ASSETS_DIR
#define MYOATLAS_ASSETS_DIR ""
#endif

namespace fs = std::filesystem;

namespace myoatlas::io {
namespace {

fs::path executableDir() {
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

fs::path userCacheDir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
        return fs::path(x) / "myoatlas";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".cache" / "myoatlas";
    return fs::temp_directory_path() / "myoatlas-cache";
}

bool isDataDir(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p / "manifest.csv", ec);
}

void tell(const LoadOptions& options, LoadProgress::Stage stage, size_t done = 0, size_t total = 0) {
    if (options.progress)
        options.progress(LoadProgress{stage, done, total});
}

} // namespace

std::string describeProgress(const LoadProgress& p) {
    using S = LoadProgress::Stage;
    switch (p.stage) {
    case S::Cache:
        return "Reading the body...";
    case S::Parsing:
        return "Loading the body: " + std::to_string(p.done) + " of " + std::to_string(p.total) + " structures";
    case S::Classifying:
        return "Sorting the structures into layers...";
    case S::WritingCache:
        return "Saving the body for a faster start next time...";
    case S::Fascia:
        return "Building the fascia layer...";
    case S::Done:
        return "Ready";
    }
    return {};
}

std::pair<float, float> stageSpan(LoadProgress::Stage stage) {
    using S = LoadProgress::Stage;
    switch (stage) {
    case S::Cache:
        return {0.0f, 0.02f};
    case S::Parsing:
        return {0.02f, 0.47f};
    case S::Classifying:
        return {0.47f, 0.67f};
    case S::WritingCache:
        return {0.67f, 0.71f};
    case S::Fascia:
        return {0.71f, 1.0f};
    case S::Done:
        return {1.0f, 1.0f};
    }
    return {0.0f, 0.0f};
}

float progressFraction(const LoadProgress& p, double secondsInStage) {
    const auto [first, last] = stageSpan(p.stage);
    const float within = p.total > 0 ? static_cast<float>(std::min(p.done, p.total)) / static_cast<float>(p.total)
                                     : 0.9f * static_cast<float>(1.0 - std::exp(-std::max(0.0, secondsInStage) / 4.0));
    return first + (last - first) * within;
}

LoadProgressFn stderrProgress(bool quiet) {
    if (quiet)
        return {};
    auto line = std::make_shared<core::ProgressLine>(std::cerr, core::stderrIsTerminal());
    return [line](const LoadProgress& p) {
        using S = LoadProgress::Stage;
        if (p.stage == S::Done) {
            line->finish();
            return;
        }
        if (p.stage == S::Cache)
            return;
        const bool last = p.stage == S::Parsing && p.done == p.total;
        line->update(static_cast<int>(p.stage), describeProgress(p), last);
    };
}

fs::path locateData(const std::optional<fs::path>& cli) {
    std::vector<std::string> looked;
    auto check = [&](const fs::path& p, const std::string& why) -> std::optional<fs::path> {
        if (p.empty())
            return std::nullopt;
        if (isDataDir(p))
            return fs::weakly_canonical(p);
        looked.push_back(p.string() + " (" + why + ")");
        return std::nullopt;
    };
    if (cli) {
        if (auto p = check(*cli, "--data"))
            return *p;
        throw core::DataError(cli->string(), "no BodyParts3D manifest.csv here (given with --data)");
    }
    if (const char* env = std::getenv("MYOATLAS_DATA"); env && *env) {
        if (auto p = check(env, "$MYOATLAS_DATA"))
            return *p;
        throw core::DataError(env, "no BodyParts3D manifest.csv here (given in $MYOATLAS_DATA)");
    }
    if (auto p = check(MYOATLAS_DEFAULT_DATA_DIR, "beside the source tree"))
        return *p;
    auto exe = executableDir();
    for (const char* rel : {"../shared/bodyparts3d", "../../shared/bodyparts3d", "../share/myoatlas/bodyparts3d"})
        if (auto p = check(exe / rel, "relative to the executable"))
            return *p;
    std::string msg = "cannot find the BodyParts3D body. Looked in:";
    for (const auto& l : looked)
        msg += "\n  " + l;
    msg += "\nPoint at it with --data DIR or MYOATLAS_DATA=DIR (the directory that holds manifest.csv).";
    throw core::DataError("bodyparts3d", msg);
}

fs::path locateAssets() {
    std::error_code ec;
    if (const char* env = std::getenv("MYOATLAS_ASSETS"); env && *env)
        return env;
    if (fs::is_directory(MYOATLAS_ASSETS_DIR, ec))
        return MYOATLAS_ASSETS_DIR;
    auto installed = executableDir() / "../share/myoatlas";
    if (fs::is_directory(installed, ec))
        return installed;
    throw core::DataError("assets", "cannot find the MyoAtlas assets directory; set MYOATLAS_ASSETS");
}

anatomy::Body loadBody(const LoadOptions& options, LoadReport* report) {
    core::Stopwatch clock;
    LoadReport local;
    LoadReport& rep = report ? *report : local;
    rep = {};
    const fs::path manifestPath = options.dataDir / "manifest.csv";
    const fs::path ancestorsPath = options.dataDir / "metadata" / "bp3d_v4_isa_uniq_parts_list.txt";
    const fs::path overridesPath =
        options.layerOverrides.empty() ? locateAssets() / "layer_overrides.json" : options.layerOverrides;
    auto rows = readManifest(manifestPath);
    rep.filesListed = rows.size();

    CacheKey key;
    key.add("myoatlas-body");
    key.add(std::to_string(kBodyCacheVersion));
    // The classification rules are part of what the cache holds: a change to them invalidates it.
    const LayerRules rules;
    key.add(std::to_string(rules.exposedThreshold) + "/" + std::to_string(rules.maxSkinGap) + "/" +
            std::to_string(rules.samplesPerMuscle) + "/" + std::to_string(rules.occluderLodError));
    key.addFileContents(manifestPath);
    key.addFileContents(ancestorsPath);
    key.addFileContents(overridesPath);
    // Paths are confined before anything is opened, even for the cache key.
    std::vector<fs::path> paths(rows.size());
    std::vector<std::string> errors(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        try {
            paths[i] = confineToDataDir(options.dataDir, rows[i].file, manifestPath.string());
            key.addFile(paths[i], rows[i].file);
        } catch (const core::DataError& e) {
            errors[i] = e.what();
            key.add("refused:" + rows[i].file);
        }
    }
    const fs::path cacheDir = options.cacheDir.empty() ? userCacheDir() : options.cacheDir;
    const fs::path cachePath = cacheDir / "body.bin";

    tell(options, LoadProgress::Stage::Cache);
    core::logDebug("body cache key (manifest and " + std::to_string(rows.size()) + " files hashed) in " +
                   std::to_string(clock.seconds()).substr(0, 5) + " s");
    if (options.useCache) {
        auto cached = readBodyCache(cachePath, key.value());
        if (cached.body) {
            core::logDebug("body cache read in " + std::to_string(clock.seconds()).substr(0, 5) + " s from the start");
            rep.fromCache = true;
            rep.filesLoaded = cached.body->size();
            rep.failures = cached.body->failures.size();
            rep.seconds = clock.seconds();
            return std::move(*cached.body);
        }
        if (!cached.rejectReason.empty()) {
            rep.cacheRejected = true;
            rep.cacheRejectReason = cached.rejectReason;
            core::logWarn("body cache " + cachePath.string() + " rejected (" + cached.rejectReason +
                          "); rebuilding it");
        }
    }

    // Parse every file on a pool of workers (Assimp importers are independent per thread); results land by index,
    // so the body is the same whatever the thread count. This thread reports progress while they work.
    std::vector<std::optional<geometry::Mesh>> meshes(rows.size());
    // The skin file holds two nested outward-facing sheets 1-3 mm apart. Keep the outer one, welded: a faded skin
    // then blends once, and the geodesic heat maps run on one connected surface. The first skin row (the body's
    // skin when it loads) is prepared by the worker that parsed it, beside the other files.
    const auto skinRow = static_cast<size_t>(
        std::find_if(rows.begin(), rows.end(), [](const ManifestRow& r) { return r.fma == "FMA7163"; }) - rows.begin());
    size_t skinTrianglesBefore = 0;
    std::atomic<size_t> next{0};
    std::mutex doneMutex;
    std::condition_variable doneChanged;
    size_t finished = 0;
    auto worker = [&] {
        for (size_t i = next++; i < rows.size(); i = next++) {
            if (errors[i].empty()) {
                try {
                    meshes[i] = loadMeshFile(paths[i]);
                    if (i == skinRow) {
                        skinTrianglesBefore = meshes[i]->triangleCount();
                        meshes[i] = geometry::prepareSkin(*meshes[i]).mesh;
                    }
                    meshes[i]->buildLods();
                    geometry::cutIntoPieces(*meshes[i]); // once here, kept in the cache: not at every start
                } catch (const std::exception& e) {
                    errors[i] = e.what();
                    meshes[i].reset();
                }
            }
            std::lock_guard lock(doneMutex);
            ++finished;
            doneChanged.notify_one();
        }
    };
    const unsigned threads = std::max(1u, options.threads ? options.threads : std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < std::min<size_t>(threads, std::max<size_t>(rows.size(), 1)); ++t)
        pool.emplace_back(worker);
    {
        tell(options, LoadProgress::Stage::Parsing, 0, rows.size());
        size_t reported = 0;
        std::unique_lock lock(doneMutex);
        while (reported < rows.size()) {
            // A bar moves at most 20 times a second: more would only cost the parsers.
            doneChanged.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished == rows.size(); });
            if (finished != reported) {
                reported = finished;
                lock.unlock();
                tell(options, LoadProgress::Stage::Parsing, reported, rows.size());
                lock.lock();
            }
        }
    }
    for (auto& t : pool)
        t.join();
    core::logDebug("parsed " + std::to_string(rows.size()) + " files in " +
                   std::to_string(clock.seconds()).substr(0, 5) + " s");
    tell(options, LoadProgress::Stage::Classifying);
    core::Stopwatch stage;

    anatomy::Body body;
    bool skinPrepared = false;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (!meshes[i]) {
            core::logWarn("skipped " + errors[i]);
            body.failures.push_back({rows[i].file, errors[i]});
            continue;
        }
        anatomy::Structure s;
        s.fj = rows[i].fj;
        s.fma = rows[i].fma;
        s.name = rows[i].name;
        s.file = rows[i].file;
        s.set = rows[i].set;
        s.category = rows[i].category;
        s.side = rows[i].side;
        s.minDistToSkinMm = rows[i].minDistToSkinMm;
        body.structures.push_back(std::move(s));
        body.meshes.push_back(std::move(*meshes[i]));
        skinPrepared = skinPrepared || i == skinRow;
    }
    if (body.empty()) {
        // Name the files and Assimp's reasons: "none loaded" alone leaves the user guessing.
        std::string msg = "none of the listed files could be loaded";
        const size_t shown = std::min<size_t>(body.failures.size(), 3);
        for (size_t i = 0; i < shown; ++i)
            msg += (i == 0 ? ": " : "; ") + body.failures[i].problem;
        if (body.failures.size() > shown)
            msg += "; and " + std::to_string(body.failures.size() - shown) + " more";
        throw core::DataError(manifestPath.string(), msg);
    }
    if (auto skin = body.skin()) {
        // Only when the first skin row failed and a later one is the body's skin: prepared here.
        auto& mesh = body.meshes[*skin];
        if (!skinPrepared) {
            skinTrianglesBefore = mesh.triangleCount();
            mesh = geometry::prepareSkin(mesh).mesh;
            mesh.buildLods();
            geometry::cutIntoPieces(mesh);
        }
        core::logDebug("skin: kept the outer sheet, " + std::to_string(mesh.triangleCount()) + " of " +
                       std::to_string(skinTrianglesBefore) + " triangles");
    }
    body.updateBounds();

    AncestorTable ancestors;
    try {
        ancestors = readAncestors(ancestorsPath);
    } catch (const core::DataError& e) {
        core::logWarn(std::string(e.what()) + "; muscles are not grouped into wholes");
    }
    groupParts(body, ancestors);
    assignRegions(body, ancestors);
    stage.reset();
    assignLayers(body, readLayerOverrides(overridesPath), rules);
    core::logDebug("layers assigned in " + std::to_string(stage.seconds()).substr(0, 5) + " s");

    rep.filesLoaded = body.size();
    rep.failures = body.failures.size();
    if (options.useCache && options.deferCacheWrite) {
        rep.cachePath = cachePath;
        rep.cacheKey = key.value();
    } else if (options.useCache) {
        tell(options, LoadProgress::Stage::WritingCache);
        try {
            core::Stopwatch writing;
            writeBodyCache(cachePath, body, key.value());
            core::logDebug("body cache written in " + std::to_string(writing.seconds()).substr(0, 5) + " s");
        } catch (const std::exception& e) {
            core::logWarn(std::string("could not write the body cache: ") + e.what());
        }
    }
    rep.seconds = clock.seconds();
    return body;
}

std::string encodeBodyCacheLater(const anatomy::Body& body, const LoadReport& report) {
    return report.cachePath.empty() ? std::string() : encodeBodyCache(body);
}

void writeBodyCacheLater(const std::string& payload, const LoadReport& report) {
    if (report.cachePath.empty())
        return;
    try {
        core::Stopwatch writing;
        writeEncodedBodyCache(report.cachePath, payload, report.cacheKey);
        core::logDebug("body cache written in " + std::to_string(writing.seconds()).substr(0, 5) + " s");
    } catch (const std::exception& e) {
        core::logWarn(std::string("could not write the body cache: ") + e.what());
    }
}

} // namespace myoatlas::io
