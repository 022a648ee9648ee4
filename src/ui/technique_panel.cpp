#include "ui/technique_panel.h"

#include "scene/options.h"
#include "ui/widgets.h"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace myoatlas::ui {
namespace {

const ImVec4 kWarn(1.0f, 0.45f, 0.35f, 1.0f);
const ImVec4 kOk(0.45f, 0.85f, 0.5f, 1.0f);
const ImVec4 kMuted(0.7f, 0.72f, 0.76f, 1.0f);

const char* safetyGroupTitle(scene::SafetyKind k) {
    switch (k) {
    case scene::SafetyKind::RedFlag:
        return "Red flags: none present";
    case scene::SafetyKind::Contraindication:
        return "No local contraindication at the site";
    case scene::SafetyKind::Caution:
        return "Cautions for this technique read";
    }
    return "";
}

void labelled(const char* label, const std::string& text) {
    if (text.empty())
        return;
    ImGui::TextColored(kMuted, "%s", label);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text.c_str());
}

void techniqueChooser(const TechniquePanelModel& model, TechniquePanelState& state, scene::Commands& out) {
    const anatomy::Atlas& atlas = *model.atlas;
    const anatomy::Technique* current = atlas.technique(model.current.id);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##technique", current ? current->name.c_str() : "Choose a technique")) {
        for (const auto& t : atlas.techniques) {
            ImGui::PushID(t.id.c_str());
            if (ImGui::Selectable(t.name.c_str(), current == &t)) {
                // Keep the target when the new technique suits it, else its first suitable target.
                auto targets = scene::suitableTargets(atlas, t);
                std::string target = targets.empty() ? "" : targets.front().id;
                for (const auto& x : targets)
                    if (x.id == model.current.target)
                        target = x.id;
                out.push(scene::SetTechnique{{t.id, target, model.current.side, 0}});
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (!current)
        return;
    auto targets = scene::suitableTargets(atlas, *current);
    std::string preview = model.current.target;
    for (const auto& x : targets)
        if (x.id == model.current.target)
            preview = x.label;
    const float sideWidth = ImGui::GetFontSize() * 8.5f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - sideWidth);
    if (ImGui::BeginCombo("##target", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##filter", "Filter targets", &state.targetFilter);
        std::string needle = scene::toLower(state.targetFilter);
        for (const auto& x : targets) {
            if (!needle.empty() && scene::toLower(x.label).find(needle) == std::string::npos)
                continue;
            ImGui::PushID(x.id.c_str());
            std::string label = (x.kind == scene::TargetKind::TriggerPoint ? "    " : "") + x.label;
            if (ImGui::Selectable(label.c_str(), x.id == model.current.target))
                out.push(scene::SetTechnique{{model.current.id, x.id, model.current.side, 0, model.current.variant}});
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    for (const char* side : {"left", "right"}) {
        if (ImGui::RadioButton(side, model.current.side == side) && model.current.side != side)
            out.push(scene::SetTechnique{{model.current.id, model.current.target, side, 0, model.current.variant}});
        if (side[0] == 'l')
            ImGui::SameLine();
    }
    if (current->variants.empty())
        return;
    // The standard sequence or one of the technique's variants (played with their own steps and timings).
    const anatomy::TechniqueVariant* variant = current->variant(model.current.variant);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##variant", variant ? variant->name.c_str() : "Standard sequence")) {
        if (ImGui::Selectable("Standard sequence", !variant) && variant)
            out.push(scene::SetTechnique{{model.current.id, model.current.target, model.current.side, 0, ""}});
        for (const auto& v : current->variants) {
            ImGui::PushID(v.id.c_str());
            if (ImGui::Selectable(v.name.c_str(), variant == &v) && variant != &v)
                out.push(scene::SetTechnique{{model.current.id, model.current.target, model.current.side, 0, v.id}});
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Variant of the technique: its own steps and timings");
    if (variant && !variant->note.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
        ImGui::TextWrapped("%s", variant->note.c_str());
        ImGui::PopStyleColor();
    }
}

void transport(const TechniquePanelModel& model, TechniquePanelState& state, scene::Commands& out) {
    const auto* player = model.player;
    const auto* r = model.resolved;
    bool ready = player && r && player->safetyConfirmed();
    int step = model.current.step, count = r ? static_cast<int>(r->steps.size()) : 0;
    ImGui::BeginDisabled(!ready);
    ImGui::BeginDisabled(step <= 0);
    if (ImGui::Button("Previous"))
        out.push(scene::SetTechniqueStep{step - 1});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(player && player->playing() ? "Pause###play" : "Play###play"))
        state.togglePlay = true;
    ImGui::SameLine();
    ImGui::BeginDisabled(step + 1 >= count);
    if (ImGui::Button("Next"))
        out.push(scene::SetTechniqueStep{step + 1});
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    ImGui::SameLine();
    float speed = player ? player->speed() : 1.0f;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##speed", &speed, 1.0f, 60.0f, "demo x%.0f", ImGuiSliderFlags_Logarithmic))
        state.speed = speed;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Demo speed: x1 counts the real hold time");
}

void checklist(const TechniquePanelModel& model, TechniquePanelState& state) {
    const auto& items = model.resolved->safety;
    const auto* player = model.player;
    if (player->safetyConfirmed()) {
        ImGui::TextColored(kOk, "Safety checklist confirmed");
        return;
    }
    ImGui::TextColored(kWarn, "Before the first step: confirm that none of these applies.");
    for (auto kind : {scene::SafetyKind::RedFlag, scene::SafetyKind::Contraindication, scene::SafetyKind::Caution}) {
        std::vector<size_t> group;
        for (size_t i = 0; i < items.size(); ++i)
            if (items[i].kind == kind)
                group.push_back(i);
        if (group.empty())
            continue;
        bool all = std::all_of(group.begin(), group.end(), [&](size_t i) { return player->checked(i); });
        ImGui::PushID(static_cast<int>(kind));
        bool ticked = all;
        if (ImGui::Checkbox("##all", &ticked))
            for (size_t i : group)
                state.checks.emplace_back(i, ticked);
        ImGui::SameLine();
        bool open = ImGui::TreeNode("group", "%s (%zu)", safetyGroupTitle(kind), group.size());
        if (open) {
            for (size_t i : group) {
                ImGui::PushID(static_cast<int>(i));
                bool c = player->checked(i);
                if (ImGui::Checkbox("##item", &c))
                    state.checks.emplace_back(i, c);
                ImGui::SameLine();
                ImGui::PushTextWrapPos(0.0f);
                if (items[i].emergency)
                    ImGui::TextColored(kWarn, "%s (emergency)", items[i].text.c_str());
                else
                    ImGui::TextUnformatted(items[i].text.c_str());
                ImGui::PopTextWrapPos();
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::BeginDisabled(!player->allChecked());
    if (ImGui::Button("Confirm and start"))
        state.confirm = true;
    ImGui::EndDisabled();
}

void currentStep(const TechniquePanelModel& model, const TechniquePanelState& state) {
    const auto& r = *model.resolved;
    const auto* player = model.player;
    int i = std::clamp(model.current.step, 0, static_cast<int>(r.steps.size()) - 1);
    const auto& s = r.steps[static_cast<size_t>(i)];
    ImGui::Text("Step %d of %zu", i + 1, r.steps.size());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(state.patientText ? s.patientText.c_str() : s.text.c_str());
    ImGui::PopTextWrapPos();
    double elapsed = player ? player->elapsed() : 0.0;
    std::string timer = scene::formatClock(elapsed) + " / " + scene::formatClock(s.durationS);
    ImGui::ProgressBar(player ? player->progress() : 0.0f, ImVec2(-1, 0), timer.c_str());
    if (s.pressureLevel > 0) {
        std::string level = "L";
        level += std::to_string(s.pressureLevel); // (not "L" + ...: GCC 12 warns falsely, -Wrestrict)
        for (const auto& p : model.atlas->pressureLevels)
            if (p.id == level)
                level += " " + p.name + ": " + p.text;
        labelled("Pressure", level);
    }
    if (!state.patientText)
        labelled("Feel for", s.feelFor);
    if (s.stroke != scene::StrokeKind::None)
        labelled("Stroke", std::string(scene::strokeKindName(s.stroke)));
    labelled("Stretch", s.stretchText);
}

} // namespace

void drawTechniquePanel(const TechniquePanelModel& model, TechniquePanelState& state, scene::Commands& out) {
    if (!state.show)
        return;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Over the right column (selection and trigger points): the technique frames its contact in the middle of
    // the view, which a panel there would cover.
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - em * 0.5f, vp->Pos.y + em * 2.2f), ImGuiCond_FirstUseEver,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(em * 26, std::max(em * 20.0f, vp->Size.y - em * 3.0f)), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Technique", &state.show)) {
        if (!model.atlas) {
            ImGui::TextColored(kWarn, "The atlas is not loaded: %s", model.error.c_str());
            ImGui::End();
            return;
        }
        techniqueChooser(model, state, out);
        if (!model.error.empty())
            ImGui::TextColored(kWarn, "%s", model.error.c_str());
        const auto* r = model.resolved;
        if (r && model.player) {
            if (!r->verdict.allowed()) {
                // The site rule stops the stepper: the site, what is at risk and what to do instead.
                ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
                ImGui::TextWrapped("Stopped: %s is not allowed at this target.", r->techniqueName.c_str());
                ImGui::PopStyleColor();
                labelled("Site", r->verdict.siteName);
                for (const auto& a : r->verdict.atRisk)
                    bulletWrapped("At risk: " + a);
                labelled("Instead", r->verdict.alternative);
                ImGui::End();
                return;
            }
            transport(model, state, out);
            ImGui::Checkbox("Plain language for patients", &state.patientText);
            if (r->informationOnly)
                ImGui::TextWrapped("Information only: what a qualified practitioner does; never a step to try.");
            if (!r->warning.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
                ImGui::TextWrapped("%s", r->warning.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::Separator();
            checklist(model, state);
            ImGui::Separator();
            currentStep(model, state);
            if (ImGui::CollapsingHeader("All steps")) {
                bool ready = model.player->safetyConfirmed();
                for (size_t i = 0; i < r->steps.size(); ++i) {
                    ImGui::PushID(static_cast<int>(i));
                    const auto& s = r->steps[i];
                    std::string label = std::to_string(i + 1) + ". " + (state.patientText ? s.patientText : s.text);
                    if (label.size() > 90)
                        label = label.substr(0, 87) + "...";
                    if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == model.current.step,
                                          ready ? 0 : ImGuiSelectableFlags_Disabled))
                        out.push(scene::SetTechniqueStep{static_cast<int>(i)});
                    ImGui::PopID();
                }
            }
            if (!r->endangerment.empty() && ImGui::CollapsingHeader("Endangerment sites nearby")) {
                for (const auto& e : r->endangerment)
                    bulletWrapped(e.name + ": " + e.structuresAtRisk + " (" +
                                  (e.containsTarget ? std::string("contact inside")
                                                    : std::to_string(static_cast<int>(e.distanceMm)) + " mm") +
                                  ")");
            }
            if (!r->overlying.empty() && ImGui::CollapsingHeader("Pressure passes through")) {
                for (const auto& o : r->overlying)
                    bulletWrapped(o);
            }
            if (ImGui::CollapsingHeader("Dosage and precautions")) {
                for (const auto& d : r->dosage)
                    bulletWrapped(d);
                for (const auto& p : r->precautions)
                    bulletWrapped(p);
            }
        }
    }
    ImGui::End();
}

void applyIntents(TechniquePanelState& state, scene::TechniquePlayer& player) {
    for (const auto& [i, c] : state.checks)
        player.setChecked(i, c);
    state.checks.clear();
    if (state.confirm)
        player.confirmSafety();
    state.confirm = false;
    if (state.togglePlay)
        player.togglePlay();
    state.togglePlay = false;
    if (state.speed)
        player.setSpeed(*state.speed);
    state.speed.reset();
}

} // namespace myoatlas::ui
