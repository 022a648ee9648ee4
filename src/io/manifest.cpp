#include "io/manifest.h"

#include "core/atomic_file.h"
#include "core/error.h"

#include <charconv>
#include <unordered_map>

namespace myoatlas::io {

std::vector<std::string> splitCsvLine(std::string_view line) {
    std::vector<std::string> fields;
    std::string cur;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(cur));
            cur.clear();
        } else if (c != '\r') {
            cur += c;
        }
    }
    fields.push_back(std::move(cur));
    return fields;
}

std::vector<ManifestRow> parseManifest(std::string_view text, const std::string& origin) {
    std::vector<ManifestRow> rows;
    std::unordered_map<std::string, size_t> column;
    size_t lineNo = 0, start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNo;
        if (line.empty() || line == "\r")
            continue;
        auto fields = splitCsvLine(line);
        if (column.empty()) {
            for (size_t i = 0; i < fields.size(); ++i)
                column[fields[i]] = i;
            for (const char* required : {"set", "category", "file", "fj", "fma", "name", "side"})
                if (!column.count(required))
                    throw core::DataError(origin, std::string("header has no '") + required + "' column");
            continue;
        }
        auto field = [&](const char* name) -> const std::string& {
            size_t i = column.at(name);
            if (i >= fields.size())
                throw core::DataError(origin, "line " + std::to_string(lineNo) + ": missing field '" + name + "'");
            return fields[i];
        };
        ManifestRow row;
        row.set = field("set");
        auto category = anatomy::parseCategory(field("category"));
        if (!category)
            throw core::DataError(origin,
                                  "line " + std::to_string(lineNo) + ": unknown category '" + field("category") + "'");
        row.category = *category;
        row.file = field("file");
        row.fj = field("fj");
        row.fma = field("fma");
        row.name = field("name");
        auto side = anatomy::parseSide(field("side"));
        row.side = side.value_or(anatomy::Side::Midline);
        if (column.count("min_dist_to_skin_mm") && column["min_dist_to_skin_mm"] < fields.size()) {
            const std::string& d = fields[column["min_dist_to_skin_mm"]];
            if (!d.empty()) {
                try {
                    row.minDistToSkinMm = std::stof(d);
                } catch (const std::exception&) {
                    throw core::DataError(origin, "line " + std::to_string(lineNo) +
                                                      ": min_dist_to_skin_mm is not a number: '" + d + "'");
                }
            }
        }
        auto parseCount = [&](const char* name, size_t& out) {
            if (!column.count(name) || column[name] >= fields.size())
                return;
            const std::string& v = fields[column[name]];
            std::from_chars(v.data(), v.data() + v.size(), out);
        };
        parseCount("verts", row.vertices);
        parseCount("tris", row.triangles);
        if (row.file.empty() || row.fj.empty())
            throw core::DataError(origin, "line " + std::to_string(lineNo) + ": empty file or fj field");
        rows.push_back(std::move(row));
    }
    if (rows.empty())
        throw core::DataError(origin, "no structures listed");
    return rows;
}

std::vector<ManifestRow> readManifest(const std::filesystem::path& path) {
    return parseManifest(core::readRegularFile(path), path.string());
}

std::filesystem::path confineToDataDir(const std::filesystem::path& dataDir, const std::string& file,
                                       const std::string& manifest) {
    namespace fs = std::filesystem;
    auto refuse = [&](const std::string& why) {
        throw core::DataError(manifest, "row file '" + file + "' " + why + "; only files inside the data directory " +
                                            "are read (refused)");
    };
    const fs::path rel(file);
    if (file.empty() || rel.is_absolute() || rel.has_root_name() || rel.has_root_directory())
        refuse("is an absolute path");
    if (file.find('\0') != std::string::npos)
        refuse("holds a NUL character");
    for (const auto& part : rel)
        if (part == "..")
            refuse("climbs out with '..'");
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(dataDir, ec);
    if (ec)
        return dataDir / rel;
    const fs::path full = fs::weakly_canonical(dataDir / rel, ec);
    if (ec)
        return dataDir / rel; // unreadable: the loader says so, naming the file
    auto r = root.begin();
    auto f = full.begin();
    for (; r != root.end(); ++r, ++f)
        if (f == full.end() || *r != *f)
            refuse("leads out of the data directory through a symbolic link (to " + full.string() + ")");
    return full;
}

} // namespace myoatlas::io
