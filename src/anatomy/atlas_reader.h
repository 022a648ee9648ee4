#pragma once
// Internal to the atlas loader: typed, issue-reporting access to one JSON record. Every accessor records a problem
// (file, record id, field) instead of throwing, so one pass reports everything wrong with a file.
#include "anatomy/atlas.h"

#include <initializer_list>
#include <nlohmann/json.hpp>

namespace myoatlas::anatomy::detail {

using nlohmann::json;

class RecordReader {
public:
    // `allowed` lists every field the record may have; others are reported as unknown.
    RecordReader(std::vector<AtlasIssue>& issues, std::string file, std::string record, std::string path,
                 const json& object, std::initializer_list<std::string_view> allowed);

    [[nodiscard]] bool valid() const { return valid_; }
    [[nodiscard]] const json& object() const { return object_; }
    [[nodiscard]] bool has(const char* key) const;

    std::string str(const char* key, bool required = true);
    std::optional<float> num(const char* key, bool required = true);
    bool boolean(const char* key, bool fallback = false);
    std::vector<std::string> strings(const char* key, bool required = true);
    // Returns the member when present and of the right JSON type; nullptr (with an issue if required) otherwise.
    const json* array(const char* key, bool required = true);
    const json* objectField(const char* key, bool required = true);
    // A child reader for a nested object (same file and record, extended path).
    RecordReader child(const char* key, const json& value, std::initializer_list<std::string_view> allowed);

    void error(std::string_view key, std::string message) const;
    [[nodiscard]] std::string fieldPath(std::string_view key) const;
    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] const std::string& record() const { return record_; }
    [[nodiscard]] std::vector<AtlasIssue>& issues() const { return *issues_; }

private:
    const json* member(const char* key, bool required, json::value_t type, const char* typeName);

    std::vector<AtlasIssue>* issues_;
    std::string file_, record_, path_;
    const json& object_;
    bool valid_ = true;
};

// Point and zone specs are shared by trigger points, lines, landmarks and safety: parse them in one place.
PointSpec readPoint(RecordReader& parent, const char* key, const json& value);
std::vector<ZoneSpec> readZones(RecordReader& parent, const char* key, bool required = true);
StructureSet readStructureSet(RecordReader& parent, const char* key, const json& value);

} // namespace myoatlas::anatomy::detail
