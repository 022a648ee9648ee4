#include "scene/lesson.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text_checks.h"
#include "scene/options.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace myoatlas::scene {
namespace {

using nlohmann::json;

// Errors name the file, the step (1-based, as the player shows it) and the field.
class Reader {
public:
    explicit Reader(std::string file) : file_(std::move(file)) {}
    [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
        throw core::DataError(file_, (where.empty() ? "" : where + ": ") + problem);
    }
    const json& field(const json& obj, const char* key, const std::string& where) const {
        if (!obj.contains(key))
            fail(where, std::string("missing field ") + key);
        return obj.at(key);
    }
    std::string string(const json& v, const std::string& where) const {
        if (!v.is_string())
            fail(where, "expected a string, got " + std::string(v.type_name()));
        return v.get<std::string>();
    }
    float number(const json& v, const std::string& where) const {
        if (!v.is_number())
            fail(where, "expected a number, got " + std::string(v.type_name()));
        float f = v.get<float>();
        if (!std::isfinite(f))
            fail(where, "not a finite number");
        return f;
    }
    bool boolean(const json& v, const std::string& where) const {
        if (!v.is_boolean())
            fail(where, "expected true or false, got " + std::string(v.type_name()));
        return v.get<bool>();
    }
    glm::vec3 vec3(const json& v, const std::string& where) const {
        if (!v.is_array() || v.size() != 3)
            fail(where, "expected [x, y, z]");
        return {number(v[0], where + "[0]"), number(v[1], where + "[1]"), number(v[2], where + "[2]")};
    }
    std::vector<std::string> strings(const json& v, const std::string& where) const {
        if (!v.is_array())
            fail(where, "expected a list of strings");
        std::vector<std::string> out;
        for (size_t i = 0; i < v.size(); ++i)
            out.push_back(string(v[i], where + "[" + std::to_string(i) + "]"));
        return out;
    }
    void onlyKnown(const json& obj, std::initializer_list<const char*> keys, const std::string& where) const {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool known = false;
            for (const char* k : keys)
                known = known || it.key() == k;
            if (!known)
                fail(where.empty() ? "field " + it.key() : where + " field " + it.key(), "unknown field");
        }
    }

private:
    std::string file_;
};

std::string sideOf(const Reader& r, const json& v, const std::string& where) {
    auto s = r.string(v, where);
    if (s != "left" && s != "right")
        r.fail(where, "side must be left or right (got '" + s + "')");
    return s;
}

