import type { FastifyInstance } from 'fastify';
import { httpDuration, httpRequests } from './instruments.js';
import type { MetricsCollector } from './metrics.collector.js';

/**
 * Counts and times every request by its route template (`/api/cases/:id`, never the id itself,
 * so the label set stays small) and serves `/metrics` on the API port to a caller with the
 * METRICS_TOKEN bearer token (401 otherwise). Without a token configured it answers 404.
 */
export function installMetricsHttp(fastify: FastifyInstance, collector: MetricsCollector): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    if (route === '/metrics') return;
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
  fastify.get('/metrics', async (request, reply) => {
    if (!collector.tokenConfigured) return reply.status(404).send({ statusCode: 404, message: 'Not found' });
    if (!collector.authorised(request.headers.authorization))
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({ statusCode: 401, message: 'The metrics need the METRICS_TOKEN bearer token' });
    const { contentType, body } = await collector.text();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
