#pragma once
// The container every MyoAtlas cache uses: a header (magic, format version, key of the inputs, payload size and
// checksum) and a binary payload, written atomically. Reading rejects, with a reason, anything that does not
// match: caches are rebuilt, never trusted.
#include "core/atomic_file.h"
#include "geometry/mesh.h"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::io {

[[nodiscard]] uint64_t checksum64(const void* data, size_t size);

struct CacheFormat {
    char magic[8];
    uint32_t version;
    const char* what; // "body cache", for messages
};

// Through core::writeFileAtomically (unique temporary file, checked writes, fsync, rename). Throws core::DataError.
void writeCacheFile(const std::filesystem::path& path, const CacheFormat& format, uint64_t key,
                    std::string_view payload);

struct CacheFileRead {
    core::MappedFile file;                   // the whole file, mapped
    std::optional<std::string_view> payload; // in `file`, when accepted
    std::string rejectReason;                // empty when accepted, or when no file existed
};
[[nodiscard]] CacheFileRead readCacheFile(const std::filesystem::path& path, const CacheFormat& format, uint64_t key);

// Payload encoding: plain little-endian values, length-prefixed strings and arrays.
class PayloadWriter {
public:
    template <class T> void pod(const T& v) { buf_.append(reinterpret_cast<const char*>(&v), sizeof(T)); }
    void str(const std::string& s) {
        pod(static_cast<uint32_t>(s.size()));
        buf_ += s;
    }
    template <class T> void vec(const std::vector<T>& v) {
        pod(static_cast<uint64_t>(v.size()));
        buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    [[nodiscard]] const std::string& bytes() const { return buf_; }

private:
    std::string buf_;
};

// Throws std::runtime_error on anything that runs past the payload.
class PayloadReader {
public:
    explicit PayloadReader(std::string_view payload) : p_(payload.data()), end_(payload.data() + payload.size()) {}
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
        if (n > 0) // an empty vector's data() may be null, and memcpy from or to null is undefined even for 0 bytes
            std::memcpy(v.data(), p_, n * sizeof(T));
        p_ += n * sizeof(T);
        return v;
    }
    template <class E> E enumValue(size_t count, const char* what) {
        auto v = pod<uint8_t>();
        if (v >= count)
            throw std::runtime_error(std::string("invalid ") + what);
        return static_cast<E>(v);
    }
    [[nodiscard]] bool atEnd() const { return p_ == end_; }

private:
    void need(size_t n) const {
        if (static_cast<size_t>(end_ - p_) < n)
            throw std::runtime_error("truncated payload");
    }
    const char* p_;
    const char* end_;
};

// A mesh as the caches hold it: vertices, normals, triangles, levels of detail and pieces (geometry::MeshPieces).
// readMesh checks what it reads (array sizes, indices in range, the levels' errors, the pieces' runs) and throws
// std::runtime_error naming `what` (the structure) on anything else.
void writeMesh(PayloadWriter& w, const geometry::Mesh& mesh);
[[nodiscard]] geometry::Mesh readMesh(PayloadReader& r, const std::string& what);

} // namespace myoatlas::io
