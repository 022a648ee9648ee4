#pragma once
// Muscles BodyParts3D lacks (masseter, lateral pterygoid), modelled so that the jaw is not a hole in a pain atlas:
// a tapered tube swept between points resolved on this body at the muscle's bony attachments, flattened across
// the face into a sheet. The shape is our estimate ([EST]); the structures say "modelled" in their name and set,
// and the atlas keeps placing the trigger points on the surrogate bones.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/landmark_resolver.h"

#include <string>
#include <vector>

namespace myoatlas::io {

struct ModelledMuscleSpec {
    std::string muscle; // atlas muscle id (mesh absent)
    std::string label;  // e.g. "masseter"
    anatomy::Layer layer = anatomy::Layer::SuperficialMuscle;
    std::vector<anatomy::PointSpec> path; // from the origin to the insertion, in landmark terms (per side)
    std::vector<float> radiiMm;           // per path point: half the muscle's width there
    float flatten = 1.0f;                 // thickness / width: the tube is squeezed along the lateral axis
};

[[nodiscard]] const std::vector<ModelledMuscleSpec>& modelledMuscleSpecs();

// Adds one structure per spec and side (Category::Muscle, set "modelled", fj "MODEL_<muscle>_R/L") whose path
// resolves on the body; returns how many were added. Needs the atlas for the landmarks; skips a muscle whose
// mesh the body has. `resolver`: one made over this body as it is now, which resolves the attachments (made here
// when null); the structures are added after every attachment is resolved.
size_t addModelledMuscles(anatomy::Body& body, const anatomy::Atlas& atlas, anatomy::AtlasResolver* resolver = nullptr);

} // namespace myoatlas::io
