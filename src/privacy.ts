/**
 * The privacy bundle, `dist/samtycke-privacy.js`: the privacy policy, the cookie declaration and
 * the privacy center. The widget loads it by itself on pages that contain one of these elements
 * (or a shop adds it with its own script tag); it works with the running widget's context.
 */
import './ui/privacy-policy/samtycke-privacy-policy.js';
import './ui/cookie-declaration/samtycke-cookie-declaration.js';
import './ui/privacy-center/samtycke-privacy-center.js';
