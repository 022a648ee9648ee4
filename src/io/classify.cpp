#include "io/classify.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/log.h"
#include "core/parallel.h"
#include "core/text_checks.h"
#include "geometry/bvh.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <glm/geometric.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

namespace myoatlas::io {
using anatomy::Category;
using anatomy::Layer;
using anatomy::Region;

AncestorTable readAncestors(const std::filesystem::path& path) {
    AncestorTable table;
    std::ifstream in(path);
    if (!in)
        throw core::DataError(path.string(), "cannot open the FMA ancestor table");
    std::string line;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string fj, cls;
        if (!std::getline(ss, fj, '\t'))
            continue;
        auto& set = table[fj];
        while (std::getline(ss, cls, '\t'))
            if (!cls.empty() && cls.back() == '\r')
                set.insert(cls.substr(0, cls.size() - 1));
            else
                set.insert(cls);
    }
    return table;
}

namespace {

// The name of the same structure on the other side: "left" and "right" swapped as words ("lateral head of right
// flexor hallucis brevis" -> "lateral head of left flexor hallucis brevis").
std::string mirroredName(const std::string& name) {
    std::string out;
    std::istringstream words(name);
    for (std::string w; words >> w;) {
        if (!out.empty())
            out += ' ';
        out += w == "left" ? "right" : w == "right" ? "left" : w;
    }
    return out;
}

std::optional<Region> regionFromAncestors(const std::set<std::string>& a) {
    if (a.count("muscle of upper limb") || a.count("muscle of free upper limb"))
        return Region::UpperLimb;
    if (a.count("muscle of lower limb") || a.count("muscle of free lower limb") || a.count("muscle of pelvic girdle"))
        return Region::LowerLimb;
    if (a.count("muscle of head"))
        return Region::Head;
    if (a.count("muscle of neck") || a.count("superficial muscle of neck"))
        return Region::Neck;
    if (a.count("muscle of trunk") || a.count("muscle of thorax"))
        return Region::Trunk;
    return std::nullopt;
}

Region regionFromGeometry(const geometry::Aabb& box, const geometry::Aabb& body) {
    float height = body.max.y - body.min.y;
    glm::vec3 c = box.center();
    float rel = (c.y - body.min.y) / height;
    float ax = std::abs(c.x - body.center().x);
    if (rel > 0.875f)
        return Region::Head;
    if (rel > 0.815f && ax < 0.09f)
        return Region::Neck;
    if (ax > 0.16f && rel > 0.42f)
        return Region::UpperLimb;
    if (rel < 0.50f)
        return Region::LowerLimb;
    return Region::Trunk;
}

bool isPart(const std::set<std::string>& a) {
    return a.count("organ zone") || a.count("head of muscle organ") || a.count("zone of muscle organ");
}

} // namespace

void assignRegions(anatomy::Body& body, const AncestorTable& ancestors) {
    geometry::Aabb all;
    if (auto skin = body.skin())
        all = body.structures[*skin].bounds;
    else
        all = body.bounds();
    for (auto& s : body.structures) {
        std::optional<Region> r;
        if (auto it = ancestors.find(s.fj); it != ancestors.end())
            r = regionFromAncestors(it->second);
        s.region = r.value_or(regionFromGeometry(s.bounds, all));
    }
}

void groupParts(anatomy::Body& body, const AncestorTable& ancestors) {
    body.groups.clear();
    std::map<std::string, std::vector<uint32_t>> byWhole;
    for (uint32_t i = 0; i < body.structures.size(); ++i) {
        auto& s = body.structures[i];
        s.group = -1;
        auto it = ancestors.find(s.fj);
        if (it == ancestors.end() || !isPart(it->second))
            continue;
        auto pos = s.name.rfind(" of ");
        if (pos == std::string::npos)
            continue;
        byWhole[s.name.substr(pos + 4)].push_back(i);
    }
    for (auto& [whole, members] : byWhole) {
        if (members.size() < 2)
            continue;
        auto g = static_cast<int>(body.groups.size());
        for (uint32_t m : members)
            body.structures[m].group = g;
        body.groups.push_back({"", whole, members});
    }
}

std::vector<LayerOverride> readLayerOverrides(const std::filesystem::path& path) {
    const std::string text = core::readFile(path);
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        std::string where = core::jsonErrorLocation(text, e.what());
        throw core::DataError(path.string(), (where.empty() ? "" : where + ": ") + "not valid JSON: " + e.what());
    }
    if (!doc.contains("overrides") || !doc["overrides"].is_array())
        throw core::DataError(path.string(), "field 'overrides' must be an array");
    std::vector<LayerOverride> out;
    size_t i = 0;
    for (const auto& rec : doc["overrides"]) {
        std::string where = "overrides[" + std::to_string(i++) + "]";
        if (!rec.is_object() || !rec.contains("match") || !rec["match"].is_string())
            throw core::DataError(path.string(), where + " field 'match': missing or not a string");
        if (!rec.contains("layer") || !rec["layer"].is_string())
            throw core::DataError(path.string(), where + " field 'layer': missing or not a string");
        auto layer = anatomy::parseLayer(rec["layer"].get<std::string>());
        if (!layer)
            throw core::DataError(path.string(),
                                  where + " field 'layer': unknown layer '" + rec["layer"].get<std::string>() + "'");
        out.push_back({rec["match"].get<std::string>(), *layer, rec.value("reason", "")});
    }
    return out;
}

