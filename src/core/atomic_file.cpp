#include "core/atomic_file.h"

#include "core/error.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

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
    writeFileAtomically(path, {content}, hook);
}

void writeFileAtomically(const std::filesystem::path& path, std::initializer_list<std::string_view> parts,
                         const AtomicWriteHook& hook) {
    // Past `ulimit -f` the kernel sends SIGXFSZ, whose default action kills us without a word; ignored, the write
    // fails with EFBIG and the user is told.
    static const bool fileSizeSignalIgnored = [] {
        std::signal(SIGXFSZ, SIG_IGN);
        return true;
    }();
    (void)fileSizeSignalIgnored;
    std::string file = path.string();
    // Only a regular file (or nothing) is replaced: renaming over /dev/full or a FIFO would replace the node
    // itself and report success. A symbolic link is followed, so the file it names is the one replaced.
    struct stat target {};
    if (::stat(file.c_str(), &target) == 0) {
        if (!S_ISREG(target.st_mode))
            throw DataError(file, "is not a regular file (a device, FIFO or directory); not replaced");
        std::error_code linkError;
        if (std::filesystem::is_symlink(path, linkError))
            file = std::filesystem::canonical(path, linkError).string();
    }
    const std::filesystem::path targetPath(file);
    auto dir = targetPath.parent_path().empty() ? std::filesystem::path(".") : targetPath.parent_path();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw DataError(file, "cannot create directory " + dir.string() + ": " + ec.message());

    std::string name = targetPath.filename().string();
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
    for (std::string_view content : parts) {
        size_t at = 0;
        while (at < content.size()) {
            size_t n = std::min(kChunk, content.size() - at);
            ssize_t w = ::write(tmp.fd, content.data() + at, n);
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                throw DataError(file, "write failed: " + errnoText());
            }
            if (w == 0)
                throw DataError(file, "write failed: no progress (disk full?)");
            at += static_cast<size_t>(w);
            done += static_cast<size_t>(w);
            if (hook)
                hook(done);
        }
    }
    if (::fsync(tmp.fd) != 0)
        throw DataError(file, "fsync failed: " + errnoText());
    if (::close(tmp.fd) != 0) {
        tmp.fd = -1;
        throw DataError(file, "close failed: " + errnoText());
    }
    tmp.fd = -1;
    if (::rename(tmp.path.c_str(), file.c_str()) != 0)
        throw DataError(file, "cannot replace the file: " + errnoText()); // errno of rename itself, read at once
    tmp.keep = true;
    // The rename itself is durable once the directory is synced.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void requireRegularFile(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw DataError(path.string(), "cannot open the file: " + errnoText());
    if (S_ISDIR(st.st_mode))
        throw DataError(path.string(), "is a directory, not a file");
    if (!S_ISREG(st.st_mode))
        throw DataError(path.string(), "is not a regular file (a FIFO, socket or device); refused");
}

namespace {

// Opens `file` for reading if it is a regular file of at most `maxBytes` (guard closes it); its size goes to `size`.
int openRegularFile(const std::string& file, uint64_t maxBytes, TempFile& guard, size_t& size) {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever before we could look at it.
    int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        throw DataError(file, "cannot open the file: " + errnoText());
    guard.fd = fd;
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw DataError(file, "cannot read the file: " + errnoText());
    if (S_ISDIR(st.st_mode))
        throw DataError(file, "is a directory, not a file");
    if (!S_ISREG(st.st_mode))
        throw DataError(file, "is not a regular file (a FIFO, socket or device); refused");
    if (static_cast<uint64_t>(st.st_size) > maxBytes)
        throw DataError(file, "is " + std::to_string(st.st_size) + " bytes, more than the " + std::to_string(maxBytes) +
                                  " this program reads from such a file");
    size = static_cast<size_t>(st.st_size);
    return fd;
}

} // namespace

MappedFile::MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (data_)
            ::munmap(data_, size_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (data_)
        ::munmap(data_, size_);
}

MappedFile mapRegularFile(const std::filesystem::path& path, uint64_t maxBytes) {
    const std::string file = path.string();
    TempFile guard; // closes the file; its empty path removes nothing
    size_t size = 0;
    const int fd = openRegularFile(file, maxBytes, guard, size);
    MappedFile mapped;
    if (size == 0)
        return mapped;
    // MAP_POPULATE: the pages are read in one go, not one fault at a time as the caller walks them.
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (data == MAP_FAILED)
        throw DataError(file, "cannot map the file: " + errnoText());
    mapped.data_ = data;
    mapped.size_ = size;
    return mapped;
}

std::string readRegularFile(const std::filesystem::path& path, uint64_t maxBytes) {
    const std::string file = path.string();
    TempFile guard; // closes the file; its empty path removes nothing
    size_t size = 0;
    const int fd = openRegularFile(file, maxBytes, guard, size);
    std::string out(size, '\0');
    size_t got = 0;
    while (got < out.size()) {
        ssize_t r = ::read(fd, out.data() + got, out.size() - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            throw DataError(file, "read failed: " + errnoText());
        }
        if (r == 0) // shrank while we read it
            break;
        got += static_cast<size_t>(r);
    }
    out.resize(got);
    return out;
}

std::string readFile(const std::filesystem::path& path) {
    return readRegularFile(path);
}

} // namespace myoatlas::core
