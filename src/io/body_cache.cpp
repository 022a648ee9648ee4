#include "io/body_cache.h"

#include "core/error.h"

#include <cstring>
#include <fstream>
#include <functional>
#include <thread>
#include <unistd.h>
#include <vector>

namespace myoatlas::io {
namespace {

constexpr char kMagic[8] = {'M', 'Y', 'O', 'B', 'O', 'D', 'Y', '\n'};

struct Header {
    char magic[8];
    uint32_t version;
    uint32_t reserved;
    uint64_t key;
    uint64_t payloadSize;
    uint64_t payloadChecksum;
};

class Writer {
public:
    std::vector<char> buf;
    template <class T> void pod(const T& v) {
        const char* p = reinterpret_cast<const char*>(&v);
        buf.insert(buf.end(), p, p + sizeof(T));
    }
    void str(const std::string& s) {
        pod(static_cast<uint32_t>(s.size()));
        buf.insert(buf.end(), s.begin(), s.end());
    }
    template <class T> void vec(const std::vector<T>& v) {
        pod(static_cast<uint64_t>(v.size()));
        const char* p = reinterpret_cast<const char*>(v.data());
        buf.insert(buf.end(), p, p + v.size() * sizeof(T));
    }
};

class Reader {
public:
    Reader(const char* data, size_t size) : p_(data), end_(data + size) {}
    template <class T> T pod() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, p_, sizeof(T));
        p_ += sizeof(T);
        return v;
    }
    std::string str() {
        auto n = pod<uint32_t>();
        need(n);
        std::string s(p_, n);
        p_ += n;
        return s;
    }
    template <class T> std::vector<T> vec() {
        auto n = pod<uint64_t>();
        if (n > static_cast<uint64_t>(end_ - p_) / sizeof(T))
            throw std::runtime_error("array length past the end of the payload");
        std::vector<T> v(n);
        std::memcpy(v.data(), p_, n * sizeof(T));
        p_ += n * sizeof(T);
        return v;
    }
    [[nodiscard]] bool atEnd() const { return p_ == end_; }

private:
    void need(size_t n) {
        if (static_cast<size_t>(end_ - p_) < n)
            throw std::runtime_error("truncated payload");
    }
    const char* p_;
    const char* end_;
};

template <class E> E checkedEnum(uint8_t v, size_t count, const char* what) {
    if (v >= count)
        throw std::runtime_error(std::string("invalid ") + what);
    return static_cast<E>(v);
}

} // namespace

void CacheKey::add(std::string_view bytes) {
    for (unsigned char c : bytes) {
        h_ ^= c;
        h_ *= 1099511628211ull;
    }
    h_ ^= 0xff; // separator so "ab"+"c" != "a"+"bc"
    h_ *= 1099511628211ull;
}

void CacheKey::addFile(const std::filesystem::path& path) {
    add(path.string());
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        add("missing");
        return;
    }
    auto time = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    add(std::string_view(reinterpret_cast<const char*>(&size), sizeof(size)));
    add(std::string_view(reinterpret_cast<const char*>(&time), sizeof(time)));
}

void CacheKey::addFileContents(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    add(path.string());
    add(bytes);
}

uint64_t checksum64(const void* data, size_t size) {
    // Word-at-a-time multiply-xor hash: fast enough for ~60 MB on every warm start, and catches flipped bytes.
    const auto* p = static_cast<const unsigned char*>(data);
    uint64_t h = 0x9E3779B97F4A7C15ull ^ size;
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h ^= w * 0xff51afd7ed558ccdull;
        h = (h << 31 | h >> 33) * 0xc4ceb9fe1a85ec53ull;
    }
    for (; i < size; ++i) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    return h;
}

void writeBodyCache(const std::filesystem::path& path, const anatomy::Body& body, uint64_t key) {
    Writer w;
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
        w.vec(body.meshes[i].positions);
        w.vec(body.meshes[i].normals);
        w.vec(body.meshes[i].indices);
        w.vec(body.meshes[i].lodIndices);
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
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof(kMagic));
    h.version = kBodyCacheVersion;
    h.key = key;
    h.payloadSize = w.buf.size();
    h.payloadChecksum = checksum64(w.buf.data(), w.buf.size());

    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    // A name of our own: two processes building the cache at once must not write into one temporary file.
    auto tmp = path;
    tmp += ".tmp." + std::to_string(::getpid()) + "." +
           std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw core::DataError(tmp.string(), "cannot write the body cache");
        out.write(reinterpret_cast<const char*>(&h), sizeof(h));
        out.write(w.buf.data(), static_cast<std::streamsize>(w.buf.size()));
        out.flush();
        if (!out)
            throw core::DataError(tmp.string(), "write failed (disk full?)");
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        throw core::DataError(path.string(), "cannot move the new cache into place: " + ec.message());
}

CacheReadResult readBodyCache(const std::filesystem::path& path, uint64_t key) {
    CacheReadResult result;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return result;
    auto fileSize = static_cast<size_t>(in.tellg());
    in.seekg(0);
    Header h{};
    if (fileSize < sizeof(Header) || !in.read(reinterpret_cast<char*>(&h), sizeof(h))) {
        result.rejectReason = "shorter than its header";
        return result;
    }
    if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) {
        result.rejectReason = "not a MyoAtlas body cache (bad magic)";
        return result;
    }
    if (h.version != kBodyCacheVersion) {
        result.rejectReason =
            "format version " + std::to_string(h.version) + ", expected " + std::to_string(kBodyCacheVersion);
        return result;
    }
    if (h.key != key) {
        result.rejectReason = "stale: the input files changed since it was written";
        return result;
    }
    if (h.payloadSize != fileSize - sizeof(Header)) {
        result.rejectReason = "truncated or padded (payload size mismatch)";
        return result;
    }
    std::vector<char> payload(h.payloadSize);
    if (!in.read(payload.data(), static_cast<std::streamsize>(payload.size()))) {
        result.rejectReason = "read failed";
        return result;
    }
    if (checksum64(payload.data(), payload.size()) != h.payloadChecksum) {
        result.rejectReason = "corrupt (checksum mismatch)";
        return result;
    }
    try {
        Reader r(payload.data(), payload.size());
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
            s.category = checkedEnum<anatomy::Category>(r.pod<uint8_t>(), anatomy::kCategoryCount, "category");
            s.side = checkedEnum<anatomy::Side>(r.pod<uint8_t>(), 3, "side");
            s.layer = checkedEnum<anatomy::Layer>(r.pod<uint8_t>(), anatomy::kLayerCount, "layer");
            s.region = checkedEnum<anatomy::Region>(r.pod<uint8_t>(), anatomy::kRegionCount, "region");
            s.exposedFraction = r.pod<float>();
            s.minDistToSkinMm = r.pod<float>();
            s.group = r.pod<int32_t>();
            auto& m = body.meshes[i];
            m.positions = r.vec<glm::vec3>();
            m.normals = r.vec<glm::vec3>();
            m.indices = r.vec<uint32_t>();
            m.lodIndices = r.vec<uint32_t>();
            if (m.normals.size() != m.positions.size() || m.indices.size() % 3 != 0 || m.lodIndices.size() % 3 != 0)
                throw std::runtime_error("inconsistent mesh arrays for " + s.fj);
            for (const auto* list : {&m.indices, &m.lodIndices})
                for (uint32_t idx : *list)
                    if (idx >= m.positions.size())
                        throw std::runtime_error("index out of range in " + s.fj);
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
