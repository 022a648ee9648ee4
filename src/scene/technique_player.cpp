// The technique player: target lists, the safety checklist and the step timer. Resolution on the body is in
// technique_player_resolve.cpp.
#include "scene/technique_player.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace myoatlas::scene {

std::string_view strokeKindName(StrokeKind k) {
    switch (k) {
    case StrokeKind::None:
        return "";
    case StrokeKind::Static:
        return "static";
    case StrokeKind::Glide:
        return "glide";
    case StrokeKind::AcrossFibres:
        return "across_fibres";
    case StrokeKind::AlongFibres:
        return "along_fibres";
    case StrokeKind::Scrape:
        return "scrape";
    }
    return "";
}

StrokeKind parseStrokeKind(std::string_view name) {
    for (auto k :
         {StrokeKind::Static, StrokeKind::Glide, StrokeKind::AcrossFibres, StrokeKind::AlongFibres, StrokeKind::Scrape})
        if (strokeKindName(k) == name)
            return k;
    return StrokeKind::None;
}

std::string_view toolKindName(ToolKind k) {
    switch (k) {
    case ToolKind::Hand:
        return "hand";
    case ToolKind::Thumb:
        return "thumb";
    case ToolKind::Fingertips:
        return "fingertips";
    case ToolKind::Ball:
        return "ball";
    case ToolKind::Roller:
        return "roller";
    case ToolKind::Cup:
        return "cup";
    case ToolKind::Scraper:
        return "scraper";
    case ToolKind::Stick:
        return "stick";
    case ToolKind::Gun:
        return "percussion_gun";
    case ToolKind::Stone:
        return "stone";
    case ToolKind::Needle:
        return "needle";
    }
    return "hand";
}

ToolKind toolFor(const anatomy::Technique& technique) {
    const std::string& id = technique.id;
    if (id == "foam_roller")
        return ToolKind::Roller;
    if (id == "massage_ball")
        return ToolKind::Ball;
    if (id == "cupping")
        return ToolKind::Cup;
    if (id == "gua_sha")
        return ToolKind::Scraper;
    if (id == "massage_stick" || id == "warm_bamboo")
        return ToolKind::Stick;
    if (id == "massage_gun")
        return ToolKind::Gun;
    if (id == "hot_stone")
        return ToolKind::Stone;
    if (id == "dry_needling" || id == "trp_injection")
        return ToolKind::Needle;
    if (id == "contractual_tendon_release")
        return ToolKind::Thumb;
    if (id == "ortho_bionomy")
        return ToolKind::Fingertips;
    if (id == "trp_pressure_release" || id == "pin_and_stretch")
        return ToolKind::Thumb;
    if (id == "cross_fibre_friction" || id == "strain_counterstrain")
        return ToolKind::Fingertips;
    return ToolKind::Hand; // direct and indirect MFR, muscle energy
}

std::vector<TechniqueTarget> suitableTargets(const anatomy::Atlas& atlas, const anatomy::Technique& technique) {
    bool any = std::find(technique.targets.begin(), technique.targets.end(), "any") != technique.targets.end();
    std::vector<const anatomy::Muscle*> muscles;
    if (any) {
        for (const auto& m : atlas.muscles)
            muscles.push_back(&m);
    } else {
        for (const auto& id : technique.targets)
            if (const auto* m = atlas.muscle(id))
                muscles.push_back(m);
    }
    std::vector<TechniqueTarget> out;
    for (const auto* m : muscles) {
        out.push_back({m->id, m->id, m->name, TargetKind::Muscle});
        for (const auto* trp : atlas.triggerPointsOf(m->id)) {
            // Most trigger points have no name of their own: their Travell & Simons number stands in.
            const std::string& name = !trp->name.empty() ? trp->name : !trp->tsNumber.empty() ? trp->tsNumber : trp->id;
            std::string label = m->name + ": " + name;
            if (name != trp->id)
                label += " (" + trp->id + ")";
            out.push_back({trp->id, m->id, std::move(label), TargetKind::TriggerPoint});
        }
    }
    return out;
}

std::vector<SafetyItem> safetyChecklist(const anatomy::Atlas& atlas, const anatomy::Technique& technique) {
    std::vector<SafetyItem> items;
    bool general = std::find(technique.contraindications.begin(), technique.contraindications.end(), "general") !=
                   technique.contraindications.end();
    if (general) {
        for (const auto& f : atlas.redFlags)
            items.push_back({SafetyKind::RedFlag, f.id, f.text, f.action == "emergency"});
        for (size_t i = 0; i < atlas.localContraindications.size(); ++i)
            items.push_back({SafetyKind::Contraindication, "local-" + std::to_string(i + 1),
                             atlas.localContraindications[i], false});
    }
    for (const auto& c : technique.contraindications)
        if (c != "general")
            items.push_back({SafetyKind::Contraindication, "technique", c, false});
    for (size_t i = 0; i < technique.cautions.size(); ++i)
        items.push_back({SafetyKind::Caution, "caution-" + std::to_string(i + 1), technique.cautions[i], false});
    return items;
}

