#pragma once
// Techniques as data: every step of a technique resolved on this body, the site rule's verdict, and the list of
// techniques with their suitable targets (what `myoatlas technique ... --json` prints).
#include "anatomy/atlas.h"
#include "anatomy/contact_safety.h"
#include "scene/technique_player.h"

#include <nlohmann/json.hpp>

namespace myoatlas::report {

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
// A plan the site rule refused: its verdict with the technique, target and side.
[[nodiscard]] nlohmann::json refusalJson(const scene::ResolvedTechnique& r);

// {techniques: [{id, name, tool, contact_kinds, information_only, recall, evidence, sources, steps, variants,
// targets: [{id, kind, label}]}]}
[[nodiscard]] nlohmann::json techniqueListJson(const anatomy::Atlas& atlas);

} // namespace myoatlas::report
