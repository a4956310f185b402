/**
 * The length of a string as the Kubernetes API server measures it for `maxLength`: in Unicode
 * code points (Go runes), so a character outside the Basic Multilingual Plane counts once,
 * not as its two UTF-16 units. The precompiled Istio validator (istio-spec-validator.generated.js)
 * loads it from here instead of from ajv's runtime.
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