LessonStep parseStep(const Reader& r, const json& j, const std::string& at) {
    if (!j.is_object())
        r.fail(at, "expected an object");
    r.onlyKnown(j,
                {"caption", "transition_s", "view", "camera", "frame_selection", "layers", "peel", "selection",
                 "hidden", "isolated", "trigger_points", "heat_time", "pain_points", "lines", "technique"},
                at);
    auto where = [&](const std::string& f) { return at + " field " + f; };
    LessonStep s;
    if (j.contains("caption"))
        s.caption = r.string(j["caption"], where("caption"));
    if (j.contains("transition_s")) {
        s.transitionSeconds = r.number(j["transition_s"], where("transition_s"));
        if (s.transitionSeconds < 0.0f || s.transitionSeconds > 30.0f)
            r.fail(where("transition_s"), "must be between 0 and 30 seconds");
    }
    if (j.contains("camera")) {
        const auto& c = j["camera"];
        if (!c.is_object())
            r.fail(where("camera"), "expected an object");
        r.onlyKnown(c, {"target", "distance", "yaw", "pitch", "fov_y"}, where("camera"));
        auto& p = s.view.camera;
        p.target = r.vec3(r.field(c, "target", where("camera")), where("camera.target"));
        p.distance = r.number(r.field(c, "distance", where("camera")), where("camera.distance"));
        if (p.distance <= 0.0f)
            r.fail(where("camera.distance"), "must be positive");
        p.yaw = r.number(r.field(c, "yaw", where("camera")), where("camera.yaw"));
        p.pitch = r.number(r.field(c, "pitch", where("camera")), where("camera.pitch"));
        if (c.contains("fov_y")) {
            p.fovY = r.number(c["fov_y"], where("camera.fov_y"));
            // 0 rendered a blank picture; beyond ~170 degrees the projection degenerates.
            if (p.fovY < kMinFovY || p.fovY > kMaxFovY)
                r.fail(where("camera.fov_y"),
                       "must be between " + std::to_string(kMinFovY) + " and " + std::to_string(kMaxFovY) + " radians");
        }
        s.explicitCamera = true;
    } else if (j.contains("view")) {
        auto name = r.string(j["view"], where("view"));
        auto v = parseViewName(name);
        if (!v)
            r.fail(where("view"), "unknown view '" + name + "' (anterior, posterior, left, right, superior, inferior)");
        s.namedView = *v;
        s.explicitCamera = false;
    } else {
        r.fail(at, "needs a camera or a view");
    }
    if (j.contains("frame_selection"))
        s.frameSelection = r.boolean(j["frame_selection"], where("frame_selection"));
    if (j.contains("layers")) {
        const auto& l = j["layers"];
        if (!l.is_object())
            r.fail(where("layers"), "expected an object of layer name -> {visible, opacity}");
        for (auto it = l.begin(); it != l.end(); ++it) {
            auto layer = anatomy::parseLayer(it.key());
            std::string lw = where("layers." + it.key());
            if (!layer)
                r.fail(lw, "unknown layer (skin, fascia, superficial_muscle, deep_muscle, bone, connective)");
            auto& setting = s.view.layers[anatomy::index(*layer)];
            const auto& v = it.value();
            if (v.is_boolean()) {
                setting.visible = v.get<bool>();
                continue;
            }
            if (!v.is_object())
                r.fail(lw, "expected true/false or {visible, opacity}");
            r.onlyKnown(v, {"visible", "opacity"}, lw);
            if (v.contains("visible"))
                setting.visible = r.boolean(v["visible"], lw + ".visible");
            if (v.contains("opacity")) {
                setting.opacity = r.number(v["opacity"], lw + ".opacity");
                if (setting.opacity < 0.0f || setting.opacity > 1.0f)
                    r.fail(lw + ".opacity", "must be between 0 and 1");
            }
        }
    }
    if (j.contains("peel")) {
        float peel = r.number(j["peel"], where("peel"));
        if (peel < 0 || peel >= static_cast<float>(anatomy::kLayerCount) || peel != std::floor(peel))
            r.fail(where("peel"), "must be a whole number from 0 to " + std::to_string(anatomy::kLayerCount - 1));
        s.view.peel = static_cast<int>(peel);
    }
    if (j.contains("selection"))
        s.selection = r.strings(j["selection"], where("selection"));
    if (j.contains("hidden"))
        s.hidden = r.strings(j["hidden"], where("hidden"));
    if (j.contains("isolated"))
        s.isolated = r.strings(j["isolated"], where("isolated"));
    if (j.contains("trigger_points")) {
        const auto& t = j["trigger_points"];
        if (!t.is_array())
            r.fail(where("trigger_points"), "expected a list");
        for (size_t i = 0; i < t.size(); ++i) {
            std::string tw = where("trigger_points[" + std::to_string(i) + "]");
            TriggerPointRef ref;
            if (t[i].is_string()) {
                ref.id = t[i].get<std::string>();
            } else if (t[i].is_object()) {
                r.onlyKnown(t[i], {"id", "side"}, tw);
                ref.id = r.string(r.field(t[i], "id", tw), tw + ".id");
                if (t[i].contains("side"))
                    ref.side = sideOf(r, t[i]["side"], tw + ".side");
            } else {
                r.fail(tw, "expected an id or {id, side}");
            }
            s.view.triggerPoints.push_back(ref);
        }
    }
    if (j.contains("heat_time"))
        s.view.heatTime = std::max(-1.0f, r.number(j["heat_time"], where("heat_time")));
    if (j.contains("pain_points")) {
        const auto& p = j["pain_points"];
        if (!p.is_array())
            r.fail(where("pain_points"), "expected a list of [x, y, z]");
        for (size_t i = 0; i < p.size(); ++i)
            s.view.painPoints.push_back(r.vec3(p[i], where("pain_points[" + std::to_string(i) + "]")));
    }
    if (j.contains("lines"))
        s.view.lines = r.strings(j["lines"], where("lines"));
    if (j.contains("technique")) {
        const auto& t = j["technique"];
        std::string tw = where("technique");
        if (!t.is_object())
            r.fail(tw, "expected {id, target, side, step, variant}");
        r.onlyKnown(t, {"id", "target", "side", "step", "variant"}, tw);
        s.view.technique.id = r.string(r.field(t, "id", tw), tw + ".id");
        if (t.contains("target"))
            s.view.technique.target = r.string(t["target"], tw + ".target");
        if (t.contains("side"))
            s.view.technique.side = sideOf(r, t["side"], tw + ".side");
        if (t.contains("variant"))
            s.view.technique.variant = r.string(t["variant"], tw + ".variant");
        if (t.contains("step")) {
            float st = r.number(t["step"], tw + ".step");
            if (st < 0 || st != std::floor(st))
                r.fail(tw + ".step", "must be a whole number >= 0");
            s.view.technique.step = static_cast<int>(st);
        }
    }
    s.view.caption = s.caption;
    return s;
}

