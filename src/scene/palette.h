#pragma once
// Base colours of the tissues, chosen to separate well on a projector: muscle red-brown, tendon and ligament
// pale cream, bone ivory, cartilage blue-white, skin warm beige, fascia silver-white.
#include "anatomy/structure.h"

#include <glm/vec3.hpp>

namespace myoatlas::scene {

[[nodiscard]] glm::vec3 tissueColor(anatomy::Category category);
// Colour of one structure: its tissue colour with a small deterministic variation so neighbouring muscles part.
[[nodiscard]] glm::vec3 structureColor(const anatomy::Structure& s);

} // namespace myoatlas::scene
