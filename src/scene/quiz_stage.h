#pragma once
// What a quiz question shows on the body: a clean view, then the pattern (which muscle refers pain here?) or the
// highlighted muscle, uncovered and faced (name the muscle, which line?).
#include "scene/app_state.h"
#include "scene/atlas_context.h"
#include "scene/commands.h"
#include "scene/quiz.h"

namespace myoatlas::scene {

void stageQuizQuestion(const QuizQuestion& q, const AtlasContext& context, const AppState& state, Commands& out);

} // namespace myoatlas::scene
