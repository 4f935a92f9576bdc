import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiNullableDateTime, ApiNullableString } from '../openapi/api-schema.js';

/** A notification as the inbox and the live stream send it (NotificationsRepository's record). */
export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ description: 'What it is about, e.g. `cerberus.target`, `task.assigned`' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiNullableString() caseId!: string | null;
  @ApiProperty() urgent!: boolean;
  @ApiDateTime() createdAt!: Date;
  @ApiNullableDateTime('Null while unread') readAt!: Date | null;
}

/** The inbox: newest first, with the unread count. */
export class InboxView {
  @ApiProperty({ type: () => [NotificationView] }) notifications!: NotificationView[];
  @ApiProperty() unread!: number;
}
