#include "anatomy/atlas_reader.h"

#include <regex>

namespace myoatlas::anatomy::detail {

RecordReader::RecordReader(std::vector<AtlasIssue>& issues, std::string file, std::string record, std::string path,
                           const json& object, std::initializer_list<std::string_view> allowed)
    : issues_(&issues), file_(std::move(file)), record_(std::move(record)), path_(std::move(path)), object_(object) {
    if (!object_.is_object()) {
        valid_ = false;
        issues_->push_back({IssueSeverity::Error, file_, record_, path_, "wrong type: expected an object"});
        return;
    }
    for (const auto& [key, value] : object_.items()) {
        bool known = false;
        for (auto a : allowed)
            known = known || a == key;
        if (!known)
            error(key, "unknown field");
    }
}

bool RecordReader::has(const char* key) const {
    return valid_ && object_.contains(key);
}

std::string RecordReader::fieldPath(std::string_view key) const {
    if (path_.empty())
        return std::string(key);
    if (key.empty())
        return path_;
    return path_ + "." + std::string(key);
}

void RecordReader::error(std::string_view key, std::string message) const {
    issues_->push_back({IssueSeverity::Error, file_, record_, fieldPath(key), std::move(message)});
}

const json* RecordReader::member(const char* key, bool required, json::value_t type, const char* typeName) {
    if (!valid_)
        return nullptr;
    auto it = object_.find(key);
    if (it == object_.end()) {
        if (required)
            error(key, "missing field");
        return nullptr;
    }
    bool ok = it->type() == type || (type == json::value_t::number_float && it->is_number());
    if (!ok) {
        error(key, std::string("wrong type: expected ") + typeName);
        return nullptr;
    }
    return &*it;
}

std::string RecordReader::str(const char* key, bool required) {
    const json* v = member(key, required, json::value_t::string, "a string");
    if (!v)
        return {};
    auto s = v->get<std::string>();
    if (required && s.empty())
        error(key, "empty string");
    return s;
}

std::optional<float> RecordReader::num(const char* key, bool required) {
    const json* v = member(key, required, json::value_t::number_float, "a number");
    if (!v)
        return std::nullopt;
    return v->get<float>();
}

bool RecordReader::boolean(const char* key, bool fallback) {
    const json* v = member(key, false, json::value_t::boolean, "true or false");
    return v ? v->get<bool>() : fallback;
}

std::vector<std::string> RecordReader::strings(const char* key, bool required) {
    std::vector<std::string> out;
    const json* v = member(key, required, json::value_t::array, "an array of strings");
    if (!v)
        return out;
    for (size_t i = 0; i < v->size(); ++i) {
        const auto& e = (*v)[i];
        if (!e.is_string()) {
            error(std::string(key) + "[" + std::to_string(i) + "]", "wrong type: expected a string");
            continue;
        }
        out.push_back(e.get<std::string>());
    }
    return out;
}

const json* RecordReader::array(const char* key, bool required) {
    return member(key, required, json::value_t::array, "an array");
}

const json* RecordReader::objectField(const char* key, bool required) {
    return member(key, required, json::value_t::object, "an object");
}

RecordReader RecordReader::child(const char* key, const json& value, std::initializer_list<std::string_view> allowed) {
    return RecordReader(*issues_, file_, record_, fieldPath(key), value, allowed);
}

PointSpec readPoint(RecordReader& parent, const char* key, const json& value) {
    PointSpec p;
    if (value.is_string()) {
        p.at = value.get<std::string>();
        if (p.at.empty())
            parent.error(key, "empty landmark reference");
        return p;
    }
    if (!value.is_object()) {
        parent.error(key, "wrong type: expected a landmark id or a point object");
        return p;
    }
    auto r = parent.child(key, value, {"at", "to", "t", "offset_mm", "side"});
    p.at = r.str("at");
    p.to = r.str("to", false);
    if (!p.to.empty()) {
        p.t = r.num("t").value_or(0.0f);
        if (p.t < -0.5f || p.t > 1.5f)
            r.error("t", "fraction out of range [-0.5, 1.5]");
    } else if (r.has("t")) {
        r.error("t", "t given without to");
    }
    if (const json* off = r.array("offset_mm", false)) {
        if (off->size() != 3 || !(*off)[0].is_number() || !(*off)[1].is_number() || !(*off)[2].is_number())
            r.error("offset_mm", "wrong type: expected [lateral, superior, anterior] numbers in mm");
        else
            p.offsetMm = {(*off)[0].get<float>(), (*off)[1].get<float>(), (*off)[2].get<float>()};
    }
    auto side = r.str("side", false);
    if (side == "opposite")
        p.opposite = true;
    else if (!side.empty() && side != "same")
        r.error("side", "expected \"same\" or \"opposite\"");
    return p;
}

namespace {

// `evidence` (charted | contested | estimated) or `reported` {fraction, source, text}, which makes it measured.
void readZoneEvidence(RecordReader& r, ZoneSpec& z) {
    auto evidence = r.str("evidence", false);
    if (evidence == "contested")
        z.evidence = ZoneEvidence::Contested;
    else if (evidence == "estimated")
        z.evidence = ZoneEvidence::Estimated;
    else if (!evidence.empty() && evidence != "charted")
        r.error("evidence", "expected \"charted\", \"contested\" or \"estimated\" (a measured zone gives reported)");
    const json* rep = r.objectField("reported", false);
    if (!rep)
        return;
    if (!evidence.empty())
        r.error("evidence", "a zone with reported frequencies is measured: leave evidence out");
    auto rr = r.child("reported", *rep, {"fraction", "source", "text"});
    z.evidence = ZoneEvidence::Measured;
    z.reportedFraction = rr.num("fraction").value_or(-1.0f);
    if (z.reportedFraction <= 0.0f || z.reportedFraction > 1.0f)
        rr.error("fraction", "out of range (0, 1]");
    z.reportedSource = rr.str("source");
    z.reportedText = rr.str("text", false);
}

} // namespace

std::vector<ZoneSpec> readZones(RecordReader& parent, const char* key, bool required) {
    std::vector<ZoneSpec> zones;
    const json* arr = parent.array(key, required);
    if (!arr)
        return zones;
    for (size_t i = 0; i < arr->size(); ++i) {
        std::string path = std::string(key) + "[" + std::to_string(i) + "]";
        auto r = parent.child(
            path.c_str(), (*arr)[i],
            {"label", "patch", "radius_mm", "stroke", "width_mm", "toward", "bilateral", "evidence", "reported"});
        if (!r.valid())
            continue;
        ZoneSpec z;
        z.label = r.str("label");
        bool isPatch = r.has("patch"), isStroke = r.has("stroke");
        if (isPatch == isStroke) {
            r.error("", "a zone needs exactly one of patch or stroke");
            continue;
        }
        if (isPatch) {
            z.points.push_back(readPoint(r, "patch", r.object().at("patch")));
            z.sizeMm = r.num("radius_mm").value_or(30.0f);
            if (r.has("width_mm"))
                r.error("width_mm", "a patch takes radius_mm");
        } else {
            z.stroke = true;
            if (const json* pts = r.array("stroke")) {
                if (pts->size() < 2)
                    r.error("stroke", "a stroke needs at least two points");
                for (size_t k = 0; k < pts->size(); ++k) {
                    std::string pk = "stroke[" + std::to_string(k) + "]";
                    z.points.push_back(readPoint(r, pk.c_str(), (*pts)[k]));
                }
            }
            z.sizeMm = r.num("width_mm").value_or(30.0f);
            if (r.has("radius_mm"))
                r.error("radius_mm", "a stroke takes width_mm");
        }
        if (z.sizeMm <= 0.0f || z.sizeMm > 300.0f)
            r.error(isPatch ? "radius_mm" : "width_mm", "size out of range (0, 300] mm");
        auto toward = r.str("toward", false);
        if (!toward.empty()) {
            if (auto t = parseToward(toward))
                z.toward = *t;
            else
                r.error("toward", "unknown direction \"" + toward + "\"");
        }
        z.bilateral = r.boolean("bilateral");
        readZoneEvidence(r, z);
        zones.push_back(std::move(z));
    }
    return zones;
}

StructureSet readStructureSet(RecordReader& parent, const char* key, const json& value) {
    static const std::regex fmaPattern("FMA[0-9]+");
    StructureSet s;
    auto check = [&](RecordReader& r, const char* k, std::vector<std::string> ids) {
        for (const auto& id : ids)
            if (!std::regex_match(id, fmaPattern))
                r.error(k, "not an FMA id: \"" + id + "\"");
        return ids;
    };
    if (value.is_array()) { // a plain list: midline files (or one file serving both sides)
        for (size_t i = 0; i < value.size(); ++i) {
            if (!value[i].is_string())
                parent.error(std::string(key) + "[" + std::to_string(i) + "]", "wrong type: expected an FMA id");
            else if (!std::regex_match(value[i].get<std::string>(), fmaPattern))
                parent.error(key, "not an FMA id: \"" + value[i].get<std::string>() + "\"");
            else
                s.shared.push_back(value[i].get<std::string>());
        }
        return s;
    }
    auto r = parent.child(key, value, {"right", "left", "shared", "note"});
    if (!r.valid())
        return s;
    s.right = check(r, "right", r.strings("right", false));
    s.left = check(r, "left", r.strings("left", false));
    s.shared = check(r, "shared", r.strings("shared", false));
    return s;
}

} // namespace myoatlas::anatomy::detail