// --- player ---

void TechniquePlayer::load(int stepCount, std::vector<float> durationsS, size_t safetyItems) {
    stepCount_ = std::max(0, stepCount);
    durations_ = std::move(durationsS);
    durations_.resize(static_cast<size_t>(stepCount_), 0.0f);
    checked_.assign(safetyItems, false);
    confirmed_ = false;
    blocked_ = false;
    playing_ = false;
    finished_ = false;
    step_ = 0;
    accumulated_ = 0.0;
    resumedAt_ = clock_->now();
}

void TechniquePlayer::unload() {
    load(0, {}, 0);
}

void TechniquePlayer::setChecked(size_t item, bool checked) {
    if (item < checked_.size())
        checked_[item] = checked;
    if (!allChecked())
        confirmed_ = false; // unticking withdraws the confirmation
}

bool TechniquePlayer::allChecked() const {
    return std::all_of(checked_.begin(), checked_.end(), [](bool b) { return b; });
}

void TechniquePlayer::setBlocked(bool blocked) {
    blocked_ = blocked;
    if (blocked_) {
        pause();
        confirmed_ = false;
        step_ = 0;
        accumulated_ = 0.0;
    }
}

bool TechniquePlayer::confirmSafety() {
    if (loaded() && allChecked() && !blocked_)
        confirmed_ = true;
    return confirmed_;
}

double TechniquePlayer::rawElapsed() const {
    double e = accumulated_;
    if (playing_)
        e += (clock_->now() - resumedAt_) * speed_;
    return e;
}

double TechniquePlayer::elapsed() const {
    return std::min(rawElapsed(), duration());
}

double TechniquePlayer::duration() const {
    return step_ < static_cast<int>(durations_.size()) ? durations_[static_cast<size_t>(step_)] : 0.0;
}

float TechniquePlayer::progress() const {
    double d = duration();
    return d > 0.0 ? static_cast<float>(elapsed() / d) : (stepComplete() ? 1.0f : 0.0f);
}

bool TechniquePlayer::stepComplete() const {
    return loaded() && confirmed_ && rawElapsed() >= duration();
}

void TechniquePlayer::play() {
    if (!loaded() || !confirmed_ || playing_)
        return;
    if (finished_) { // play again from the start of the last step
        finished_ = false;
        accumulated_ = 0.0;
    }
    playing_ = true;
    resumedAt_ = clock_->now();
}

void TechniquePlayer::pause() {
    if (!playing_)
        return;
    accumulated_ = rawElapsed();
    playing_ = false;
}

void TechniquePlayer::togglePlay() {
    playing_ ? pause() : play();
}

bool TechniquePlayer::goTo(int step) {
    if (!loaded())
        return false;
    step = std::clamp(step, 0, stepCount_ - 1);
    if (step != 0 && !confirmed_)
        return false;
    step_ = step;
    accumulated_ = 0.0;
    resumedAt_ = clock_->now();
    finished_ = false;
    return true;
}

void TechniquePlayer::setSpeed(float speed) {
    speed = std::max(0.1f, speed);
    if (playing_) { // keep what was counted at the old speed
        accumulated_ = rawElapsed();
        resumedAt_ = clock_->now();
    }
    speed_ = speed;
}

bool TechniquePlayer::update() {
    if (!loaded() || !playing_ || !confirmed_)
        return false;
    bool changed = false;
    // A long frame (or a fast demo) may complete several short steps at once: carry the overshoot on.
    for (int guard = 0; guard < stepCount_ && rawElapsed() >= duration(); ++guard) {
        if (!autoAdvance_ || step_ + 1 >= stepCount_) {
            accumulated_ = duration();
            playing_ = false;
            finished_ = step_ + 1 >= stepCount_;
            return changed;
        }
        double over = rawElapsed() - duration();
        ++step_;
        changed = true;
        accumulated_ = over;
        resumedAt_ = clock_->now();
    }
    return changed;
}

std::string formatClock(double seconds) {
    int s = static_cast<int>(std::floor(std::max(0.0, seconds) + 1e-6));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", s / 60, s % 60);
    return buf;
}

} // namespace myoatlas::scene