void assignLayers(anatomy::Body& body, const std::vector<LayerOverride>& overrides, const LayerRules& rules,
                  unsigned threads) {
    if (threads == 0)
        threads = core::defaultThreads();
    for (auto& s : body.structures) {
        switch (s.category) {
        case Category::Skin:
            s.layer = Layer::Skin;
            break;
        case Category::Bone:
            s.layer = Layer::Bone;
            break;
        case Category::Cartilage:
        case Category::Connective:
            s.layer = Layer::Connective;
            break;
        case Category::Fascia:
            s.layer = Layer::Fascia;
            break;
        case Category::Muscle:
            s.layer = Layer::DeepMuscle;
            break;
        }
    }
    auto skinIndex = body.skin();
    if (!skinIndex) {
        core::logWarn("no skin surface loaded: every muscle is classed deep unless overridden");
    } else {
        // Occluders: skin, muscles and bones (a ray into a bone means we were looking inward).
        // Each as its finest level of detail where that strays under a millimetre from it (a third fewer
        // triangles to build the tree over: a third of a second of a first start), else as it is.
        std::vector<const geometry::Mesh*> meshes;
        std::vector<const std::vector<uint32_t>*> lists;
        std::vector<uint32_t> owner;
        for (uint32_t i = 0; i < body.size(); ++i) {
            Category c = body.structures[i].category;
            if (i == *skinIndex || c == Category::Muscle || c == Category::Bone) {
                const auto& mesh = body.meshes[i];
                meshes.push_back(&mesh);
                const bool fine = !mesh.lods.empty() && mesh.lods.front().error <= rules.occluderLodError;
                lists.push_back(fine ? &mesh.lods.front().indices : &mesh.indices);
                owner.push_back(i);
            }
        }
        geometry::Bvh bvh;
        bvh.build(meshes, lists, threads);
        auto sameMuscle = [&](uint32_t a, uint32_t b) {
            int ga = body.structures[a].group, gb = body.structures[b].group;
            return a == b || (ga >= 0 && ga == gb);
        };
        // Each muscle's rays are independent of the others': they run on workers, results land by index.
        std::vector<uint32_t> muscles;
        for (uint32_t i = 0; i < body.size(); ++i)
            if (body.structures[i].category == Category::Muscle)
                muscles.push_back(i);
        std::vector<float> exposedFraction(muscles.size(), 0.0f);
        core::forEachIndex(0, muscles.size(), threads, [&](size_t k) {
            const uint32_t i = muscles[k];
            const auto& mesh = body.meshes[i];
            size_t n = mesh.vertexCount();
            size_t step = std::max<size_t>(1, n / static_cast<size_t>(rules.samplesPerMuscle));
            int counted = 0, exposed = 0;
            for (size_t v = 0; v < n; v += step) {
                glm::vec3 dir = mesh.normals[v];
                geometry::Ray ray{mesh.positions[v] + dir * 5e-4f, dir};
                auto hit = bvh.intersect(ray, 0.25f);
                if (hit.hit && sameMuscle(owner[hit.mesh], i))
                    continue; // folded surface of the muscle itself: no information
                ++counted;
                if (hit.hit && owner[hit.mesh] == *skinIndex && hit.t <= rules.maxSkinGap)
                    ++exposed;
            }
            exposedFraction[k] = counted > 0 ? static_cast<float>(exposed) / static_cast<float>(counted) : 0.0f;
        });
        for (size_t k = 0; k < muscles.size(); ++k) {
            auto& s = body.structures[muscles[k]];
            s.exposedFraction = exposedFraction[k];
            s.layer = s.exposedFraction >= rules.exposedThreshold ? Layer::SuperficialMuscle : Layer::DeepMuscle;
        }
        // Left and right are one muscle mirrored, whose two meshes differ by how they were segmented: a pair is
        // superficial only when both sides reach the skin. Without it the left gluteus medius was superficial and
        // the right one deep (0.24 and 0.19 of their rays); deep, it is uncovered when studied, past the gluteus
        // maximus over most of it.
        std::unordered_map<std::string, uint32_t> byName;
        for (uint32_t m : muscles)
            byName.emplace(body.structures[m].name, m);
        std::vector<uint32_t> unmatched; // superficial muscles whose other side is deep
        for (uint32_t m : muscles) {
            const auto& s = body.structures[m];
            if (s.layer != Layer::SuperficialMuscle || s.side == anatomy::Side::Midline)
                continue;
            if (auto it = byName.find(mirroredName(s.name));
                it != byName.end() && body.structures[it->second].layer == Layer::DeepMuscle)
                unmatched.push_back(m);
        }
        for (uint32_t m : unmatched)
            body.structures[m].layer = Layer::DeepMuscle;
        // A whole muscle is superficial when any of its parts is (the deltoid's parts all reach the skin, but
        // a trapezius part under the acromion should not make the trapezius deep).
        for (const auto& g : body.groups) {
            bool superficial = std::any_of(g.members.begin(), g.members.end(), [&](uint32_t m) {
                return body.structures[m].layer == Layer::SuperficialMuscle;
            });
            if (superficial)
                for (uint32_t m : g.members)
                    if (body.structures[m].category == Category::Muscle)
                        body.structures[m].layer = Layer::SuperficialMuscle;
        }
    }
    for (const auto& o : overrides) {
        bool matched = false;
        for (uint32_t i = 0; i < body.size(); ++i) {
            auto& s = body.structures[i];
            bool inGroup = s.group >= 0 && body.groups[static_cast<size_t>(s.group)].name == o.match;
            if (s.fma == o.match || s.name == o.match || s.fj == o.match || inGroup) {
                s.layer = o.layer;
                matched = true;
            }
        }
        if (!matched)
            core::logWarn("layer override '" + o.match + "' matches no loaded structure");
    }
}

} // namespace myoatlas::io
