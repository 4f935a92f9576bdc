import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiNullableString } from '../openapi/api-schema.js';

/** A figure this month, with last month and the same month last year where it has them. */
export class DashboardFigure {
  @ApiProperty() label!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null: nothing to measure (a median of no cases)' })
  value!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Last month' }) previous?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The same month last year' })
  lastYear?: number | null;
  @ApiPropertyOptional({ enum: ['count', 'hours'], description: 'How it reads: a count (default) or hours' })
  unit?: 'count' | 'hours';
  @ApiPropertyOptional({ description: 'For a part of the headline: the headline it is a share of, this month' })
  of?: number;
}

export class DashboardChartPoint {
  @ApiProperty() label!: string;
  @ApiProperty() value!: number;
}

export class DashboardChartSeries {
  @ApiProperty() name!: string;
  @ApiProperty({ type: () => [DashboardChartPoint] }) points!: DashboardChartPoint[];
}

export class DashboardChart {
  @ApiProperty() title!: string;
  @ApiProperty() xLabel!: string;
  @ApiProperty({ type: () => [DashboardChartSeries] }) series!: DashboardChartSeries[];
}

/**
 * Shell paths: the cases behind the tile and the full report for the month; API paths of the
 * report's CSV and XLSX for the month (when its parameters can be filled in from the month).
 */
export class DashboardTileLinks {
  @ApiProperty({ description: 'Shell path of the cases behind the tile' }) cases!: string;
  @ApiPropertyOptional({ description: 'Shell path of the full report' }) report?: string;
  @ApiPropertyOptional({ description: "API path of the report's CSV for the month" }) csv?: string;
  @ApiPropertyOptional({ description: "API path of the report's XLSX for the month" }) xlsx?: string;
}

export class DashboardTile {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: () => [DashboardFigure] }) figures!: DashboardFigure[];
  @ApiPropertyOptional({ type: () => DashboardChart }) chart?: DashboardChart;
  @ApiProperty({ type: () => DashboardTileLinks }) links!: DashboardTileLinks;
}

/** What `GET /api/dashboard` answers. */
export class DashboardView {
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ example: '2026-09' }) previousMonth!: string;
  @ApiProperty({ example: '2025-10' }) lastYearMonth!: string;
  @ApiProperty({ description: "Whose figures: the manager's command, or every command for an admin" }) scope!: string;
  @ApiProperty({ type: () => [DashboardTile] }) tiles!: DashboardTile[];
}

export class DashboardCaseRow {
  @ApiProperty() caseId!: string;
  @ApiProperty() reference!: string;
  @ApiNullableString('When the case happened or was started (ISO instant)') at!: string | null;
  @ApiProperty({ description: "The state's label" }) state!: string;
  @ApiNullableString("The owning team's name") team!: string | null;
}

/** The cases behind a tile, newest first (at most 200). */
export class DashboardCases {
  @ApiProperty() tile!: string;
  @ApiProperty() title!: string;
  @ApiProperty() month!: string;
  @ApiProperty({ type: () => [DashboardCaseRow] }) cases!: DashboardCaseRow[];
  @ApiProperty({ description: 'Whether there were more than the ones listed' }) more!: boolean;
}
