#include "report/line_report.h"

#include "scene/line_geometry.h"

namespace myoatlas::report {
namespace {

using anatomy::Side;
using scene::LineGeometry;
using scene::LineStation;
using scene::LineTrack;

// Unrounded, as inspect reports the body.
nlohmann::json vec(const glm::vec3& p) {
    return {p.x, p.y, p.z};
}

} // namespace

nlohmann::json linesJson(const scene::AtlasContext& context) {
    nlohmann::json out = nlohmann::json::array();
    if (!context.atlas || !context.resolver)
        return out;
    const auto& body = context.body;
    for (size_t i = 0; i < context.atlas->lines.size(); ++i) {
        const anatomy::FascialLine& line = context.atlas->lines[i];
        for (Side side : {Side::Right, Side::Left}) {
            LineGeometry g = scene::buildLineGeometry(body, *context.resolver, *context.atlas, {i, side});
            nlohmann::json j;
            j["id"] = g.id;
            j["line"] = line.id;
            j["name"] = line.name;
            j["side"] = std::string(anatomy::sideName(side));
            j["paired"] = line.paired;
            j["length_m"] = g.length;
            j["branches"] = g.branches.size();
            j["stations"] = nlohmann::json::array();
            for (const LineStation& s : g.stations)
                j["stations"].push_back(
                    {{"name", s.name}, {"position", vec(s.position)}, {"arc_length_m", s.arcLength}});
            j["tracks"] = nlohmann::json::array();
            for (const LineTrack& t : g.tracks) {
                nlohmann::json names = nlohmann::json::array();
                for (uint32_t s : t.structures)
                    names.push_back(body.structures[s].name);
                j["tracks"].push_back({{"name", t.name},
                                       {"mesh", t.drawn},
                                       {"structures", names},
                                       {"begin_m", t.begin},
                                       {"end_m", t.end},
                                       {"route", t.route == geometry::LineWaypoint::Route::Surface      ? "surface"
                                                 : t.route == geometry::LineWaypoint::Route::Centreline ? "centreline"
                                                                                                        : "none"},
                                       {"max_gap_mm", t.distance * 1000.0f}});
            }
            out.push_back(std::move(j));
        }
    }
    return out;
}

} // namespace myoatlas::report
