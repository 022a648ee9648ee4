#pragma once
// Release techniques on the body, GL-free: which targets suit a technique, every step resolved on this
// body (contact on the skin over the target, tool placement, pressure direction and level, stroke paths across or
// along the fibres, stretch direction, a framing box), the endangerment sites near the target, the safety
// checklist, and a player that steps through the technique on an injected clock with a real-time hold timer.
#include "anatomy/atlas.h"
#include "anatomy/body.h"
#include "anatomy/contact_safety.h"
#include "anatomy/landmark_resolver.h"
#include "core/clock.h"
#include "geometry/bvh.h"
#include "geometry/glyphs.h"
#include "geometry/mesh.h"
#include "geometry/muscle_axis.h"
#include "scene/camera.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myoatlas::scene {

enum class StrokeKind : uint8_t { None, Static, Glide, AcrossFibres, AlongFibres, Scrape };
[[nodiscard]] std::string_view strokeKindName(StrokeKind k); // "", "static", "glide", "across_fibres", ...
[[nodiscard]] StrokeKind parseStrokeKind(std::string_view name);

// The hand or tool drawn at the contact (one glyph per kind).
using ToolKind = geometry::GlyphKind;
[[nodiscard]] std::string_view toolKindName(ToolKind k);
[[nodiscard]] ToolKind toolFor(const anatomy::Technique& technique);

enum class TargetKind : uint8_t { Muscle, TriggerPoint };

// One entry of the target list a technique offers.
struct TechniqueTarget {
    std::string id;     // muscle id or trigger point id
    std::string muscle; // the muscle (the trigger point's muscle)
    std::string label;  // "Infraspinatus", "Upper trapezius (...): TrP1 (TRAPU-TP1)" or "Infraspinatus: INFRA-TP1"
    TargetKind kind = TargetKind::Muscle;
};

// The suitable targets: the technique's muscles (or every muscle for "any") and their trigger points.
[[nodiscard]] std::vector<TechniqueTarget> suitableTargets(const anatomy::Atlas& atlas,
                                                           const anatomy::Technique& technique);

enum class SafetyKind : uint8_t { RedFlag, Contraindication, Caution };
struct SafetyItem {
    SafetyKind kind = SafetyKind::RedFlag;
    std::string id; // red flag id, or "local-N" / "caution-N"
    std::string text;
    bool emergency = false; // red flag whose action is emergency
};
// What the user confirms before the first step: red flags absent, no local contraindication at the site, the
// technique's cautions read.
[[nodiscard]] std::vector<SafetyItem> safetyChecklist(const anatomy::Atlas& atlas, const anatomy::Technique& technique);

struct ResolvedTechniqueStep {
    int index = 0;
    std::string text, patientText, feelFor, stretchText;
    int pressureLevel = 0; // 0: none given, 1..4
    StrokeKind stroke = StrokeKind::None;
    float durationS = 0.0f;
    bool hands = false;                   // the hand or tool is on the body in this step
    glm::vec3 contact{0.0f};              // on the skin
    glm::vec3 normal{0.0f, 0.0f, 1.0f};   // outward skin normal at the contact
    glm::vec3 pressureDir{0.0f};          // unit, into the tissue; zero when the step has no pressure
    float contactRadius = 0.0f;           // metres: the contact area
    glm::vec3 toolAxis{1.0f, 0.0f, 0.0f}; // unit, tangent to the skin: the tool's length / the stroke direction
    std::vector<glm::vec3> strokePath;    // on the skin (offset 2 mm outward), in stroke order; empty: none
    bool reciprocating = false;           // back and forth (friction)
    bool hasStretch = false;
    bool lengthen = true;                         // lengthening (else shortening) of the muscle
    glm::vec3 stretchDir{0.0f};                   // unit, along the fibres
    glm::vec3 stretchFrom{0.0f}, stretchTo{0.0f}; // a double arrow over the muscle
};

struct EndangermentNear {
    std::string id, name, structuresAtRisk, note;
    anatomy::Side side = anatomy::Side::Midline;
    float distanceMm = 0.0f; // from the contact to the zone's edge (negative: inside)
    bool containsTarget = false;
    std::vector<anatomy::ResolvedZone> zones;
};

struct TechniqueVariantName {
    std::string id, name;
};

