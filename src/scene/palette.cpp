#include "scene/palette.h"

#include <functional>

namespace myoatlas::scene {

glm::vec3 tissueColor(anatomy::Category category) {
    switch (category) {
    case anatomy::Category::Skin:
        return {0.93f, 0.76f, 0.64f};
    case anatomy::Category::Muscle:
        return {0.70f, 0.25f, 0.22f};
    case anatomy::Category::Bone:
        return {0.90f, 0.86f, 0.76f};
    case anatomy::Category::Cartilage:
        return {0.74f, 0.82f, 0.86f};
    case anatomy::Category::Connective:
        return {0.93f, 0.89f, 0.76f};
    case anatomy::Category::Fascia:
        return {0.86f, 0.88f, 0.92f};
    }
    return {0.7f, 0.7f, 0.7f};
}

glm::vec3 structureColor(const anatomy::Structure& s) {
    glm::vec3 c = tissueColor(s.category);
    if (s.category != anatomy::Category::Muscle)
        return c;
    // +-8% brightness and a slight hue shift, keyed on the whole muscle so its parts match.
    size_t h =
        std::hash<std::string>{}(s.name.substr(s.name.rfind(" of ") == std::string::npos ? 0 : s.name.rfind(" of ")));
    float v = static_cast<float>(h % 1000) / 1000.0f - 0.5f;
    float w = static_cast<float>((h / 1000) % 1000) / 1000.0f - 0.5f;
    return c * (1.0f + 0.16f * v) + glm::vec3(0.0f, 0.04f * w, 0.03f * w);
}

} // namespace myoatlas::scene
