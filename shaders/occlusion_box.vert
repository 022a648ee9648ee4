#version 450 core
// Occlusion test: one instance per box around a piece of a structure, drawn with no colour and no depth written.
layout(location = 0) in vec3 inBoxMin; // per instance
layout(location = 1) in vec3 inBoxMax;
layout(location = 2) in uint inSlot; // where the fragment shader marks the box as showing

uniform mat4 uViewProj;

flat out uint vSlot;

// Twelve triangles of the unit cube, corner bits x = 1, y = 2, z = 4 (both sides are drawn: winding is moot).
const int kCorners[36] = int[](0, 1, 3, 0, 3, 2, 4, 6, 7, 4, 7, 5, 0, 4, 5, 0, 5, 1,
                               2, 3, 7, 2, 7, 6, 0, 2, 6, 0, 6, 4, 1, 5, 7, 1, 7, 3);

void main() {
    int c = kCorners[gl_VertexID];
    vec3 t = vec3(float(c & 1), float((c >> 1) & 1), float((c >> 2) & 1));
    vSlot = inSlot;
    gl_Position = uViewProj * vec4(mix(inBoxMin, inBoxMax, t), 1.0);
}
