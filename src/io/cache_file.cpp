#include "io/cache_file.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "geometry/cluster_bounds.h"

#include <cmath>

namespace myoatlas::io {
namespace {

struct Header {
    char magic[8];
    uint32_t version;
    uint32_t reserved;
    uint64_t key;
    uint64_t payloadSize;
    uint64_t payloadChecksum;
};

} // namespace

uint64_t checksum64(const void* data, size_t size) {
    // Multiply-xor over 8-byte words in four independent lanes (one lane waits on its multiplies: four keep the
    // core busy), folded at the end: about 5 GB/s, for ~85 MB on every warm start, and it catches flipped bytes.
    const auto* p = static_cast<const unsigned char*>(data);
    uint64_t lane[4] = {0x9E3779B97F4A7C15ull ^ size, 0x6A09E667F3BCC909ull, 0xBB67AE8584CAA73Bull,
                        0x3C6EF372FE94F82Bull};
    auto mix = [](uint64_t h, uint64_t w) {
        h ^= w * 0xff51afd7ed558ccdull;
        return (h << 31 | h >> 33) * 0xc4ceb9fe1a85ec53ull;
    };
    size_t i = 0;
    for (; i + 32 <= size; i += 32)
        for (int k = 0; k < 4; ++k) {
            uint64_t w;
            std::memcpy(&w, p + i + 8 * k, 8);
            lane[k] = mix(lane[k], w);
        }
    uint64_t h = lane[0];
    for (int k = 1; k < 4; ++k)
        h = mix(h, lane[k]);
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = mix(h, w);
    }
    for (; i < size; ++i) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    return h;
}

void writeCacheFile(const std::filesystem::path& path, const CacheFormat& format, uint64_t key,
                    std::string_view payload) {
    Header h{};
    std::memcpy(h.magic, format.magic, sizeof(h.magic));
    h.version = format.version;
    h.key = key;
    h.payloadSize = payload.size();
    h.payloadChecksum = checksum64(payload.data(), payload.size());
    core::writeFileAtomically(path, {std::string_view(reinterpret_cast<const char*>(&h), sizeof(h)), payload});
}

CacheFileRead readCacheFile(const std::filesystem::path& path, const CacheFormat& format, uint64_t key) {
    CacheFileRead result;
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
        return result;
    // A FIFO or device in the cache's place would block the start-up forever: refuse it without opening it.
    if (!std::filesystem::is_regular_file(path, ec)) {
        result.rejectReason = "not a regular file";
        return result;
    }
    try {
        result.file = core::mapRegularFile(path);
    } catch (const core::DataError&) {
        result.rejectReason = "cannot be opened";
        return result;
    }
    const std::string_view bytes = result.file.bytes();
    const size_t fileSize = bytes.size();
    Header h{};
    if (fileSize < sizeof(Header)) {
        result.rejectReason = "shorter than its header";
        return result;
    }
    std::memcpy(&h, bytes.data(), sizeof(h));
    if (std::memcmp(h.magic, format.magic, sizeof(h.magic)) != 0) {
        result.rejectReason = std::string("not a MyoAtlas ") + format.what + " (bad magic)";
        return result;
    }
    if (h.version != format.version) {
        result.rejectReason =
            "format version " + std::to_string(h.version) + ", expected " + std::to_string(format.version);
        return result;
    }
    if (h.key != key) {
        result.rejectReason = "stale: the inputs changed since it was written";
        return result;
    }
    if (h.payloadSize != fileSize - sizeof(Header)) {
        result.rejectReason = "truncated or padded (payload size mismatch)";
        return result;
    }
    const std::string_view payload = bytes.substr(sizeof(Header));
    if (checksum64(payload.data(), payload.size()) != h.payloadChecksum) {
        result.rejectReason = "corrupt (checksum mismatch)";
        return result;
    }
    result.payload = payload;
    return result;
}

void writeMesh(PayloadWriter& w, const geometry::Mesh& mesh) {
    w.vec(mesh.positions);
    w.vec(mesh.normals);
    w.vec(mesh.indices);
    w.pod(static_cast<uint32_t>(mesh.lods.size()));
    for (const auto& level : mesh.lods) {
        w.vec(level.indices);
        w.pod(level.error);
    }
    // Pieces only where they describe the lists (an uncut mesh, or one changed since, is cut when laid out).
    const bool pieces = geometry::piecesFit(mesh);
    w.vec(pieces ? mesh.pieces.boxes : std::vector<geometry::Aabb>{});
    if (pieces)
        for (const auto& starts : mesh.pieces.starts)
            w.vec(starts);
}

geometry::Mesh readMesh(PayloadReader& r, const std::string& what) {
    geometry::Mesh m;
    m.positions = r.vec<glm::vec3>();
    m.normals = r.vec<glm::vec3>();
    m.indices = r.vec<uint32_t>();
    const auto levels = r.pod<uint32_t>();
    if (levels > 64)
        throw std::runtime_error("implausible level-of-detail count for " + what);
    m.lods.resize(levels);
    for (auto& level : m.lods) {
        level.indices = r.vec<uint32_t>();
        level.error = r.pod<float>();
        if (!std::isfinite(level.error) || level.error < 0.0f || level.indices.size() % 3 != 0)
            throw std::runtime_error("bad level of detail for " + what);
    }
    if (m.normals.size() != m.positions.size() || m.indices.size() % 3 != 0)
        throw std::runtime_error("inconsistent mesh arrays for " + what);
    auto checkIndices = [&](const std::vector<uint32_t>& list) {
        for (uint32_t idx : list)
            if (idx >= m.positions.size())
                throw std::runtime_error("index out of range in " + what);
    };
    checkIndices(m.indices);
    for (const auto& level : m.lods)
        checkIndices(level.indices);
    m.pieces.boxes = r.vec<geometry::Aabb>();
    for (const auto& box : m.pieces.boxes) // a box that holds nothing (or NaN) would hide its piece for good
        if (!box.valid() || !std::isfinite(box.min.x + box.min.y + box.min.z + box.max.x + box.max.y + box.max.z))
            throw std::runtime_error("a piece's box that holds nothing in " + what);
    if (!m.pieces.boxes.empty()) {
        m.pieces.starts.resize(levels + size_t{1});
        for (auto& starts : m.pieces.starts)
            starts = r.vec<uint32_t>();
        if (!geometry::piecesFit(m))
            throw std::runtime_error("pieces that do not fit the triangles of " + what);
    }
    return m;
}

} // namespace myoatlas::io
