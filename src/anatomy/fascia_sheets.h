#pragma once
// The fascial sheets the program generates over the body (BodyParts3D has none): their identity, where they lie,
// and the material the body shader draws them with. Known to the fascia generator (io) and the renderer.
#include "anatomy/structure.h"

#include <glm/vec4.hpp>
#include <span>

namespace myoatlas::anatomy {

struct FasciaSheet {
    const char* fj; // "GEN-" marks a generated structure, not one of BodyParts3D's
    const char* name;
    Side side;
    Region region;
    // xyz = fibre direction template in the body frame (x is mirrored on the subject's right, so one template gives
    // a chevron), w = 1 superficial fascia (soft sheen, no fibres), 2 the investing deep fascia, 3 a named sheet
    // (thoracolumbar fascia, fascia lata, ...). 2 and 3 get the silvery anisotropic sheen and fibre streaks; in a
    // see-through layer 1 is a faint veil, 2 a thin membrane and 3 the most solid (see shaders/fascia.glsl).
    glm::vec4 material;
};

[[nodiscard]] const FasciaSheet& superficialFasciaSheet();
[[nodiscard]] const FasciaSheet& investingFasciaSheet();
// The sheets taught by name, in the order the generator cuts them from the investing layer.
[[nodiscard]] std::span<const FasciaSheet> namedFasciaSheets();

// A structure's material for the body shader: zero for everything that is not fascia.
[[nodiscard]] glm::vec4 fasciaMaterial(const Structure& s);

} // namespace myoatlas::anatomy
