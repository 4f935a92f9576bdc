import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A reference data row as `GET /api/reference/:set` sends it (reference-data/types.ts's ReferenceRow). */
export class ReferenceRowView {
  @ApiProperty({ description: 'An official code where one exists, otherwise kebab-case' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'ISO date (YYYY-MM-DD) from which the row may be chosen' }) validFrom!: string;
  @ApiPropertyOptional({ description: 'ISO date after which the row may no longer be chosen' }) validTo?: string;
  @ApiPropertyOptional({ type: [String], description: 'Workflow ids it is valid for; absent: every workflow' })
  flags?: string[];
  @ApiPropertyOptional({ description: 'Id of the parent row in the same set' }) parent?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: "Set-specific facts, e.g. a team's `command`",
  })
  attributes?: Record<string, string | number | boolean>;
}

export class ReferenceRowsView {
  @ApiProperty() set!: string;
  @ApiProperty({ type: () => [ReferenceRowView] }) rows!: ReferenceRowView[];
}

/** What a set is, without its rows. */
export class ReferenceSetView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Whether each workflow claims the rows it uses (docs/plugins.md, reference.uses)' })
  perWorkflow!: boolean;
}

export class ReferenceSetsView {
  @ApiProperty({ type: [String] }) sets!: string[];
  @ApiProperty({ type: () => [ReferenceSetView], description: 'The same sets with their labels, by label' })
  details!: ReferenceSetView[];
}
