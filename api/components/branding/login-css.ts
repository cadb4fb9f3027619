import type { PublicBranding } from './branding.service';

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
const cssString = (s: string) =>
  `"${s
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, ' ')
    .replace(/</g, '\\3c ')}"`;

/**
 * The stylesheet the Keycloak login theme (`infra/keycloak/themes/kartabl`) loads for a realm:
 * PatternFly 5 colour variables, the product title in place of the realm name, the logo above it.
 * Relative URLs resolve against this stylesheet's own address (…/public/branding/realm/<realm>/login.css).
 */
export function loginCss(b: PublicBranding): string {
  const logo = b.logoUrl ? `../../logo/${encodeURIComponent(b.agentCode)}${b.logoUrl.slice(b.logoUrl.indexOf('?'))}` : null;
  return `/* Kartabl branding of ${b.agentCode} (${b.realm}) */
:root {
  --kartabl-primary: ${b.primaryColor};
  --kartabl-accent: ${b.accentColor};
  --pf-v5-global--primary-color--100: ${b.primaryColor};
  --pf-v5-global--primary-color--200: ${b.primaryColor};
  --pf-v5-global--link--Color: ${b.primaryColor};
  --pf-v5-global--link--Color--hover: ${b.primaryColor};
  --pf-v5-global--active-color--100: ${b.primaryColor};
}
.pf-v5-c-button.pf-m-primary {
  --pf-v5-c-button--m-primary--BackgroundColor: ${b.primaryColor};
  --pf-v5-c-button--m-primary--hover--BackgroundColor: ${b.primaryColor};
  --pf-v5-c-button--m-primary--focus--BackgroundColor: ${b.primaryColor};
  --pf-v5-c-button--m-primary--active--BackgroundColor: ${b.primaryColor};
  background-color: ${b.primaryColor};
}
.pf-v5-c-button.pf-m-primary:hover { filter: brightness(0.92); }
.pf-v5-c-form-control:focus-within { --pf-v5-c-form-control--after--BorderBottomColor: ${b.primaryColor}; }
.pf-v5-c-login, body { background: ${b.accentColor}; }
.pf-v5-c-login__main { border-top: 6px solid ${b.primaryColor}; }
#kc-header { color: #fff; }
#kc-header-wrapper { font-size: 0 !important; color: #fff; text-align: center; }
#kc-header-wrapper > * { display: none !important; }
#kc-header-wrapper::before {
  content: ${cssString(b.titleFa)};
  display: block;
  font-size: 1.75rem;
  font-weight: 700;
  line-height: 1.4;
  letter-spacing: normal;
  text-transform: none;
}
html:not([lang|='fa']) #kc-header-wrapper::before { content: ${cssString(b.titleEn)}; }
${
  logo
    ? `#kc-header::before {
  content: '';
  display: block;
  height: 72px;
  margin: 0 auto 0.75rem;
  background: url(${cssString(logo)}) center / contain no-repeat;
}
`
    : ''
}`;
}
