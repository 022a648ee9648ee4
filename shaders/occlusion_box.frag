#version 450 core
// Occlusion test: the depth test runs before this shader, so it only runs where the box shows, and marks it.
layout(early_fragment_tests) in;

flat in uint vSlot;

layout(std430, binding = 2) buffer Shown {
    uint shown[];
};

void main() { shown[vSlot] = 1u; }
