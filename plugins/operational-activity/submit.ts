import { answerInstant } from '../../core/src/sdk/index.js';
import type { SubmitContext } from '../../core/src/sdk/index.js';
import { ActivityReportEntity } from './entities/activity-report.entity.js';
import {
  ActivityMinutesEntity,
  DetectionsByCategoryEntity,
  StaffByGradeEntity,
} from './entities/report-lines.entity.js';

interface ReportAnswers {
  shiftStart: string;
  shiftEnd: string;
  location: string;
  team: string;
  shiftMinutes: number;
  staffByGrade: { grade: string; count: number }[];
  activities: { mode: string; activity: string; minutes: number }[];
  detections?: { category: string; positive: number; negative: number }[];
}

/** Writes the report and its staff, activity and detection lines. */
export async function recordActivityReport(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as unknown as ReportAnswers;
  const caseId = ctx.case.id;
  await ctx.manager.insert(ActivityReportEntity, {
    caseId,
    shiftStart: answerInstant(a.shiftStart),
    shiftEnd: answerInstant(a.shiftEnd),
    shiftMinutes: a.shiftMinutes,
    portId: a.location,
    teamId: a.team,
    staffTotal: a.staffByGrade.reduce((sum, s) => sum + s.count, 0),
  });
  await ctx.manager.insert(
    StaffByGradeEntity,
    a.staffByGrade.map((s) => ({ caseId, gradeId: s.grade, staffCount: s.count })),
  );
  await ctx.manager.insert(
    ActivityMinutesEntity,
    a.activities.map((x) => ({ caseId, transportMode: x.mode, activity: x.activity, minutes: x.minutes })),
  );
  const detections = (a.detections ?? []).map((d) => ({
    caseId,
    targetCategory: d.category,
    positiveCount: d.positive,
    negativeCount: d.negative,
  }));
  if (detections.length > 0) await ctx.manager.insert(DetectionsByCategoryEntity, detections);
}