json vec3Json(const glm::vec3& v) {
    return json::array({v.x, v.y, v.z});
}

} // namespace

Lesson parseLesson(const std::string& text, const std::string& file) {
    Reader r(file);
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        std::string where = core::jsonErrorLocation(text, e.what());
        r.fail(where, std::string("not valid JSON (") + e.what() + ")");
    }
    if (!j.is_object())
        r.fail("", "expected a JSON object with title and steps");
    r.onlyKnown(j, {"format", "version", "title", "description", "steps"}, "");
    if (j.contains("format") && r.string(j["format"], "field format") != "myoatlas-lesson")
        r.fail("field format", "must be \"myoatlas-lesson\"");
    if (j.contains("version")) {
        float v = r.number(j["version"], "field version");
        if (v != static_cast<float>(kLessonFormatVersion))
            r.fail("field version", "unsupported version " + j["version"].dump() + " (this program reads " +
                                        std::to_string(kLessonFormatVersion) + ")");
    }
    Lesson lesson;
    lesson.title = r.string(r.field(j, "title", ""), "field title");
    if (j.contains("description"))
        lesson.description = r.string(j["description"], "field description");
    const auto& steps = r.field(j, "steps", "");
    if (!steps.is_array())
        r.fail("field steps", "expected a list of steps");
    for (size_t i = 0; i < steps.size(); ++i)
        lesson.steps.push_back(parseStep(r, steps[i], "step " + std::to_string(i + 1)));
    return lesson;
}

std::string lessonToJson(const Lesson& lesson) {
    json j;
    j["format"] = "myoatlas-lesson";
    j["version"] = kLessonFormatVersion;
    j["title"] = lesson.title;
    if (!lesson.description.empty())
        j["description"] = lesson.description;
    j["steps"] = json::array();
    const ViewState defaults;
    for (const auto& s : lesson.steps) {
        json o;
        o["caption"] = s.caption;
        o["transition_s"] = s.transitionSeconds;
        if (s.explicitCamera) {
            const auto& p = s.view.camera;
            o["camera"] = {{"target", vec3Json(p.target)},
                           {"distance", p.distance},
                           {"yaw", p.yaw},
                           {"pitch", p.pitch},
                           {"fov_y", p.fovY}};
        } else {
            o["view"] = std::string(viewName(s.namedView));
        }
        if (s.frameSelection)
            o["frame_selection"] = true;
        json layers = json::object();
        for (auto l : anatomy::kAllLayers) {
            const auto& ls = s.view.layers[anatomy::index(l)];
            layers[std::string(anatomy::layerName(l))] = {{"visible", ls.visible}, {"opacity", ls.opacity}};
        }
        o["layers"] = layers;
        if (s.view.peel != 0)
            o["peel"] = s.view.peel;
        o["selection"] = s.selection;
        if (!s.hidden.empty())
            o["hidden"] = s.hidden;
        if (!s.isolated.empty())
            o["isolated"] = s.isolated;
        json trps = json::array();
        for (const auto& t : s.view.triggerPoints)
            trps.push_back({{"id", t.id}, {"side", t.side}});
        o["trigger_points"] = trps;
        o["heat_time"] = s.view.heatTime;
        if (!s.view.painPoints.empty()) {
            json pts = json::array();
            for (const auto& p : s.view.painPoints)
                pts.push_back(vec3Json(p));
            o["pain_points"] = pts;
        }
        o["lines"] = s.view.lines;
        if (!s.view.technique.id.empty()) {
            o["technique"] = {{"id", s.view.technique.id},
                              {"target", s.view.technique.target},
                              {"side", s.view.technique.side},
                              {"step", s.view.technique.step}};
            if (!s.view.technique.variant.empty())
                o["technique"]["variant"] = s.view.technique.variant;
        }
        j["steps"].push_back(o);
    }
    return j.dump(2) + "\n";
}

