#version 450 core
uniform float uTime;
uniform float uFlowSpeed;     // metres per second; 0 disables the flow
uniform float uFlowWavelength; // metres between pulses

in vec3 vWorld;
in vec3 vNormal;
in vec4 vColor;
in float vParam;

#include "lighting.glsl"

layout(location = 0) out vec4 outColor;
layout(location = 1) out uint outId;

void main() {
    vec3 c = shade(vColor.rgb, normalize(vNormal), vWorld, 0.35);
    if (uFlowSpeed > 0.0) {
        // Bright bands travelling along the line: reads as tension moving through it.
        float phase = fract((vParam - uTime * uFlowSpeed) / uFlowWavelength);
        float band = smoothstep(0.0, 0.15, phase) * (1.0 - smoothstep(0.15, 0.45, phase));
        c = mix(c, vec3(1.0), band * 0.55);
    }
    outColor = vec4(c, vColor.a);
    outId = 0xFFFFFFFFu; // overlays get an id of their own so outlines separate them from the body
}
