import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The shape of a plugin's read model that is built, so a changed shape is rebuilt once. */
@Entity({ schema: 'core', name: 'read_model' })
export class ReadModelEntity {
  @PrimaryColumn({ name: 'plugin_id', type: 'text' })
  pluginId!: string;

  @Column({ name: 'shape_hash', type: 'text' })
  shapeHash!: string;

  @Column({ name: 'built_at', type: 'timestamptz', default: () => 'now()' })
  builtAt!: Date;

  @Column({ type: 'integer', default: 0 })
  cases!: number;
}
