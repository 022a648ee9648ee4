#include "core/timer.h"

#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace myoatlas::core {

double secondsSinceLaunch() {
    // Field 22 of /proc/self/stat is the start time in clock ticks after boot; the command name (field 2) is in
    // parentheses and may hold spaces, so the fields are counted from its closing parenthesis.
    std::ifstream statFile("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(statFile)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    std::ifstream uptimeFile("/proc/uptime");
    double uptime = -1.0;
    const long ticks = sysconf(_SC_CLK_TCK);
    if (close == std::string::npos || !(uptimeFile >> uptime) || ticks <= 0)
        return -1.0;
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    for (int i = 3; i <= 22; ++i)
        if (!(fields >> field))
            return -1.0;
    try {
        return uptime - static_cast<double>(std::stoull(field)) / static_cast<double>(ticks);
    } catch (const std::exception&) {
        return -1.0;
    }
}

} // namespace myoatlas::core
