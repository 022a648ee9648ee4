#include "core/atomic_file.h"

#include "core/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace myoatlas::core {
namespace {

std::string errnoText() {
    return std::strerror(errno);
}

// Closes and removes the temporary file unless released.
struct TempFile {
    std::filesystem::path path;
    int fd = -1;
    bool keep = false;
    ~TempFile() {
        if (fd >= 0)
            ::close(fd);
        if (!keep && !path.empty()) {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    }
};

} // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view content, const AtomicWriteHook& hook) {
    const std::string file = path.string();
    auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw DataError(file, "cannot create directory " + dir.string() + ": " + ec.message());

    std::string name = path.filename().string();
    name.insert(name.begin(), '.');
    name.append(".tmp-XXXXXX");
    std::string pattern = (dir / name).string();
    TempFile tmp;
    tmp.fd = ::mkstemp(pattern.data());
    if (tmp.fd < 0)
        throw DataError(file, "cannot create a temporary file in " + dir.string() + ": " + errnoText());
    tmp.path = pattern;
    // Keep the permissions of the file being replaced (mkstemp creates 0600).
    struct stat st {};
    ::fchmod(tmp.fd, ::stat(file.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644);

    // Written in chunks so that the test hook can fail half way through.
    constexpr size_t kChunk = 4096;
    size_t done = 0;
    while (done < content.size()) {
        size_t n = std::min(kChunk, content.size() - done);
        ssize_t w = ::write(tmp.fd, content.data() + done, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            throw DataError(file, "write failed: " + errnoText());
        }
        done += static_cast<size_t>(w);
        if (hook)
            hook(done);
    }
    if (::fsync(tmp.fd) != 0)
        throw DataError(file, "fsync failed: " + errnoText());
    if (::close(tmp.fd) != 0) {
        tmp.fd = -1;
        throw DataError(file, "close failed: " + errnoText());
    }
    tmp.fd = -1;
    if (::rename(tmp.path.c_str(), file.c_str()) != 0)
        throw DataError(file, "cannot replace the file: " + errnoText());
    tmp.keep = true;
    // The rename itself is durable once the directory is synced.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path.string(), "cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        throw DataError(path.string(), "read failed");
    return ss.str();
}

} // namespace myoatlas::core
