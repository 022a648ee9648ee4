#pragma once
#include "anatomy/body.h"
#include "io/body_loader.h"

#include <nlohmann/json.hpp>

namespace myoatlas::app {

// What `myoatlas inspect --json` prints about the loaded body.
[[nodiscard]] nlohmann::json bodyToJson(const anatomy::Body& body, const io::LoadReport& report);

} // namespace myoatlas::app
