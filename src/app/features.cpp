// The registration point of the program's features.
#include "app/feature.h"
#include "app/heat_feature.h"
#include "app/lesson_feature.h"
#include "app/line_feature.h"
#include "app/patient_feature.h"
#include "app/quiz_feature.h"
#include "app/study_feature.h"
#include "app/technique_feature.h"

namespace myoatlas::app {

std::vector<std::unique_ptr<Feature>> makeFeatures(FeatureContext& context) {
    std::vector<std::unique_ptr<Feature>> features;
    auto heat = std::make_unique<HeatFeature>(context);
    HeatFeature* heatFeature = heat.get();
    // Patient mode first, so its "it hurts here" clicks win; it reads the heat feature's reverse lookup.
    features.push_back(std::make_unique<PatientFeature>(
        context, [heatFeature]() { return heatFeature->busy() ? nullptr : &heatFeature->suspects(); }));
    features.push_back(std::make_unique<LineFeature>(context));
    features.push_back(std::move(heat));
    features.push_back(std::make_unique<TechniqueFeature>(context));
    // Lessons and the quiz.
    features.push_back(std::make_unique<LessonFeature>(context));
    features.push_back(std::make_unique<QuizFeature>(context));
    features.push_back(std::make_unique<StudyFeature>(context));
    return features;
}

} // namespace myoatlas::app
