#include "scene/heat_session.h"

#include "core/error.h"
#include "core/log.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>

namespace myoatlas::scene {
namespace {

std::string keyOf(const TriggerPointRef& ref) {
    return ref.id + "/" + ref.side;
}

anatomy::Side sideOf(const std::string& side) {
    return side == "left" ? anatomy::Side::Left : anatomy::Side::Right;
}

} // namespace

HeatSession::Entry* HeatSession::entryFor(const TriggerPointRef& ref) {
    auto [it, inserted] = entries_.try_emplace(keyOf(ref));
    Entry& e = it->second;
    if (inserted) {
        try {
            e.referral = skin_.referral(ref.id, sideOf(ref.side));
        } catch (const core::Error& err) {
            e.error = err.what();
            core::logWarn("heat map of " + keyOf(ref) + ": " + e.error);
        }
    }
    return &e;
}

const anatomy::ResolvedReferral* HeatSession::referral(const TriggerPointRef& ref) const {
    auto it = entries_.find(keyOf(ref));
    return it == entries_.end() || !it->second.error.empty() ? nullptr : &it->second.referral;
}

const HeatField* HeatSession::field(const TriggerPointRef& ref) const {
    auto it = entries_.find(keyOf(ref));
    return it == entries_.end() ? nullptr : it->second.field.get();
}

void HeatSession::launchBuilds() {
    if (!skin_.ready())
        return;
    const geometry::GeodesicSolver* solver = &skin_.solver();
    for (auto& [key, e] : entries_) {
        if (e.launched || !e.error.empty())
            continue;
        e.launched = true;
        e.pending = std::async(std::launch::async, [solver, referral = e.referral] {
            return std::make_unique<HeatField>(*solver, referral);
        });
    }
}

void HeatSession::pollBuilds(bool wait) {
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
            bool shown = std::any_of(shown_.begin(), shown_.end(),
                                     [&](const TriggerPointRef& r) { return keyOf(r) == kv.first; });
            return !shown && !kv.second.pending.valid();
        });
}

void HeatSession::finishPending() {
    if (!skin_.available())
        return;
    if (!entries_.empty() || !rankedPain_.empty() || painDirty_)
        (void)skin_.solver();
    launchBuilds();
    pollBuilds(true);
    if (ranking_.valid()) {
        suspects_ = ranking_.get();
        rankingPending_ = painDirty_;
    }
}

bool HeatSession::busy() const {
    if (!skin_.available())
        return false;
    bool wantSolver = !shown_.empty() || !rankedPain_.empty();
    if (wantSolver && !skin_.ready())
        return true;
    for (const auto& [key, e] : entries_)
        if (e.pending.valid() || (!e.launched && e.error.empty()))
            return true;
    return rankingPending_;
}

void HeatSession::updateSuspects(const std::vector<glm::vec3>& pain, bool wait) {
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
    if (!wait && !skin_.ready())
        return;
    const geometry::GeodesicSolver* solver = &skin_.solver();
    const std::vector<anatomy::ResolvedReferral>* referrals = &skin_.allReferrals(); // resolved once, kept
    ranking_ = std::async(std::launch::async, [solver, referrals, points = rankedPain_] {
        SuspectOptions options;
        options.maxResults = 20;
        return rankSuspects(*solver, points, *referrals, HeatFieldOptions{}, options);
    });
    painDirty_ = false;
    rankingPending_ = true;
    if (wait) {
        suspects_ = ranking_.get();
        rankingPending_ = false;
    }
}

void HeatSession::restart(double t) {
    for (const auto& ref : shown_)
        if (auto it = entries_.find(keyOf(ref)); it != entries_.end()) {
            it->second.start = clock_ - t;
            it->second.settled = false;
        }
}

void HeatSession::replay() {
    restart(0.0);
}

void HeatSession::update(const std::vector<TriggerPointRef>& shown, const std::vector<glm::vec3>& painPoints,
                         float heatTime, double dt, float speed, bool first) {
    if (!skin_.available())
        return;
    const bool live = heatTime < 0.0f;
    if (shown != shown_) {
        for (const auto& ref : shown) {
            if (std::find(shown_.begin(), shown_.end(), ref) != shown_.end())
                continue;
            Entry* e = entryFor(ref);
            e->start = clock_;
            e->settled = first; // shown from the start (a headless render): the settled pattern, no travel
        }
        shown_ = shown;
    }
    if (live && !wasLive_)
        restart(shownTime_); // play after a pause or a scrub: carry on from the time shown
    if (live)
        clock_ += dt * std::clamp(speed, 0.05f, 10.0f);
    wasLive_ = live;

    // A headless frame (everything shown from the first update) must show everything: wait for it.
    const bool block = first && (!shown.empty() || !painPoints.empty());
    if (block)
        (void)skin_.solver();
    launchBuilds();
    pollBuilds(block);
    updateSuspects(painPoints, block);
    evaluate(heatTime);
}

void HeatSession::evaluate(float heatTime) {
    const bool live = heatTime < 0.0f;
    std::vector<const Entry*> ready;
    for (const auto& ref : shown_)
        if (auto it = entries_.find(keyOf(ref)); it != entries_.end() && it->second.field)
            ready.push_back(&it->second);
    travelling_ = false;
    if (ready.empty()) {
        shownTime_ = live ? 0.0f : heatTime;
        if (heatShown_) {
            heatShown_ = false;
            values_.clear();
            ++version_;
        }
        return;
    }
    timeRange_ = 0.0f;
    for (const Entry* e : ready)
        timeRange_ = std::max(timeRange_, e->field->settleSeconds() + 2.0f / e->field->options().pulseHz);
    const Entry* latest = ready.back();
    if (!live)
        shownTime_ = heatTime;
    else if (latest->settled)
        shownTime_ = latest->field->settleSeconds();
    else
        shownTime_ = static_cast<float>(clock_ - latest->start);

    for (const Entry* e : ready)
        travelling_ = travelling_ || (live && !e->settled);
    // A still picture changes only with what is shown and the time.
    std::string key = std::to_string(ready.size());
    key.append(live ? "L" : "F").append(live ? std::string() : std::to_string(heatTime));
    for (const Entry* e : ready)
        key += e->field->trpId() + e->field->side() + (e->settled ? "s" : "");
    if (!travelling_ && heatShown_ && key == lastEvalKey_)
        return;
    lastEvalKey_ = key;

    values_.assign(ready.front()->field->vertexCount(), 0.0f);
    for (const Entry* e : ready) {
        std::span<const float> one;
        if (!live) {
            e->field->evaluate(heatTime, scratch_);
            one = scratch_;
        } else if (e->settled) {
            one = e->field->steady();
        } else {
            e->field->evaluate(static_cast<float>(clock_ - e->start), scratch_);
            one = scratch_;
        }
        for (size_t v = 0; v < values_.size() && v < one.size(); ++v)
            values_[v] = std::max(values_[v], one[v]);
    }
    const bool still = !live || latest->settled;
    const float pulseHz = latest->field->options().pulseHz;
    pulse_ = still ? 1.0f : 0.5f + 0.5f * std::cos(2.0f * std::numbers::pi_v<float> * pulseHz * shownTime_);
    heatShown_ = true;
    ++version_;
}

} // namespace myoatlas::scene
