#include "io/body_cache.h"

#include "io/cache_file.h"

#include "core/atomic_file.h"
#include "core/error.h"

#include <cmath>
#include <fstream>
#include <vector>

namespace myoatlas::io {
namespace {
constexpr CacheFormat kFormat{{'M', 'Y', 'O', 'B', 'O', 'D', 'Y', '\n'}, kBodyCacheVersion, "body cache"};
} // namespace

void CacheKey::add(std::string_view bytes) {
    for (unsigned char c : bytes) {
        h_ ^= c;
        h_ *= 1099511628211ull;
    }
    h_ ^= 0xff; // separator so "ab"+"c" != "a"+"bc"
    h_ *= 1099511628211ull;
}

void CacheKey::addFile(const std::filesystem::path& path, std::string_view name) {
    add(name);
    // The content, not size and mtime: an edited mesh with the same size and time must not show old geometry.
    // checksum64 runs at memory speed, so hashing the ~50 MB body costs little next to reading it.
    core::MappedFile file; // mapped, not read: ~50 MB of meshes at every start, no buffer filled for them
    try {
        file = core::mapRegularFile(path);
    } catch (const core::DataError&) {
        add("unreadable");
        return;
    }
    const std::string_view bytes = file.bytes();
    uint64_t sum = checksum64(bytes.data(), bytes.size());
    uint64_t size = bytes.size();
    add(std::string_view(reinterpret_cast<const char*>(&size), sizeof(size)));
    add(std::string_view(reinterpret_cast<const char*>(&sum), sizeof(sum)));
}

void CacheKey::addFileContents(const std::filesystem::path& path) {
    add(path.filename().string());
    std::string bytes;
    try {
        bytes = core::readRegularFile(path);
    } catch (const core::DataError&) {
        add("missing");
        return;
    }
    add(bytes);
}

void writeBodyCache(const std::filesystem::path& path, const anatomy::Body& body, uint64_t key) {
    writeEncodedBodyCache(path, encodeBodyCache(body), key);
}

void writeEncodedBodyCache(const std::filesystem::path& path, const std::string& payload, uint64_t key) {
    writeCacheFile(path, kFormat, key, payload);
}

std::string encodeBodyCache(const anatomy::Body& body) {
    PayloadWriter w;
    w.pod(static_cast<uint64_t>(body.structures.size()));
    for (size_t i = 0; i < body.structures.size(); ++i) {
        const auto& s = body.structures[i];
        w.str(s.fj);
        w.str(s.fma);
        w.str(s.name);
        w.str(s.file);
        w.str(s.set);
        w.pod(static_cast<uint8_t>(s.category));
        w.pod(static_cast<uint8_t>(s.side));
        w.pod(static_cast<uint8_t>(s.layer));
        w.pod(static_cast<uint8_t>(s.region));
        w.pod(s.exposedFraction);
        w.pod(s.minDistToSkinMm);
        w.pod(static_cast<int32_t>(s.group));
        writeMesh(w, body.meshes[i]);
    }
    w.pod(static_cast<uint64_t>(body.groups.size()));
    for (const auto& g : body.groups) {
        w.str(g.fma);
        w.str(g.name);
        w.vec(g.members);
    }
    w.pod(static_cast<uint64_t>(body.failures.size()));
    for (const auto& f : body.failures) {
        w.str(f.file);
        w.str(f.problem);
    }
    return w.bytes();
}

CacheReadResult readBodyCache(const std::filesystem::path& path, uint64_t key) {
    CacheReadResult result;
    auto file = readCacheFile(path, kFormat, key);
    result.rejectReason = file.rejectReason;
    if (!file.payload)
        return result;
    try {
        PayloadReader r(*file.payload);
        anatomy::Body body;
        auto n = r.pod<uint64_t>();
        if (n > 100000)
            throw std::runtime_error("implausible structure count");
        body.structures.resize(n);
        body.meshes.resize(n);
        for (size_t i = 0; i < n; ++i) {
            auto& s = body.structures[i];
            s.fj = r.str();
            s.fma = r.str();
            s.name = r.str();
            s.file = r.str();
            s.set = r.str();
            s.category = r.enumValue<anatomy::Category>(anatomy::kCategoryCount, "category");
            s.side = r.enumValue<anatomy::Side>(3, "side");
            s.layer = r.enumValue<anatomy::Layer>(anatomy::kLayerCount, "layer");
            s.region = r.enumValue<anatomy::Region>(anatomy::kRegionCount, "region");
            s.exposedFraction = r.pod<float>();
            s.minDistToSkinMm = r.pod<float>();
            s.group = r.pod<int32_t>();
            body.meshes[i] = readMesh(r, s.fj);
        }
        auto ng = r.pod<uint64_t>();
        for (size_t g = 0; g < ng; ++g) {
            anatomy::StructureGroup group;
            group.fma = r.str();
            group.name = r.str();
            group.members = r.vec<uint32_t>();
            for (uint32_t m : group.members)
                if (m >= n)
                    throw std::runtime_error("group member out of range");
            body.groups.push_back(std::move(group));
        }
        for (const auto& s : body.structures)
            if (s.group >= static_cast<int>(body.groups.size()))
                throw std::runtime_error("group index out of range");
        auto nf = r.pod<uint64_t>();
        for (size_t f = 0; f < nf; ++f) {
            anatomy::LoadFailure failure;
            failure.file = r.str();
            failure.problem = r.str();
            body.failures.push_back(std::move(failure));
        }
        if (!r.atEnd())
            throw std::runtime_error("trailing bytes after the payload");
        body.updateBounds();
        result.body = std::move(body);
    } catch (const std::exception& e) {
        result.rejectReason = std::string("corrupt: ") + e.what();
    }
    return result;
}

} // namespace myoatlas::io
