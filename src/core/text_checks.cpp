#include "core/text_checks.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace myoatlas::core {

std::string jsonErrorLocation(std::string_view text, std::string_view message) {
    // The token is quoted after "parsing '" in nlohmann's number errors.
    const std::string_view marker = "parsing '";
    size_t m = message.find(marker);
    if (m == std::string_view::npos)
        return "";
    size_t start = m + marker.size();
    size_t end = message.find('\'', start);
    if (end == std::string_view::npos || end == start)
        return "";
    std::string_view token = message.substr(start, end - start);
    size_t at = text.find(token);
    if (at == std::string_view::npos)
        return "";
    size_t line = 1;
    for (size_t i = 0; i < at; ++i)
        line += text[i] == '\n';
    std::string out = "line " + std::to_string(line);
    // The nearest "key": before the token names the field it belongs to.
    size_t colon = text.rfind(':', at);
    if (colon != std::string_view::npos) {
        size_t q2 = text.rfind('"', colon);
        size_t q1 = q2 == std::string_view::npos || q2 == 0 ? std::string_view::npos : text.rfind('"', q2 - 1);
        if (q1 != std::string_view::npos && q2 > q1 + 1 &&
            text.substr(q2 + 1, colon - q2 - 1).find_first_not_of(" \t\r\n") == std::string_view::npos)
            out += ", field \"" + std::string(text.substr(q1 + 1, q2 - q1 - 1)) + "\"";
    }
    return out;
}

double requireFiniteInRange(double value, double lo, double hi, const std::string& what) {
    if (!std::isfinite(value)) {
        std::ostringstream s;
        s << what << ": " << value << " is not a finite number";
        throw UsageError(s.str());
    }
    if (value < lo || value > hi) {
        std::ostringstream s;
        s << what << ": " << value << " is outside the allowed range [" << lo << ", " << hi << "]";
        throw UsageError(s.str());
    }
    return value;
}

std::string sanitizeDisplayText(std::string_view text, size_t maxChars, size_t maxWord) {
    std::string out;
    out.reserve(std::min(text.size(), maxChars * 4) + 8);
    size_t chars = 0, word = 0;
    bool cut = false;
    for (size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (i + len > text.size())
            len = text.size() - i;
        if (chars >= maxChars) {
            cut = true;
            break;
        }
        bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && word >= maxWord) {
            out += '\n';
            word = 0;
        }
        out.append(text.substr(i, len));
        word = space ? 0 : word + 1;
        ++chars;
        i += len;
    }
    if (cut)
        out += "...";
    return out;
}

} // namespace myoatlas::core
