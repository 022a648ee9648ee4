// Loads each file named on the command line as a body structure (io::loadMeshFile) and prints one line per file:
// "ok PATH vertices triangles" or the loader's error; then the peak resident memory. Exit 0 when every file
// loaded or was refused with a message naming it, 1 when a message does not name its file.
#include "core/error.h"
#include "io/gltf_loader.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <sys/resource.h>

using namespace myoatlas;

int main(int argc, char** argv) {
    int bad = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string path = argv[i];
        try {
            auto mesh = io::loadMeshFile(path);
            std::cout << "ok " << path << " " << mesh.positions.size() << " " << mesh.triangleCount() << "\n";
        } catch (const core::Error& e) {
            std::string what = e.what();
            bool named = what.find(path) != std::string::npos;
            std::cout << (named ? "refused " : "UNNAMED ") << what << "\n";
            bad += named ? 0 : 1;
        } catch (const std::exception& e) {
            std::cout << "UNNAMED unexpected " << path << ": " << e.what() << "\n";
            ++bad;
        }
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::cout << "peak_rss_kb " << ru.ru_maxrss << "\n";
    return bad == 0 ? 0 : 1;
}
