#version 450 core
// Overlays: trigger point markers, line tubes, arrows and glyphs. Per-vertex colour; `inParam` is the arc length
// (metres) along a line, used to animate a flow.
layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inColor;
layout(location = 3) in float inParam;

uniform mat4 uViewProj;

out vec3 vWorld;
out vec3 vNormal;
out vec4 vColor;
out float vParam;

void main() {
    vWorld = inPosition;
    vNormal = inNormal;
    vColor = inColor;
    vParam = inParam;
    gl_Position = uViewProj * vec4(inPosition, 1.0);
}
