import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiNullableString } from '../openapi/api-schema.js';

/** What `GET /api/search` returns: cases holding one standard-term value, grouped by workflow. */

export class SearchHitView {
  @ApiProperty() id!: string;
  @ApiProperty() businessKey!: string;
  @ApiProperty() state!: string;
  @ApiDateTime() createdAt!: Date;
  @ApiNullableString() teamId!: string | null;
  @ApiProperty({ description: 'Where in the answers the value was found, e.g. `vehicle.registration`' })
  matchedPath!: string;
  @ApiProperty({ description: 'The value there, as entered' }) matchedValue!: string;
}

export class SearchGroupView {
  @ApiProperty() pluginId!: string;
  @ApiProperty() pluginTitle!: string;
  @ApiProperty({ type: () => [SearchHitView] }) cases!: SearchHitView[];
}

export class SearchResult {
  @ApiProperty({ description: 'The standard term searched, e.g. `vehicle.registration`' }) term!: string;
  @ApiProperty({ description: 'The value as asked for' }) value!: string;
  @ApiProperty({ description: 'The value as compared' }) normalised!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: () => [SearchGroupView] }) groups!: SearchGroupView[];
}
