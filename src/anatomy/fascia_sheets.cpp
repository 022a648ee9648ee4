#include "anatomy/fascia_sheets.h"

#include <array>
#include <string_view>

namespace myoatlas::anatomy {
namespace {
// FMA ids are left empty: the sheets are drawn regions, not the FMA concepts' exact extents.
constexpr float kDeep = 2.0f;       // the investing layer: a whole-body envelope
constexpr float kNamedSheet = 3.0f; // the sheets taught by name: drawn the most solid of the three
const FasciaSheet kSuperficial{
    "GEN-FASCIA-SUPERFICIAL", "superficial fascia", Side::Midline, Region::Trunk, {0.0f, 1.0f, 0.0f, 1.0f}};
const FasciaSheet kInvesting{
    "GEN-FASCIA-DEEP", "deep fascia (investing layer)", Side::Midline, Region::Trunk, {0.0f, 1.0f, 0.0f, kDeep}};
// Fibre templates: x is mirrored on the right, so (0.7, 0.7, 0) is a chevron opening upward.
const std::array kNamed = {
    FasciaSheet{
        "GEN-FASCIA-TLF", "thoracolumbar fascia", Side::Midline, Region::Trunk, {0.7f, 0.7f, 0.0f, kNamedSheet}},
    FasciaSheet{
        "GEN-FASCIA-LATA-R", "right fascia lata", Side::Right, Region::LowerLimb, {0.0f, 1.0f, 0.0f, kNamedSheet}},
    FasciaSheet{
        "GEN-FASCIA-LATA-L", "left fascia lata", Side::Left, Region::LowerLimb, {0.0f, 1.0f, 0.0f, kNamedSheet}},
    FasciaSheet{"GEN-FASCIA-PLANTAR-R",
                "right plantar fascia",
                Side::Right,
                Region::LowerLimb,
                {0.0f, 0.0f, 1.0f, kNamedSheet}},
    FasciaSheet{
        "GEN-FASCIA-PLANTAR-L", "left plantar fascia", Side::Left, Region::LowerLimb, {0.0f, 0.0f, 1.0f, kNamedSheet}},
    FasciaSheet{"GEN-FASCIA-GALEA", "galea aponeurotica", Side::Midline, Region::Head, {0.0f, 0.0f, 1.0f, kNamedSheet}},
    FasciaSheet{
        "GEN-FASCIA-PECTORAL-R", "right pectoral fascia", Side::Right, Region::Trunk, {0.95f, 0.3f, 0.0f, kNamedSheet}},
    FasciaSheet{
        "GEN-FASCIA-PECTORAL-L", "left pectoral fascia", Side::Left, Region::Trunk, {0.95f, 0.3f, 0.0f, kNamedSheet}},
    FasciaSheet{
        "GEN-FASCIA-ABDOMINAL", "abdominal fascia", Side::Midline, Region::Trunk, {0.6f, 0.8f, 0.0f, kNamedSheet}},
};
} // namespace

const FasciaSheet& superficialFasciaSheet() {
    return kSuperficial;
}
const FasciaSheet& investingFasciaSheet() {
    return kInvesting;
}
std::span<const FasciaSheet> namedFasciaSheets() {
    return kNamed;
}

glm::vec4 fasciaMaterial(const Structure& s) {
    if (s.category != Category::Fascia)
        return glm::vec4(0.0f);
    if (s.fj == std::string_view(kSuperficial.fj))
        return kSuperficial.material;
    for (const FasciaSheet& sheet : kNamed)
        if (s.fj == std::string_view(sheet.fj))
            return sheet.material;
    return kInvesting.material;
}

} // namespace myoatlas::anatomy
