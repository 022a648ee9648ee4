#include "io/modelled_muscles.h"

#include "anatomy/landmark_resolver.h"
#include "core/log.h"
#include "geometry/tube_builder.h"

#include <glm/geometric.hpp>

#include <optional>

namespace myoatlas::io {

namespace {

anatomy::PointSpec at(std::string landmark, glm::vec3 offsetMm = glm::vec3(0.0f), std::string to = {}, float t = 0.0f) {
    anatomy::PointSpec p;
    p.at = std::move(landmark);
    p.to = std::move(to);
    p.t = t;
    p.offsetMm = offsetMm;
    return p;
}

} // namespace

const std::vector<ModelledMuscleSpec>& modelledMuscleSpecs() {
    // Offsets are [lateral, superior, anterior] mm. Masseter: from the lower border of the zygomatic arch down and
    // slightly back over the ramus to the angle, a sheet about 4 cm wide and 1 cm thick, its outer face about flush
    // with the arch and a little outside the angle.
    // Lateral pterygoid: from the front of the condyle's neck forward and inward toward the pterygoid plate.
    static const std::vector<ModelledMuscleSpec> specs = {
        {"masseter",
         "masseter",
         anatomy::Layer::SuperficialMuscle,
         {at("zygomatic_arch", {-7, -6, -8}), at("zygomatic_arch", {-4, -10, -5}, "mandible_angle", 0.5f),
          at("mandible_angle", {2, 10, 6})},
         {17.0f, 21.0f, 16.0f},
         0.3f},
        {"lateral_pterygoid",
         "lateral pterygoid",
         anatomy::Layer::DeepMuscle,
         {at("mandibular_condyle", {-4, -6, 6}), at("mandibular_condyle", {-14, -4, 20}),
          at("mandibular_condyle", {-24, -2, 32})},
         {6.0f, 9.0f, 8.0f},
         0.7f},
    };
    return specs;
}

size_t addModelledMuscles(anatomy::Body& body, const anatomy::Atlas& atlas, anatomy::AtlasResolver* given) {
    std::vector<anatomy::Structure> structures;
    std::vector<geometry::Mesh> meshes;
    {
        std::optional<anatomy::AtlasResolver> made;
        if (!given)
            made.emplace(atlas, body);
        anatomy::AtlasResolver& resolver = given ? *given : *made;
        for (const auto& spec : modelledMuscleSpecs()) {
            const anatomy::Muscle* m = atlas.muscle(spec.muscle);
            if (!m || m->meshPresent)
                continue;
            for (anatomy::Side side : {anatomy::Side::Right, anatomy::Side::Left}) {
                std::vector<glm::vec3> path;
                for (const auto& p : spec.path)
                    if (auto q = resolver.point(p, side))
                        path.push_back(*q);
                if (path.size() != spec.path.size()) {
                    core::logWarn("modelled " + spec.label + ": attachments do not resolve on this body; not drawn");
                    continue;
                }
                geometry::TubeOptions options;
                options.sides = 16;
                for (float r : spec.radiiMm)
                    options.radii.push_back(r * 0.001f);
                geometry::TubeMesh tube = geometry::buildTube(path, options);
                if (tube.mesh.positions.empty())
                    continue;
                // Squeeze across the face: the offset of each vertex from its nearest path point, along x.
                for (auto& v : tube.mesh.positions) {
                    glm::vec3 nearest = path.front();
                    for (const auto& q : path)
                        if (glm::distance(q, v) < glm::distance(nearest, v))
                            nearest = q;
                    v.x = nearest.x + (v.x - nearest.x) * spec.flatten;
                }
                tube.mesh.computeNormals();
                const bool right = side == anatomy::Side::Right;
                anatomy::Structure s;
                s.fj = "MODEL_" + spec.muscle + (right ? "_R" : "_L");
                s.name = std::string(right ? "right " : "left ") + spec.label + " (modelled from its attachments)";
                s.file = "(modelled)";
                s.set = "modelled";
                s.category = anatomy::Category::Muscle;
                s.side = side;
                s.layer = spec.layer;
                s.region = anatomy::Region::Head;
                s.bounds = tube.mesh.bounds();
                structures.push_back(std::move(s));
                meshes.push_back(std::move(tube.mesh));
            }
        }
    }
    for (size_t i = 0; i < structures.size(); ++i) {
        body.structures.push_back(std::move(structures[i]));
        body.meshes.push_back(std::move(meshes[i]));
    }
    if (!structures.empty())
        core::logInfo("modelled " + std::to_string(structures.size()) + " muscles missing from the body data");
    return structures.size();
}

} // namespace myoatlas::io
