#include "app/heat_feature.h"

#include "core/error.h"
#include "core/log.h"
#include "core/timer.h"
#include "geometry/tube_builder.h"
#include "scene/colormap.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/mat4x4.hpp>
#include <imgui.h>
#include <numbers>

namespace myoatlas::app {
namespace {

using anatomy::Side;

std::string keyOf(const scene::TriggerPointRef& ref) {
    return ref.id + "/" + ref.side;
}

Side sideOf(const std::string& side) {
    return side == "left" ? Side::Left : Side::Right;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// HeatFeature

HeatFeature::HeatFeature(FeatureContext& context)
    : context_(context), skinHeat_(context.body, context.atlas, context.resolver, context.atlasError) {
    if (context.atlas && context.resolver)
        for (const anatomy::Muscle& m : context.atlas->muscles) {
            if (!m.meshPresent)
                continue; // its surrogate structures (bones) are not the muscle
            anatomy::ResolvedMuscle rm = context.resolver->muscle(m);
            for (uint32_t s : rm.right)
                muscleOfStructure_.try_emplace(s, ui::SelectedMuscle{m.id, Side::Right});
            for (uint32_t s : rm.left)
                muscleOfStructure_.try_emplace(s, ui::SelectedMuscle{m.id, Side::Left});
        }
    if (context.atlas && context.resolver)
        markers_.emplace(context.body, *context.atlas, *context.resolver);
}

HeatFeature::~HeatFeature() = default;

HeatFeature::Entry* HeatFeature::entryFor(const scene::TriggerPointRef& ref) {
    auto [it, inserted] = entries_.try_emplace(keyOf(ref));
    Entry& e = it->second;
    if (inserted) {
        try {
            e.referral = skinHeat_.referral(ref.id, sideOf(ref.side));
        } catch (const core::Error& err) {
            e.error = err.what();
            core::logWarn("heat map of " + keyOf(ref) + ": " + e.error);
        }
    }
    return &e;
}

void HeatFeature::launchBuilds() {
    if (!skinHeat_.ready())
        return;
    const geometry::GeodesicSolver* solver = &skinHeat_.solver();
    for (auto& [key, e] : entries_) {
        if (e.launched || !e.error.empty())
            continue;
        e.launched = true;
        e.pending = std::async(std::launch::async, [solver, referral = e.referral] {
            return std::make_unique<scene::HeatField>(*solver, referral);
        });
    }
}

void HeatFeature::pollBuilds(bool wait) {
    for (auto& [key, e] : entries_) {
        if (!e.pending.valid())
            continue;
        if (!wait && e.pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            continue;
        try {
            e.field = e.pending.get();
            e.start = clock_; // the pattern travels from when it can be seen
        } catch (const std::exception& err) {
            e.error = err.what();
            core::logWarn("heat map of " + key + ": " + e.error);
        }
    }
    // Keep a bounded cache: drop finished fields nobody shows.
    if (entries_.size() > 32)
        std::erase_if(entries_, [this](const auto& kv) {
            const Entry& e = kv.second;
            bool shown = std::any_of(shown_.begin(), shown_.end(),
                                     [&](const scene::TriggerPointRef& r) { return keyOf(r) == kv.first; });
            return !shown && !e.pending.valid();
        });
}

void HeatFeature::finishPending() {
    if (!skinHeat_.available())
        return;
    if (!entries_.empty() || !rankedPain_.empty() || painDirty_)
        (void)skinHeat_.solver();
    launchBuilds();
    pollBuilds(true);
    if (ranking_.valid()) {
        suspects_ = ranking_.get();
        rankingPending_ = painDirty_;
    }
}

bool HeatFeature::busy() const {
    if (!skinHeat_.available())
        return false;
    bool wantSolver = !shown_.empty() || !rankedPain_.empty();
    if (wantSolver && !skinHeat_.ready())
        return true;
    for (const auto& [key, e] : entries_)
        if (e.pending.valid() || (!e.launched && e.error.empty()))
            return true;
    return rankingPending_;
}

void HeatFeature::updateSuspects(const scene::AppState& state, bool wait) {
    const auto& pain = state.view.painPoints;
    if (pain != rankedPain_) {
        rankedPain_ = pain;
        painDirty_ = true;
    }
    if (ranking_.valid() && (wait || ranking_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)) {
        suspects_ = ranking_.get();
        rankingPending_ = painDirty_;
    }
    if (!painDirty_ || ranking_.valid())
        return;
    if (rankedPain_.empty()) {
        suspects_.clear();
        painDirty_ = rankingPending_ = false;
        return;
    }
    if (!wait && !skinHeat_.ready())
        return;
    const geometry::GeodesicSolver* solver = &skinHeat_.solver();
    const std::vector<anatomy::ResolvedReferral>* referrals = &skinHeat_.allReferrals(); // resolved once, kept
    ranking_ = std::async(std::launch::async, [solver, referrals, points = rankedPain_] {
        scene::SuspectOptions options;
        options.maxResults = 20;
        return scene::rankSuspects(*solver, points, *referrals, scene::HeatFieldOptions{}, options);
    });
    painDirty_ = false;
    rankingPending_ = true;
    if (wait) {
        suspects_ = ranking_.get();
        rankingPending_ = false;
    }
}

bool HeatFeature::update(const scene::AppState& state, double now) {
    const bool first = firstUpdate_;
    firstUpdate_ = false;
    const double dt = first ? 0.0 : std::clamp(now - lastNow_, 0.0, 0.25);
    lastNow_ = now;
    if (!skinHeat_.available())
        return false;
    const scene::ViewState& view = state.view;
    const bool live = view.heatTime < 0.0f;
    if (guiActive_ || !view.triggerPoints.empty() || !view.painPoints.empty())
        skinHeat_.prepare(); // in the window: in the background from the first frame on

    if (view.triggerPoints != shown_) {
        for (const auto& ref : view.triggerPoints) {
            if (std::find(shown_.begin(), shown_.end(), ref) != shown_.end())
                continue;
            Entry* e = entryFor(ref);
            e->start = clock_;
            e->settled = first; // shown from the start (a headless render): the settled pattern, no travel
        }
        shown_ = view.triggerPoints;
    }
    auto restart = [&](double t) {
        for (const auto& ref : shown_)
            if (auto it = entries_.find(keyOf(ref)); it != entries_.end()) {
                it->second.start = clock_ - t;
                it->second.settled = false;
            }
    };
    if (live && !wasLive_)
        restart(shownTime_); // play after a pause or a scrub: carry on from the time shown
    if (live)
        clock_ += dt * std::clamp(panel_.speed, 0.05f, 10.0f);
    if (panel_.replay) {
        restart(0.0);
        panel_.replay = false;
    }
    wasLive_ = live;

    // A headless frame (everything shown from the first update) must show everything: wait for it.
    const bool block = first && (!view.triggerPoints.empty() || !view.painPoints.empty());
    if (block)
        (void)skinHeat_.solver();
    launchBuilds();
    pollBuilds(block);
    updateSuspects(state, block);
    evaluate(state);
    if (markers_) {
        std::vector<scene::MarkedMuscle> marked;
        for (const auto& m : selectedMuscles(state.view))
            marked.push_back({m.id, m.side});
        if (markers_->update(shown_, marked, state.view.painPoints))
            ++overlayVersion_;
    }

    if (!guiActive_ && !shown_.empty() && !warnedSkin_) {
        auto skin = *skinHeat_.skin();
        if (!view.isVisible(context_.body, skin) || view.opacity(context_.body, skin) < 0.05f) {
            core::logWarn("the referred-pain map is painted on the skin, which this view hides: add the skin to "
                          "--layers (e.g. skin:0.3)");
            warnedSkin_ = true;
        }
    }
    return busy() || (live && anyTravelling_);
}

void HeatFeature::evaluate(const scene::AppState& state) {
    const scene::ViewState& view = state.view;
    const bool live = view.heatTime < 0.0f;
    std::vector<const Entry*> ready;
    for (const auto& ref : shown_)
        if (auto it = entries_.find(keyOf(ref)); it != entries_.end() && it->second.field)
            ready.push_back(&it->second);
    anyTravelling_ = false;
    if (ready.empty()) {
        shownTime_ = live ? 0.0f : view.heatTime;
        if (heatShown_) {
            heatShown_ = false;
            heat_.values.clear();
            ++heatVersion_;
        }
        return;
    }
    timeRange_ = 0.0f;
    for (const Entry* e : ready)
        timeRange_ = std::max(timeRange_, e->field->settleSeconds() + 2.0f / e->field->options().pulseHz);
    const Entry* latest = ready.back();
    if (!live)
        shownTime_ = view.heatTime;
    else if (latest->settled)
        shownTime_ = latest->field->settleSeconds();
    else
        shownTime_ = static_cast<float>(clock_ - latest->start);

    bool travelling = false;
    for (const Entry* e : ready)
        travelling = travelling || (live && !e->settled);
    anyTravelling_ = travelling;
    // A still picture changes only with what is shown and the time.
    std::string key = std::to_string(ready.size()) + (live ? "L" : "F" + std::to_string(view.heatTime));
    for (const Entry* e : ready)
        key += e->field->trpId() + e->field->side() + (e->settled ? "s" : "");
    if (!travelling && heatShown_ && key == lastEvalKey_)
        return;
    lastEvalKey_ = key;

    auto& values = heat_.values;
    values.assign(ready.front()->field->vertexCount(), 0.0f);
    for (const Entry* e : ready) {
        std::span<const float> one;
        if (!live) {
            e->field->evaluate(view.heatTime, scratch_);
            one = scratch_;
        } else if (e->settled) {
            one = e->field->steady();
        } else {
            e->field->evaluate(static_cast<float>(clock_ - e->start), scratch_);
            one = scratch_;
        }
        for (size_t v = 0; v < values.size() && v < one.size(); ++v)
            values[v] = std::max(values[v], one[v]);
    }
    heat_.structure = *skinHeat_.skin();
    const bool still = !live || latest->settled;
    const float pulseHz = latest->field->options().pulseHz;
    heat_.pulse = still ? 1.0f : 0.5f + 0.5f * std::cos(2.0f * std::numbers::pi_v<float> * pulseHz * shownTime_);
    heatShown_ = true;
    ++heatVersion_;
}

const HeatOutput* HeatFeature::heat() const {
    return heatShown_ ? &heat_ : nullptr;
}

void HeatFeature::markDimmed(std::vector<uint8_t>& dimmed) const {
    if (!heatShown_ || !panel_.greyBody)
        return;
    for (size_t s = 0; s < dimmed.size(); ++s)
        if (s != heat_.structure)
            dimmed[s] = 1;
}

std::vector<ui::SelectedMuscle> HeatFeature::selectedMuscles(const scene::ViewState& view) const {
    std::vector<ui::SelectedMuscle> out;
    for (uint32_t s : view.selection) {
        auto it = muscleOfStructure_.find(s);
        if (it == muscleOfStructure_.end())
            continue;
        bool seen = std::any_of(out.begin(), out.end(), [&](const ui::SelectedMuscle& m) {
            return m.id == it->second.id && m.side == it->second.side;
        });
        if (!seen)
            out.push_back(it->second);
    }
    return out;
}

void HeatFeature::appendOverlays(std::vector<render::OverlayMesh>& out) const {
    if (markers_)
        out.insert(out.end(), markers_->overlays().begin(), markers_->overlays().end());
}

ui::TrpPanelModel HeatFeature::panelModel(const scene::AppState& state) const {
    ui::TrpPanelModel m;
    m.atlas = context_.atlas;
    m.atlasError = context_.atlasError;
    m.selectedMuscles = selectedMuscles(state.view);
    m.time = shownTime_;
    m.timeRange = timeRange_;
    m.live = state.view.heatTime < 0.0f;
    m.preparing = busy() && !rankingPending_;
    if (auto skin = skinHeat_.skin())
        m.skinHidden = !state.view.isVisible(context_.body, *skin) || state.view.opacity(context_.body, *skin) < 0.05f;
    m.suspects = suspects_;
    m.suspectsPending = rankingPending_ || painDirty_;
    return m;
}

void HeatFeature::drawUi(const ui::UiModel& model, ui::UiState& ui, scene::Commands& out) {
    guiActive_ = true;
    // The projector shows the body and the caption bar only: no menu entries, no panels.
    if (!ui.presentation && ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("Panels")) { // appends to the main menu's Panels menu
            ImGui::Separator();
            ImGui::MenuItem("Trigger points", nullptr, &panel_.show, ui.expertPanels());
            ImGui::MenuItem("Pain map legend", nullptr, &panel_.showLegend);
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }
    if (!model.state)
        return;
    const scene::AppState& state = *model.state;
    if (panel_.show && ui.expertPanels() && !ui.namesHidden) // it names the patterns shown (quiz answers)
        drawTriggerPointPanel(model, panelModel(state), panel_, out);
    if (panel_.showLegend && heatShown_ && !ui.presentation)
        ui::drawHeatLegend(panel_, ui.patientMode);

    // Hover names the markers (they are overlays, not structures the picker knows).
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureMouse || ui.namesHidden || !markers_ || markers_->markers().empty() || io.DisplaySize.x <= 0 ||
        io.DisplaySize.y <= 0)
        return;
    const float reach = std::max(ImGui::GetFontSize() * 0.8f, 10.0f);
    const scene::TrpMarker* best =
        markers_->underPointer(state.view.camera, glm::vec2(io.DisplaySize.x, io.DisplaySize.y),
                               glm::vec2(io.MousePos.x, io.MousePos.y), reach);
    if (best)
        ImGui::SetTooltip("%s", best->label.c_str());
}

bool HeatFeature::onBodyClick(const scene::BodyClick& click, const scene::AppState& state, scene::Commands& out) {
    (void)state;
    if (!skinHeat_.available() || !click.pick)
        return false;
    const scene::Pick& pick = *click.pick;
    if (panel_.painMode) {
        out.push(scene::AddPainPoint{skinHeat_.onSkin(pick.point)});
        return true;
    }
    // A click on (or right next to) a trigger point marker shows its pattern.
    const scene::TrpMarker* best = markers_ ? markers_->nearestTriggerPoint(pick.point) : nullptr;
    if (!best)
        return false;
    out.push(scene::ShowTriggerPoint{*best->trp, click.additive || panel_.combine});
    return true;
}

std::string HeatFeature::caption(const scene::AppState& state) const {
    (void)state;
    if (panel_.painMode)
        return "It hurts here: click where the patient feels the pain";
    return {};
}

std::optional<scene::CameraPose> HeatFeature::framing(const scene::AppState& state, float aspect) const {
    geometry::Aabb box;
    for (const auto& ref : state.view.triggerPoints) {
        auto it = entries_.find(keyOf(ref));
        if (it == entries_.end())
            continue;
        box.expand(it->second.referral.trpPosition);
        for (const auto& zone : it->second.referral.zones)
            for (const auto& seed : zone.seeds)
                box.expand(seed);
    }
    if (!box.valid())
        return std::nullopt;
    // Leave room for the zones' fade-out around their seeds.
    box.min -= glm::vec3(0.04f);
    box.max += glm::vec3(0.04f);
    scene::Camera camera;
    camera.pose = state.view.camera;
    camera.frame(box, aspect);
    return camera.pose;
}

} // namespace myoatlas::app
