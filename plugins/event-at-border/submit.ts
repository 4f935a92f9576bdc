import { answerInstant } from '../../core/src/sdk/index.js';
import type { SubmitContext } from '../../core/src/sdk/index.js';
import { EventItemEntity } from './entities/event-item.entity.js';
import { EventEntity } from './entities/event.entity.js';

interface EventAnswers {
  eventDateTime: string;
  port: string;
  terminal?: string;
  transportMode: string;
  outcome: string;
  items?: { item: string; quantity: number; unit: string }[];
  concealmentMethod?: string;
  detectionMethod?: string;
  persons?: unknown[];
  vehicleRegistration?: string;
  targetReference?: string;
}

/** Writes the typed event row and one row per item seized. */
export async function recordEvent(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as unknown as EventAnswers;
  await ctx.manager.insert(EventEntity, {
    caseId: ctx.case.id,
    businessKey: ctx.case.businessKey,
    eventAt: answerInstant(a.eventDateTime),
    portId: a.port,
    terminal: a.terminal ?? null,
    teamId: ctx.case.teamId,
    transportMode: a.transportMode,
    outcome: a.outcome,
    concealmentMethod: a.concealmentMethod ?? null,
    detectionMethod: a.detectionMethod ?? null,
    personsCount: a.persons?.length ?? 0,
    vehicleRegistration: a.vehicleRegistration ?? null,
    targetReference: a.targetReference ?? null,
  });
  const items = (a.items ?? []).map((item, i) => ({
    caseId: ctx.case.id,
    line: i + 1,
    itemId: item.item,
    quantity: String(item.quantity),
    unitId: item.unit,
  }));
  if (items.length > 0) await ctx.manager.insert(EventItemEntity, items);
}
