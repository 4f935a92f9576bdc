import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { RawJson, toNumber } from '../common/validation.pipe.js';

export class SubmitCaseDto {
  @ApiProperty({ description: "The form's answers; see the plugin's answer schema in this document" })
  @RawJson()
  @IsObject({ message: 'answers must be an object of field answers' })
  answers!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Draft to remove once the case is created' })
  @IsOptional()
  @IsUUID('all', { message: 'draftId must be a UUID' })
  draftId?: string;

  @ApiPropertyOptional({ description: 'Business keys of cases this one follows from' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(/^[A-Z]{1,6}-\d{8}-\d{1,9}$/, { each: true, message: 'Enter a case reference like BF-20261124-17' })
  linkedTo?: string[];
}

export class SaveDraftDto {
  @ApiProperty()
  @RawJson()
  @IsObject({ message: 'answers must be an object of field answers' })
  answers!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Form id; defaults to the start form' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  formId?: string;

  @ApiPropertyOptional({
    description: 'The page it was saved on (a page id, `check`, `tasks` or `hub`): where it reopens',
  })
  @IsOptional()
  @IsString({ message: 'page must be a page id' })
  @MaxLength(60)
  page?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Task-list forms: the tasks the officer marked complete (tasks without required questions)',
  })
  @IsOptional()
  @IsArray({ message: 'completedTasks must be a list of task ids' })
  @IsString({ each: true, message: 'completedTasks must be a list of task ids' })
  @MaxLength(60, { each: true })
  completedTasks?: string[];
}

export class ActionDto {
  @ApiProperty({ description: 'The case version you are acting on (optimistic locking)' })
  @Transform(toNumber)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @RawJson()
  @IsObject({ message: 'answers must be an object of field answers' })
  answers?: Record<string, unknown>;
}

export class CommentDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter a comment' })
  @Matches(/\S/, { message: 'Enter a comment' })
  @MaxLength(4000, { message: 'Comment must be 4000 characters or less' })
  body!: string;
}

export class AssignDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter the username to assign the task to' })
  @MaxLength(100)
  username!: string;
}

export class CaseListQueryDto {
  @IsOptional() @IsString() @MaxLength(60) plugin?: string;
  @IsOptional() @IsString() @MaxLength(60) state?: string;
  @IsOptional() @IsString() @MaxLength(40) businessKey?: string;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

export class TaskListQueryDto {
  @IsOptional() @IsIn(['mine', 'team']) scope?: 'mine' | 'team';
  @IsOptional() @IsString() @MaxLength(60) plugin?: string;
  @IsOptional() @IsString() @MaxLength(60) state?: string;
  @IsOptional() @IsIn(['low', 'medium', 'high', 'urgent']) priority?: 'low' | 'medium' | 'high' | 'urgent';
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() overdue?: boolean;
  @IsOptional() @IsString() @MaxLength(40) businessKey?: string;
  @IsOptional() @IsIn(['priority', 'due', 'created']) sort?: 'priority' | 'due' | 'created';
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

export class SearchQueryDto {
  @IsString() @IsNotEmpty({ message: 'Choose what to search by' }) @MaxLength(60) term!: string;
  @IsString() @IsNotEmpty({ message: 'Enter what to search for' }) @MaxLength(200) value!: string;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(500) limit?: number;
}