Lesson loadLesson(const std::filesystem::path& path) {
    return parseLesson(core::readFile(path), path.string());
}

void saveLesson(const std::filesystem::path& path, const Lesson& lesson) {
    core::writeFileAtomically(path, lessonToJson(lesson));
}

LessonStep stepFromView(const ViewState& view, const anatomy::Body& body) {
    LessonStep s;
    s.view = view;
    auto names = [&](const std::vector<uint32_t>& idx) {
        std::vector<std::string> out;
        for (uint32_t i : idx)
            if (i < body.size())
                out.push_back(body.structures[i].fj);
        return out;
    };
    s.selection = names(view.selection);
    s.hidden = names(view.hidden);
    s.isolated = names(view.isolated);
    s.view.selection.clear();
    s.view.hidden.clear();
    s.view.isolated.clear();
    s.caption = view.caption;
    s.explicitCamera = true;
    return s;
}

ResolvedLessonStep resolveStep(const LessonStep& step, const anatomy::Body& body, float aspect) {
    ResolvedLessonStep out;
    out.view = step.view;
    out.view.caption = step.caption;
    auto resolve = [&](const std::vector<std::string>& names, std::vector<uint32_t>& into) {
        into.clear();
        for (const auto& n : names) {
            std::vector<uint32_t> found;
            if (auto s = body.findByFj(n))
                found.push_back(*s);
            else
                found = findStructures(body, n);
            if (found.empty())
                out.missing.push_back(n);
            for (uint32_t s : found)
                if (std::find(into.begin(), into.end(), s) == into.end())
                    into.push_back(s);
        }
    };
    resolve(step.selection, out.view.selection);
    resolve(step.hidden, out.view.hidden);
    resolve(step.isolated, out.view.isolated);
    // A pain point far off the body has no skin to project onto (the heat solver failed with a message naming
    // neither file nor step): it is reported as missing, like an unknown structure, and dropped.
    if (body.size() > 0 && !out.view.painPoints.empty()) {
        geometry::Aabb near = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
        constexpr float kMargin = 0.25f; // metres: a point a hand's breadth off the skin still projects well
        near.min -= glm::vec3(kMargin);
        near.max += glm::vec3(kMargin);
        std::vector<glm::vec3> kept;
        for (const auto& p : out.view.painPoints) {
            bool inside = p.x >= near.min.x && p.y >= near.min.y && p.z >= near.min.z && p.x <= near.max.x &&
                          p.y <= near.max.y && p.z <= near.max.z;
            if (inside)
                kept.push_back(p);
            else
                out.missing.push_back("pain point (" + std::to_string(p.x) + ", " + std::to_string(p.y) + ", " +
                                      std::to_string(p.z) + ")");
        }
        out.view.painPoints = std::move(kept);
    }
    if (!step.explicitCamera && body.size() > 0) {
        Camera cam;
        cam.pose = step.view.camera;
        auto box = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
        cam.setView(step.namedView, box, aspect);
        if (step.frameSelection && !out.view.selection.empty())
            cam.frame(boundsOf(body, out.view.selection), aspect);
        out.view.camera = cam.pose;
    }
    return out;
}

} // namespace myoatlas::scene
