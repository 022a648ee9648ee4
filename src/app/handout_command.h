#pragma once
// Patient handouts: the plain-language content for a trigger point, the picture rendered headless, and the
// `handout` subcommand (`myoatlas handout --trp ID [--side left|right] -o FILE.pdf|FILE.png`).
#include "app/commands.h"
#include "app/feature.h"
#include "app/render_command.h"
#include "io/handout.h"
#include "io/image_io.h"
#include "scene/app_state.h"
#include "scene/technique_player.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace myoatlas::app {

// Plain words: "the upper trapezius" from "Upper trapezius (descending fibres)".
[[nodiscard]] std::string plainMuscleName(const anatomy::Muscle& muscle);

// One self-care step for a muscle in everyday words: the technique (massage ball, or foam roller for the big
// muscles of the thigh and back), its patient-facing steps, dosage and safety notes.
// With a verdict of the site rule (contact_safety.h) that refuses the tool at the spot, the care is "ask your
// therapist" and names no tool step.
struct SelfCare {
    std::string title, techniqueId;
    std::vector<std::string> steps, dosage, safety;
    bool blocked = false;
};
[[nodiscard]] std::string selfCareTechnique(const anatomy::Muscle& muscle); // "foam_roller" or "massage_ball"
[[nodiscard]] SelfCare selfCareFor(const anatomy::Atlas& atlas, const anatomy::Muscle& muscle,
                                   const anatomy::ContactVerdict* verdict = nullptr);

// The site rule's verdict for the self-care tool on a trigger point (contact_safety.h), resolved on the body; none
// when it cannot be resolved there (the reason is logged).
[[nodiscard]] std::optional<anatomy::ContactVerdict> selfCareVerdict(const anatomy::Atlas& atlas,
                                                                     scene::TechniqueResolver& techniques,
                                                                     const std::string& trpId, const std::string& side);

// The handout text for a trigger point on a side (no picture). Throws core::UsageError for an unknown id or side.
[[nodiscard]] io::HandoutContent handoutContent(const anatomy::Atlas& atlas, const std::string& trpId,
                                                const std::string& side,
                                                const anatomy::ContactVerdict* verdict = nullptr);

// Builds and writes a handout for a trigger point: the pattern faced and framed (from behind for one on the back),
// and the self-care technique on the body under the site rule.
void writeTriggerPointHandout(FeatureContext& context, const std::string& trpId, const std::string& side,
                              const std::filesystem::path& output);

// Registers `handout` (one line in commands.cpp).
void registerHandoutCommand(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
