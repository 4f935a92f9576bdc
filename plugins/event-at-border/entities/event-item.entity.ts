import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One item seized at an event (the "Items seized" group), for seizure reports. */
@Entity({ schema: 'plugin_event_at_border', name: 'event_item' })
export class EventItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_event_item_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** Position in the group, from 1. */
  @Column({ type: 'integer' })
  line!: number;

  @Column({ name: 'item_id', type: 'text' })
  itemId!: string;

  /** numeric: read back as a string to keep precision. */
  @Column({ type: 'numeric', precision: 14, scale: 3 })
  quantity!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;
}
