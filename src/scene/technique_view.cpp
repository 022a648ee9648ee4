#include "scene/technique_view.h"

#include "geometry/glyphs.h"
#include "geometry/tube_builder.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

namespace myoatlas::scene {
namespace {

const glm::vec4 kTool(0.55f, 0.74f, 0.96f, 1.0f);    // a pale blue glove: reads against skin and muscle
const glm::vec4 kStroke(0.15f, 0.92f, 1.0f, 1.0f);   // cyan, animated
const glm::vec4 kFibre(0.98f, 0.78f, 0.30f, 1.0f);   // amber: the fibre direction the friction crosses
const glm::vec4 kStretch(0.35f, 0.92f, 0.45f, 1.0f); // green
const glm::vec4 kRing(1.0f, 0.95f, 0.35f, 1.0f);
const glm::vec4 kDanger(0.86f, 0.08f, 0.08f, 1.0f);
const glm::vec4 kDangerHit(1.0f, 0.25f, 0.1f, 1.0f);

glm::vec4 pressureColor(int level) {
    switch (level) {
    case 1:
        return {0.35f, 0.85f, 0.45f, 1.0f};
    case 2:
        return {0.95f, 0.85f, 0.25f, 1.0f};
    case 3:
        return {1.0f, 0.55f, 0.12f, 1.0f};
    default:
        return {0.78f, 0.3f, 0.95f, 1.0f};
    }
}

OverlayMesh coloured(geometry::Mesh mesh, const glm::vec4& colour, bool onTop) {
    OverlayMesh o;
    o.colors.assign(mesh.positions.size(), colour);
    o.mesh = std::move(mesh);
    o.onTop = onTop;
    return o;
}

} // namespace

std::vector<OverlayMesh> techniqueOverlays(const ResolvedTechnique& r, int step, const anatomy::Body& body) {
    std::vector<OverlayMesh> out;
    // Endangerment sites near the target: red regions painted on the skin (depth-tested: they are part of it).
    if (auto skin = body.skin()) {
        for (const auto& e : r.endangerment)
            for (const auto& z : e.zones) {
                auto patch = geometry::surfacePatch(body.meshes[*skin], z.seeds, z.radius, 0.0015f);
                if (!patch.positions.empty())
                    out.push_back(coloured(std::move(patch), e.containsTarget ? kDangerHit : kDanger, false));
            }
    }
    if (r.steps.empty())
        return out;
    const auto& s = r.steps[static_cast<size_t>(std::clamp(step, 0, static_cast<int>(r.steps.size()) - 1))];
    // The contact area: a ring on the skin, read through every layer.
    out.push_back(
        coloured(geometry::torus(s.contact + s.normal * 0.002f, s.normal, s.contactRadius, 0.0018f), kRing, true));
    if (!r.verdict.allowed()) // refused by the site rule: the site and the contact only, no tool or stroke on it
        return out;
    if (s.hands) {
        // Fingers and thumbs lie along the fibres (the hand comes from below and moves across them); tools follow
        // the stroke.
        bool digit = r.tool == ToolKind::Thumb || r.tool == ToolKind::Fingertips;
        glm::vec3 axis = digit ? r.fibreDir : s.toolAxis;
        out.push_back(coloured(geometry::glyph(r.tool, {s.contact, s.normal, axis}), kTool, false));
    }
    glm::vec3 side = glm::normalize(glm::cross(s.normal, s.toolAxis));
    if (s.pressureLevel > 0) {
        // Beside the hand or tool, its tip on the skin: the direction and (thickness, colour) the level. With a
        // stroke it stands past the stroke's end instead: beside the hand it would cover a short stroke in the
        // framed view, which looks down the arrow at a slant.
        float offset = geometry::glyphFootprint(r.tool) * 0.5f + 0.02f;
        float length = 0.05f + 0.015f * static_cast<float>(s.pressureLevel);
        glm::vec3 tip = s.contact - side * offset + s.normal * 0.003f;
        if (s.strokePath.size() > 1) {
            const glm::vec3 end = s.strokePath.back();
            glm::vec3 along = end - s.strokePath[s.strokePath.size() - 2];
            along -= s.normal * glm::dot(along, s.normal);
            if (glm::length(along) > 1e-6f)
                tip = end + glm::normalize(along) * 0.035f + s.normal * 0.001f; // clear of the stroke's arrowhead
        }
        out.push_back(coloured(
            geometry::arrow(tip - s.pressureDir * length, tip, 0.0025f + 0.0008f * static_cast<float>(s.pressureLevel)),
            pressureColor(s.pressureLevel), true));
    }
    if (s.strokePath.size() > 1) {
        geometry::TubeOptions opt;
        opt.radius = 0.0022f;
        auto tube = geometry::buildTube(s.strokePath, opt);
        OverlayMesh o = coloured(std::move(tube.mesh), kStroke, true);
        o.params = std::move(tube.arcLength);
        o.flowSpeed = 0.04f; // about the pace of a slow glide
        o.flowWavelength = 0.025f;
        out.push_back(std::move(o));
        auto n = s.strokePath.size();
        glm::vec3 endDir = s.strokePath[n - 1] - s.strokePath[n - 2];
        out.push_back(coloured(
            geometry::arrowHead(s.strokePath[n - 1] + glm::normalize(endDir) * 0.008f, endDir, 0.0065f, 0.016f),
            kStroke, true));
        if (s.reciprocating) {
            glm::vec3 startDir = s.strokePath[0] - s.strokePath[1];
            out.push_back(coloured(
                geometry::arrowHead(s.strokePath[0] + glm::normalize(startDir) * 0.008f, startDir, 0.0065f, 0.016f),
                kStroke, true));
        }
        if (s.stroke == StrokeKind::AcrossFibres) { // the fibres it crosses
            glm::vec3 c = s.contact + s.normal * 0.0025f;
            out.push_back(coloured(
                geometry::frustum(c - r.fibreDir * 0.035f, c + r.fibreDir * 0.035f, 0.0011f, 0.0011f), kFibre, true));
        }
    }
    if (s.hasStretch)
        out.push_back(coloured(geometry::doubleArrow(s.stretchFrom, s.stretchTo, 0.0035f, s.lengthen), kStretch, true));
    return out;
}

std::string techniqueCaption(const ResolvedTechnique& r, int step, bool patientText, const TechniquePlayer* player,
                             bool panelOnScreen) {
    if (r.steps.empty())
        return {};
    int i = std::clamp(step, 0, static_cast<int>(r.steps.size()) - 1);
    const auto& s = r.steps[static_cast<size_t>(i)];
    // A variant's own name says what is played (the technique's name often lists its variants already).
    const std::string& name = r.variantName.empty() ? r.techniqueName : r.variantName;
    std::string c = name + " - " + std::string(anatomy::sideName(r.side)) + " " + r.targetLabel + "\nStep " +
                    std::to_string(i + 1) + "/" + std::to_string(r.steps.size()) + ": " +
                    (patientText ? s.patientText : s.text);
    std::string line;
    if (s.pressureLevel > 0)
        line += "Pressure L" + std::to_string(s.pressureLevel);
    if (s.durationS > 0.0f) {
        double elapsed = player ? player->elapsed() : 0.0;
        line += (line.empty() ? "" : "   ") + formatClock(elapsed) + " / " + formatClock(s.durationS);
    }
    if (!line.empty())
        c += "\n" + line;
    if (!r.verdict.allowed())
        return name + " - " + std::string(anatomy::sideName(r.side)) + " " + r.targetLabel + "\nSTOPPED. " +
               r.verdict.message;
    if (r.informationOnly)
        c += "\nInformation only: a qualified practitioner's procedure, never a step to try.";
    if (r.boneDepthMm >= 0.0f) // the needling depth cue measured on this body
        c += "\nTarget " + std::to_string(static_cast<int>(std::lround(r.depthMm))) + " mm deep; first bone " +
             std::to_string(static_cast<int>(std::lround(r.boneDepthMm))) + " mm straight in.";
    if (player && player->loaded() && !player->safetyConfirmed())
        c += panelOnScreen ? "\nConfirm the safety checklist in the Technique panel to start."
                           : "\nSafety checklist not confirmed: leave presentation mode (Esc) and confirm it in the "
                             "Technique panel to start.";
    if (!r.warning.empty())
        c += "\n" + r.warning;
    return c;
}

} // namespace myoatlas::scene
