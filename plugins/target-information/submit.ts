import { answerInstant } from '../../core/src/sdk/index.js';
import type { SubmitContext } from '../../core/src/sdk/index.js';
import { TargetPersonEntity } from './entities/target-person.entity.js';
import { TargetSheetEntity } from './entities/target-sheet.entity.js';

interface Person {
  role: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nationality: string;
  documentType?: string;
  documentNumber?: string;
}

interface TargetAnswers {
  targetId: string;
  targetVersion: number;
  mode: string;
  issuingHub: string;
  category: string;
  port: string;
  eta: string;
  vesselName?: string;
  flightNumber?: string;
  vehicleRegistration?: string;
  trailerRegistration?: string;
  persons?: Person[];
  warnings?: string[];
  indicators: string[];
  receivingTeam: string;
}

/** Writes the target sheet version and the people named on it. */
export async function recordTargetSheet(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as unknown as TargetAnswers;
  const caseId = ctx.case.id;
  await ctx.manager.insert(TargetSheetEntity, {
    caseId,
    targetId: a.targetId,
    targetVersion: a.targetVersion,
    transportMode: a.mode,
    issuingHubId: a.issuingHub,
    category: a.category,
    portId: a.port,
    eta: answerInstant(a.eta),
    vesselName: a.vesselName ?? null,
    flightNumber: a.flightNumber ?? null,
    vehicleRegistration: a.vehicleRegistration ?? null,
    trailerRegistration: a.trailerRegistration ?? null,
    warnings: a.warnings ?? [],
    indicators: a.indicators,
    receivingTeamId: a.receivingTeam,
  });
  const persons = (a.persons ?? []).map((p, i) => ({
    caseId,
    line: i + 1,
    role: p.role,
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    nationality: p.nationality,
    documentType: p.documentType ?? null,
    documentNumber: p.documentNumber ?? null,
  }));
  if (persons.length > 0) await ctx.manager.insert(TargetPersonEntity, persons);
}
