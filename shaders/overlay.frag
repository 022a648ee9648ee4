#version 450 core
uniform float uTime;
uniform float uFlowSpeed;     // metres per second; 0 disables the flow
uniform float uFlowWavelength; // metres between pulses
uniform int uGhost;            // 1: what lies in the far half of the body is drawn faint (seen through it)
uniform sampler2D uHull;       // hull.frag's entry and exit distances of the body's envelope
uniform float uHullScale;      // hull texels per framebuffer pixel

in vec3 vWorld;
in vec3 vNormal;
in vec4 vColor;
in float vParam;

#include "lighting.glsl"

layout(location = 0) out vec4 outColor;
layout(location = 1) out uvec2 outId; // id, depth bits: see composite.frag

// 0 on the near side of the body, rising to 1 past the middle of the first stretch of body the view ray crosses
// (the far side, or behind that body part altogether).
float farSide() {
    if (uGhost == 0)
        return 0.0;
    vec2 hull = texelFetch(uHull, ivec2(gl_FragCoord.xy * uHullScale), 0).rg;
    if (hull.x >= 1.0e5 || hull.y >= 1.0e5 || hull.y <= hull.x)
        return 0.0; // outside the body, or through a gap in its envelope
    float t = (length(vWorld - uEye) - hull.x) / (hull.y - hull.x);
    return smoothstep(0.45, 0.65, t);
}

void main() {
    vec3 c = shade(vColor.rgb, normalize(vNormal), vWorld, 0.35);
    if (uFlowSpeed > 0.0) {
        // Bright bands travelling along the line: reads as tension moving through it.
        float phase = fract((vParam - uTime * uFlowSpeed) / uFlowWavelength);
        float band = smoothstep(0.0, 0.15, phase) * (1.0 - smoothstep(0.15, 0.45, phase));
        c = mix(c, vec3(1.0), band * 0.55);
    }
    // Far-side markers stay findable but read as behind the body: faint and greyed.
    float far = farSide();
    c = mix(c, vec3(dot(c, vec3(0.3, 0.5, 0.2))), far * 0.6);
    outColor = vec4(c, mix(vColor.a, 0.3 * vColor.a, far));
    outId = uvec2(0x7FFFFFFFu, floatBitsToUint(gl_FragCoord.z)); // overlays get an id of their own so outlines separate them from the body (never selected)
}
