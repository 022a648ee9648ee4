#pragma once
// The technique subcommand: every step of a technique resolved on this body, machine-readable.
//   myoatlas technique --id ID --target MUSCLE_OR_TRP [--side left|right] --json
//   myoatlas technique --list --json        (techniques and their suitable targets)
// A target inside an endangerment site where the technique is unsafe exits kExitUnsafeSite with verdictJson on
// stdout and the message on stderr.
#include "app/commands.h"
#include "scene/technique_player.h"

#include <nlohmann/json.hpp>
#include <string>

namespace myoatlas::app {

struct TechniqueRequest {
    std::string id, target;
    std::string side = "right";
    std::string variant; // empty: the standard sequence
    bool list = false;
};

// { technique, name, variant: {id, name, note} (when one is played), target, target_label, muscle, side, tool, contact,
// normal, target_point, depth_mm, fibre_dir,
//   cross_fibre_dir, overlying, warning, endangerment_sites: [{id, name, structures_at_risk, distance_mm,
//   contains_contact}], safety: [{kind, id, text}], steps: [{index, text, patient_text, duration_s, timer,
//   pressure_level, pressure_dir, feel_for, stroke, hands, contact, contact_radius_mm, tool_axis, stroke_path,
//   stroke_length_mm, stretch: {text, lengthen, direction, from, to}}], total_duration_s, variants: [{id, name}],
//   frame: {min, max}, camera: {target, yaw, pitch, distance} }. Positions in metres, body frame.
[[nodiscard]] nlohmann::json techniqueJson(const scene::ResolvedTechnique& r);

// The site rule's verdict: {allowed, ruling, endangerment_site, site_name, structures_at_risk, unsafe_contact,
// alternative: {technique, text} | null, message}; endangerment_site is null when no site is involved.
[[nodiscard]] nlohmann::json verdictJson(const anatomy::ContactVerdict& v);

// Exit status of `technique` when the site rule refuses the plan.
inline constexpr int kExitUnsafeSite = 3;

// Adds `technique` to the command line.
void registerTechniqueCommands(CLI::App& cli, std::vector<Subcommand>& out);

} // namespace myoatlas::app