struct ResolvedTechnique {
    std::string techniqueId, techniqueName, targetId, targetLabel, muscleId, muscleName;
    std::string variantId, variantName, variantNote; // the variant played; empty: the standard sequence
    TargetKind kind = TargetKind::Muscle;
    anatomy::Side side = anatomy::Side::Right;
    ToolKind tool = ToolKind::Hand;
    glm::vec3 targetPoint{0.0f}; // on the muscle (trigger point or the belly point under the contact)
    glm::vec3 contact{0.0f};     // on the skin over it
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    glm::vec3 fibreDir{0.0f, 1.0f, 0.0f}; // in the skin's tangent plane at the contact
    glm::vec3 crossDir{1.0f, 0.0f, 0.0f}; // normal x fibreDir: across the fibres
    float depthMm = 0.0f;                 // contact to target point
    std::vector<std::string> overlying;   // other muscles the pressure passes through on its way to the target
    float muscleLengthM = 0.0f;
    std::vector<uint32_t> targetStructures;
    std::vector<ResolvedTechniqueStep> steps;
    std::vector<SafetyItem> safety;
    std::vector<std::string> precautions;
    std::vector<EndangermentNear> endangerment; // nearest first
    std::string warning;                        // non-empty when the target lies in an endangerment site
    anatomy::ContactVerdict verdict;            // the site rule (contact_safety.h): blocked stops the stepper
    std::vector<anatomy::ContactKind> contactKinds;
    bool informationOnly = false; // needling, injection: what a practitioner does, never a step to try
    // Needle techniques: the first bone or cartilage (over the chest wall a rib or costal cartilage, the pleura just
    // deep to it) met straight in from the contact along the inward normal, in mm; negative when none lies within
    // 8 cm (over the chest: an intercostal space, with nothing between the muscle and the pleura).
    float boneDepthMm = -1.0f;
    geometry::Aabb frame;                       // what the camera frames
    std::vector<TechniqueVariantName> variants; // every variant the technique offers
    std::vector<std::string> dosage;            // "per_site: ..." lines
};

// A camera pose looking at the contact from outside the skin (along its normal, kept off the poles), fitting the
// framing box: how the program frames a technique's target.
[[nodiscard]] CameraPose framingPose(const ResolvedTechnique& r, float aspect, float fovY = 0.6f);

// Resolves techniques on one body. Caches the skin BVH, muscle BVHs, centrelines and endangerment zones; one per
// (atlas, body) pair, like anatomy::AtlasResolver.
class TechniqueResolver {
public:
    TechniqueResolver(const anatomy::Atlas& atlas, const anatomy::Body& body, anatomy::AtlasResolver& resolver);
    ~TechniqueResolver();
    TechniqueResolver(const TechniqueResolver&) = delete;
    TechniqueResolver& operator=(const TechniqueResolver&) = delete;

    // The technique's steps (or those of one of its variants; empty: the standard sequence) on this body.
    // Throws core::UsageError for an unknown technique or variant, a target it does not suit, or a side that is
    // not left or right; core::DataError when the target does not resolve on this body.
    [[nodiscard]] ResolvedTechnique resolve(std::string_view techniqueId, std::string_view targetId, anatomy::Side side,
                                            std::string_view variantId = {});

    // Outward unit normal of the skin at (near) p, and the nearest skin point.
    [[nodiscard]] geometry::ClosestPoint nearestSkin(const glm::vec3& p) const;
    [[nodiscard]] glm::vec3 skinNormal(const geometry::ClosestPoint& cp) const;
    [[nodiscard]] const geometry::MuscleCentreline& centreline(const std::string& muscleId, anatomy::Side side);
    [[nodiscard]] const anatomy::Body& body() const { return body_; }

private:
    struct MuscleData;
    MuscleData& muscleData(const anatomy::Muscle& m, anatomy::Side side);
    const std::vector<anatomy::ResolvedEndangermentSite>& endangermentSites(anatomy::Side side);
    // Over a trigger point target, or (muscle targets) over the belly near the muscle's trigger points `muscleTrps`.
    void placeContact(ResolvedTechnique& r, MuscleData& md, const std::optional<glm::vec3>& trp,
                      const std::vector<glm::vec3>& muscleTrps);
    std::vector<glm::vec3> strokeOnSkin(const ResolvedTechnique& r, MuscleData& md, StrokeKind kind) const;
    // Muscles other than `target` crossed by the ray within tMax, nearest first.
    std::vector<uint32_t> overlying(const geometry::Ray& ray, float tMax, const std::vector<uint32_t>& target);
    // Sites within 10 cm of the contact; one closer than `reach` (the contact area's radius) is under the contact.
    std::vector<EndangermentNear> endangermentNear(const anatomy::Technique& t, const glm::vec3& contact,
                                                   anatomy::Side side, float reach);

