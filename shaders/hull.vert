#version 450 core
// The body's envelope (the skin) for the far-side test of markers drawn over everything: positions only.
layout(location = 0) in vec3 inPosition;

uniform mat4 uViewProj;

out vec3 vWorld;

void main() {
    vWorld = inPosition;
    gl_Position = uViewProj * vec4(inPosition, 1.0);
}
