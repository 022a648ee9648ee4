#version 450 core
// Variants: OPAQUE writes colour and the structure id (outlines, picking); OIT writes weighted blended
// order-independent transparency (McGuire & Bavoil 2013) accumulation and revealage.
struct StructureInfo {
    vec4 color;  // rgb base colour, a = opacity
    vec4 params; // x = selected, y = hovered, z = heat enabled, w = dimmed
    vec4 material; // fascia: xyz = fibre direction template, w = kind (0 none); see fascia.glsl
};
layout(std430, binding = 0) readonly buffer Structures { StructureInfo structures[]; };

uniform sampler2D uHeatRamp; // 1D ramp stored as a 256x1 texture: heat 0..1 -> colour, alpha = coverage
uniform float uHeatPulse;    // 0..1 shimmer phase for the animated heat

in vec3 vWorld;
in vec3 vNormal;
in float vScalar;
flat in uint vStructure;

#include "lighting.glsl"
#include "fascia.glsl"

#ifdef OPAQUE
layout(location = 0) out vec4 outColor;
layout(location = 1) out uvec2 outId; // id, depth bits: see composite.frag
#else
layout(location = 0) out vec4 outAccum;
layout(location = 1) out float outReveal;
#endif

void main() {
    StructureInfo info = structures[vStructure];
    vec3 base = info.color.rgb;
    float alpha = info.color.a;
    if (info.params.w > 0.5)
        base = mix(base, vec3(0.55), 0.65); // dimmed context while something else is featured
    if (info.params.x > 0.5)
        base = mix(base, vec3(1.0, 0.85, 0.25), 0.45); // selection: warm gold
    else if (info.params.y > 0.5)
        base = mix(base, vec3(0.55, 0.85, 1.0), 0.30); // hover: light blue
    vec3 n = normalize(vNormal);
    vec3 c = shade(base, n, vWorld, info.params.x > 0.5 ? 0.5 : 0.22);
    if (info.material.w > 0.5) {
        c = fasciaShade(c, n, vWorld, info.material);
#ifndef OPAQUE
        alpha = fasciaAlpha(alpha, n, vWorld, info.material);
#endif
    }
    if (info.params.z > 0.5 && vScalar > 0.002) {
        vec4 heat = texture(uHeatRamp, vec2(clamp(vScalar, 0.0, 1.0), 0.5));
        float glow = heat.a * (0.85 + 0.15 * uHeatPulse);
        c = mix(c, heat.rgb, glow);
        alpha = max(alpha, 0.92 * heat.a);
    }
#ifdef OPAQUE
    outColor = vec4(c, 1.0);
    // The top bit marks the selection, so that the composite finds its outline in the id target alone.
    outId = uvec2((vStructure + 1u) | (info.params.x > 0.5 ? 0x80000000u : 0u), floatBitsToUint(gl_FragCoord.z));
#else
    // Weight favours near, opaque fragments (McGuire & Bavoil, eq. 9, with depth from gl_FragCoord.z).
    float z = gl_FragCoord.z;
    float w = clamp(pow(min(1.0, alpha * 10.0) + 0.01, 3.0) * 1e8 * pow(1.0 - z * 0.9, 3.0), 1e-2, 3e3);
    outAccum = vec4(c * alpha, alpha) * w;
    outReveal = alpha;
#endif
}
