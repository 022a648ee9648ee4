#include "scene/quiz_stage.h"

#include "scene/study_view.h"

namespace myoatlas::scene {

void stageQuizQuestion(const QuizQuestion& q, const AtlasContext& context, const AppState& state, Commands& out) {
    const anatomy::Side side = q.side == "left" ? anatomy::Side::Left : anatomy::Side::Right;
    out.push(ClearSelection{});
    out.push(ClearTriggerPoints{});
    out.push(SetCaption{""});
    out.push(ShowAll{});
    out.push(ResetLayers{}); // the skin shows again for a pattern; layers are uncovered below for a muscle
    const auto& body = context.body;
    const auto box = body.skin() ? body.structures[*body.skin()].bounds : body.bounds();
    const float midZ = 0.5f * (box.min.z + box.max.z);
    // Views are camera moves: one replaces a move still running (a lesson's), which would carry the view away.
    auto face = [&](ViewName view) {
        Camera camera;
        camera.pose = state.view.camera;
        camera.setView(view, box, state.viewportAspect);
        out.push(AnimateCamera{camera.pose, 0.5f});
    };
    if (q.kind == QuizKind::TriggerPointSource) {
        out.push(ShowTriggerPoint{{q.trpId, q.side}, false});
        ViewName view = ViewName::Posterior;
        if (context.atlas && context.resolver)
            if (const auto* t = context.atlas->triggerPoint(q.trpId)) {
                auto r = context.resolver->triggerPoint(*t, side);
                if (r.ok && r.position.z > midZ)
                    view = ViewName::Anterior;
            }
        face(view);
        return;
    }
    // Highlight the muscle (selection outline).
    const auto* m = context.atlas ? context.atlas->muscle(q.muscleId) : nullptr;
    if (!m || !context.resolver)
        return;
    auto resolved = context.resolver->muscle(*m);
    auto& parts = side == anatomy::Side::Left && !resolved.left.empty() ? resolved.left : resolved.right;
    for (uint32_t s : parts)
        out.push(SelectStructure{s, true, false});
    if (parts.empty())
        return;
    // A deep muscle is uncovered (the layers over it peeled) and faced, so the highlight is what is seen.
    out.push(SetPeel{autoPeelFor(body, parts)});
    out.push(AnimateCamera{facingPose(body, parts, state.view.camera, state.viewportAspect), 0.5f});
}

} // namespace myoatlas::scene
