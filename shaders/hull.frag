#version 450 core
// Distance from the eye to the nearest front face (red) and the nearest back face (green) of the body's envelope,
// kept per pixel by MIN blending: the first stretch of body the view ray crosses, from where it enters to where it
// leaves. The target is cleared to a large value; an entry with no exit (a hole in the skin) reads as no body.
uniform vec3 uEye;

in vec3 vWorld;

layout(location = 0) out vec2 outDistance;

const float kFar = 1.0e6;

void main() {
    float d = length(vWorld - uEye);
    outDistance = gl_FrontFacing ? vec2(d, kFar) : vec2(kFar, d);
}
