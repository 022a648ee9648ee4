#include "scene/options.h"

#include "core/error.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace myoatlas::scene {

std::string toLower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::pair<int, int> parseSize(std::string_view text) {
    auto x = text.find('x');
    int w = 0, h = 0;
    if (x != std::string_view::npos) {
        auto r1 = std::from_chars(text.data(), text.data() + x, w);
        auto r2 = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
        if (r1.ec == std::errc() && r1.ptr == text.data() + x && r2.ec == std::errc() &&
            r2.ptr == text.data() + text.size() && w >= 16 && h >= 16 && w <= 8192 && h <= 8192)
            return {w, h};
    }
    throw core::UsageError("--size must be WIDTHxHEIGHT between 16 and 8192, e.g. 1600x1200 (got '" +
                           std::string(text) + "')");
}

std::array<LayerSetting, anatomy::kLayerCount> parseLayers(std::string_view text) {
    auto layers = ViewState::defaultLayers();
    if (text.empty() || text == "all")
        return layers;
    for (auto& l : layers)
        l.visible = false;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view item = text.substr(start, end - start);
        start = end + 1;
        if (item.empty())
            continue;
        std::string_view name = item, opacityText;
        if (auto c = item.find(':'); c != std::string_view::npos) {
            name = item.substr(0, c);
            opacityText = item.substr(c + 1);
        }
        auto layer = anatomy::parseLayer(name);
        if (!layer) {
            std::string known;
            for (auto l : anatomy::kAllLayers)
                known += std::string(known.empty() ? "" : ", ") + std::string(anatomy::layerName(l));
            throw core::UsageError("--layers: unknown layer '" + std::string(name) + "' (known: " + known + ")");
        }
        float opacity = 1.0f;
        if (!opacityText.empty()) {
            try {
                size_t used = 0;
                opacity = std::stof(std::string(opacityText), &used);
                if (used != opacityText.size() || opacity < 0.0f || opacity > 1.0f)
                    throw std::invalid_argument("range");
            } catch (const std::exception&) {
                throw core::UsageError("--layers: opacity for '" + std::string(name) + "' must be 0..1 (got '" +
                                       std::string(opacityText) + "')");
            }
        }
        layers[index(*layer)] = {true, opacity};
        if (end == text.size())
            break;
    }
    return layers;
}

std::vector<uint32_t> findStructures(const anatomy::Body& body, std::string_view name) {
    std::string key = toLower(name);
    std::vector<uint32_t> out;
    for (const auto& g : body.groups)
        if (toLower(g.name) == key)
            return g.members;
    for (uint32_t i = 0; i < body.size(); ++i) {
        const auto& s = body.structures[i];
        if (toLower(s.name) == key || toLower(s.fma) == key || toLower(s.fj) == key)
            out.push_back(i);
    }
    return out;
}

} // namespace myoatlas::scene
