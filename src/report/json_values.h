#pragma once
// How reports write numbers: four decimals (enough for metres and 0..1 heat, and the output diffs cleanly).
#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include <cmath>

namespace myoatlas::report {

[[nodiscard]] inline double rounded(double v) {
    return std::round(v * 1e4) / 1e4;
}

[[nodiscard]] inline nlohmann::json vec(const glm::vec3& p) {
    return {rounded(p.x), rounded(p.y), rounded(p.z)};
}

} // namespace myoatlas::report
