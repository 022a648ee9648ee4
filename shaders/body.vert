#version 450 core
// Body structures: one big vertex buffer, one multi-draw per pass. Per-structure colour and state come from an
// SSBO indexed by the structure id baked into each vertex.
layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in uint inStructure;
layout(location = 3) in float inScalar; // heat on the skin (0 elsewhere)

uniform mat4 uViewProj;

out vec3 vWorld;
out vec3 vNormal;
out float vScalar;
flat out uint vStructure;

void main() {
    vWorld = inPosition;
    vNormal = inNormal;
    vScalar = inScalar;
    vStructure = inStructure;
    gl_Position = uViewProj * vec4(inPosition, 1.0);
}
