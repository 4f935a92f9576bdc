import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The API's policy: JSON, PDFs and streams never run anything, load anything or sit in a frame.
 * The shell and the API description replace it with their own (below).
 */
const API_DIRECTIVES = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI (`/api/docs`) is a page Nest generates with inline styles; its scripts are files.
 * Its policy allows those styles but no inline script.
 */
const DOCS_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Browser features the shell never asks for; a page that tries is refused. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

/** A year, with subdomains: sent only on answers that went out over TLS. */
const HSTS = 'max-age=31536000; includeSubDomains';

const DOCS_PATH = /^\/api\/docs(?:[/?]|$)/;

/**
 * The shell's service worker (frontend/src/sw.js) is sent without a Content-Security-Policy: a
 * policy on a worker script governs only the worker's own requests (same-origin fetches of the
 * shell and the API), and with the API's `default-src 'none'`, or even `default-src 'self'`,
 * Chromium broke the offline drafts flow (test/browser/phone.browser.spec.ts). The pages it
 * serves keep theirs.
 */
const SERVICE_WORKER_PATH = /^\/sw\.js(?:\?|$)/;

/**
 * Security headers on every answer (docs/operations.md, "Security headers"): helmet's
 * X-Content-Type-Options, X-Frame-Options, Referrer-Policy, cross-origin policies and a strict
 * Content-Security-Policy, plus Permissions-Policy, and Strict-Transport-Security when the
 * request came over TLS (directly, or `X-Forwarded-Proto: https` from the load balancer).
 */
export async function installSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: API_DIRECTIVES },
    // Sent only over TLS, below: on plain HTTP (a development machine) it would be ignored at
    // best, and a browser that kept it would refuse the plain-HTTP site afterwards.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // The shell loads only its own origin's files; nothing needs cross-origin isolation.
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (DOCS_PATH.test(request.url)) reply.raw.setHeader('content-security-policy', DOCS_POLICY);
    else if (SERVICE_WORKER_PATH.test(request.url)) reply.raw.removeHeader('content-security-policy');
  });
}

/**
 * The shell's policy for one page: its scripts and styles are files from this origin; the
 * styles Angular adds at run time (component styles) carry the page's nonce (`ngCspNonce` on the
 * root element). No inline script, no `eval`, no inline style attribute. `connect` also allows
 * the OpenID Connect issuer's origin, whose token endpoint the shell calls.
 */
export function shellPolicy(nonce: string, connectOrigins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectOrigins].join(' ')}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self'",
  ].join('; ');
}

/** Sends the shell's page with a fresh nonce, matched by its Content-Security-Policy. */
export function sendShellPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { html: string; connectOrigins: string[] },
  nonce: string,
): FastifyReply {
  reply.raw.setHeader('content-security-policy', shellPolicy(nonce, page.connectOrigins));
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(page.html.replace('<cop-root', `<cop-root ngCspNonce="${nonce}"`));
}
