// The registration point of the program's features.
#include "app/feature.h"

namespace myoatlas::app {

std::vector<std::unique_ptr<Feature>> makeFeatures(FeatureContext& context) {
    (void)context;
    std::vector<std::unique_ptr<Feature>> features;
    return features;
}

} // namespace myoatlas::app