    const anatomy::Atlas& atlas_;
    const anatomy::Body& body_;
    anatomy::AtlasResolver& resolver_;
    std::optional<uint32_t> skin_;
    geometry::Bvh skinBvh_;
    std::map<std::pair<std::string, int>, std::unique_ptr<MuscleData>> muscles_;
    std::map<int, std::vector<anatomy::ResolvedEndangermentSite>> sites_;
    geometry::Bvh muscleBvh_; // every muscle structure, built on first use
    geometry::Bvh boneBvh_;   // every bone, built on first use (needle techniques)
    std::vector<uint32_t> muscleIndex_;
};

// Steps through a resolved technique on an injected clock. The timer counts the real hold time of the current step
// (a 90 s hold completes after 90 s at speed 1; speed 10 is a demo that counts ten seconds of hold per second).
// Nothing runs until the safety checklist is confirmed.
class TechniquePlayer {
public:
    explicit TechniquePlayer(const core::Clock& clock) : clock_(&clock) {}
    void setClock(const core::Clock& clock) { clock_ = &clock; }

    // A new technique: step 0, paused, checklist unconfirmed (all items unchecked).
    void load(int stepCount, std::vector<float> durationsS, size_t safetyItems);
    void unload();
    [[nodiscard]] bool loaded() const { return stepCount_ > 0; }

    // A technique the site rule forbids at the chosen target: nothing can be confirmed, played or stepped.
    void setBlocked(bool blocked);
    [[nodiscard]] bool blocked() const { return blocked_; }

    void setChecked(size_t item, bool checked);
    [[nodiscard]] bool checked(size_t item) const { return item < checked_.size() && checked_[item]; }
    [[nodiscard]] bool allChecked() const;
    // Confirms when every item is checked; returns whether the checklist is now confirmed.
    bool confirmSafety();
    [[nodiscard]] bool safetyConfirmed() const { return confirmed_; }

    void play();
    void pause();
    void togglePlay();
    [[nodiscard]] bool playing() const { return playing_; }
    // Moves to a step (clamped); the timer restarts. Refused (false) before the checklist is confirmed, except
    // for step 0.
    bool goTo(int step);
    bool next() { return goTo(step_ + 1); }
    bool previous() { return goTo(step_ - 1); }
    [[nodiscard]] int step() const { return step_; }
    [[nodiscard]] int stepCount() const { return stepCount_; }

    // Demo speed factor (>= 0.1). 1 counts real time.
    void setSpeed(float speed);
    [[nodiscard]] float speed() const { return speed_; }
    void setAutoAdvance(bool on) { autoAdvance_ = on; }

    // Seconds of hold counted in the current step (speed applied), capped at the step's duration.
    [[nodiscard]] double elapsed() const;
    [[nodiscard]] double duration() const;
    [[nodiscard]] float progress() const;
    [[nodiscard]] bool stepComplete() const;
    [[nodiscard]] bool finished() const { return finished_; }
    // Advances the state to the clock: completes a step, moves on when auto-advance is on, stops after the last.
    // Returns true when the step changed.
    bool update();

private:
    [[nodiscard]] double rawElapsed() const;
    const core::Clock* clock_;
    int stepCount_ = 0, step_ = 0;
    std::vector<float> durations_;
    std::vector<bool> checked_;
    bool confirmed_ = false, playing_ = false, finished_ = false, autoAdvance_ = true, blocked_ = false;
    float speed_ = 1.0f;
    double accumulated_ = 0.0; // counted seconds before the last resume
    double resumedAt_ = 0.0;   // clock time of the last resume (valid while playing)
};

// "mm:ss".
[[nodiscard]] std::string formatClock(double seconds);

} // namespace myoatlas::scene
