import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'core', name: 'plugin_state' })
export class PluginStateEntity {
  @PrimaryColumn({ name: 'plugin_id', type: 'text' })
  pluginId!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'installed_version', type: 'text' })
  installedVersion!: string;

  @Column({ name: 'installed_at', type: 'timestamptz', default: () => 'now()' })
  installedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy!: string | null;
}
