// Frustum culling: boxes in view pass, boxes behind the camera, beyond the far plane or off to a side do not, and
// a box straddling an edge passes.
#include "geometry/frustum.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

using namespace myoatlas::geometry;

namespace {

Aabb box(glm::vec3 c, float half) {
    Aabb b;
    b.expand(c - glm::vec3(half));
    b.expand(c + glm::vec3(half));
    return b;
}

// Eye at +Z 2 m looking at the origin, 60 degree vertical field, square, near 0.1, far 10.
Frustum camera() {
    glm::mat4 view = glm::lookAt(glm::vec3(0, 0, 2), glm::vec3(0), glm::vec3(0, 1, 0));
    glm::mat4 proj = glm::perspective(glm::radians(60.0f), 1.0f, 0.1f, 10.0f);
    return Frustum(proj * view);
}

} // namespace

TEST(Frustum, BoxesInViewPass) {
    Frustum f = camera();
    EXPECT_TRUE(f.intersects(box({0, 0, 0}, 0.1f)));
    EXPECT_TRUE(f.intersects(box({0.5f, -0.5f, -1.0f}, 0.05f)));
    EXPECT_TRUE(f.intersects(box({0, 0, 0}, 50.0f))) << "a box around the camera";
}

TEST(Frustum, BoxesOutsideAreCulled) {
    Frustum f = camera();
    EXPECT_FALSE(f.intersects(box({0, 0, 3}, 0.2f))) << "behind the eye";
    EXPECT_FALSE(f.intersects(box({0, 0, -9}, 0.2f))) << "beyond the far plane";
    // At the origin (2 m away) the view spans tan(30 deg) * 2 = 1.15 m either side.
    EXPECT_FALSE(f.intersects(box({1.5f, 0, 0}, 0.1f))) << "off to the right";
    EXPECT_FALSE(f.intersects(box({0, -1.5f, 0}, 0.1f))) << "below";
    EXPECT_TRUE(f.intersects(box({1.2f, 0, 0}, 0.1f))) << "straddles the right edge";
    EXPECT_FALSE(f.intersects(Aabb{})) << "an empty box";
}
