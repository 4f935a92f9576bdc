import { CallLog, fake, newPlugin, registryOf, silentLogger } from '../../../test/utils/unit.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import type { PgEvents } from '../database/pg-events.js';
import type { PluginActivator } from './plugin-activator.js';
import type { PluginRecord, PluginRegistry, UsablePlugin } from './plugin-registry.js';
import type { PluginStateEntity } from './plugin-state.entity.js';
import type { PluginStateRepository } from './plugin-state.repository.js';
import { PluginsService } from './plugins.service.js';

const CHANNEL = 'cop_plugin_state';

/** PluginsService on fakes of its state repository, the activator and the cross-instance events. */
function world(registry: PluginRegistry, opts: { activates?: boolean; stored?: Partial<PluginStateEntity> } = {}) {
  const log = new CallLog();
  const listeners = new Map<string, (payload: string) => void>();
  const states = fake<PluginStateRepository>('states', {
    setEnabled: async (...args: unknown[]) => void log.record('states.setEnabled', args),
    find: async (pluginId: string) => {
      log.record('states.find', [pluginId]);
      return opts.stored ? ({ pluginId, ...opts.stored } as PluginStateEntity) : null;
    },
  });
  const activator = fake<PluginActivator>('activator', {
    activate: async (plugin: UsablePlugin) => {
      log.record('activator.activate', [plugin.id]);
      if (opts.activates === false) {
        registry.quarantine(plugin, 'migration 1-add-column failed: column "x" already exists');
        return false;
      }
      plugin.status = 'enabled';
      return true;
    },
  });
  const events = fake<PgEvents>('events', {
    listen: async (channel: string, handler: (payload: string) => void) => void listeners.set(channel, handler),
    notify: async (...args: unknown[]) => void log.record('events.notify', args),
  });
  const service = new PluginsService(registry, states, activator, events, silentLogger);
  /** Another instance announced a change to the plugin; resolves once this instance has dealt with it. */
  const announce = async (pluginId: string) => {
    listeners.get(CHANNEL)!(pluginId);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { service, log, announce };
}

const plugin = (
  id: string,
  extra: Partial<UsablePlugin['manifest']> = {},
  status: PluginRecord['status'] = 'enabled',
) => ({
  ...newPlugin({ id, title: id, ...extra }),
  status,
});

describe('PluginsService (repositories faked)', () => {
  it('answers 404 for a plugin it does not know, storing nothing', async () => {
    const { service, log } = world(registryOf(plugin('sighting')));
    await expect(service.setEnabled('nowhere', true, 'admin')).rejects.toThrow(NotFoundError);
    expect(log.methods).toEqual([]);
  });

  it('refuses with 409 to enable or disable a quarantined plugin, naming why it is quarantined', async () => {
    const broken = plugin('broken');
    const registry = registryOf(broken);
    registry.quarantine(broken, 'onLoad hook failed: boom');
    const { service, log } = world(registry);
    await expect(service.setEnabled('broken', true, 'admin')).rejects.toThrow(
      'Plugin "broken" is quarantined and cannot be enabled: onLoad hook failed: boom',
    );
    await expect(service.setEnabled('broken', false, 'admin')).rejects.toThrow(ConflictError);
    expect(log.methods).toEqual([]);
  });

  it('refuses with 409 to disable a plugin an enabled plugin depends on, naming the dependents', async () => {
    const registry = registryOf(
      plugin('target'),
      plugin('outcome', { dependsOn: { workflows: ['target'] } }),
      plugin('report', { dependsOn: { workflows: ['target'] } }),
      plugin('idle', { dependsOn: { workflows: ['target'] } }, 'disabled'),
    );
    const { service, log } = world(registry);
    const error = await service.setEnabled('target', false, 'admin').catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toEqual({ dependents: ['outcome', 'report'] });
    expect(registry.get('target')!.status).toBe('enabled');
    expect(log.methods).toEqual([]);
  });

  it('refuses with 409 to enable a plugin before the workflows it needs', async () => {
    const registry = registryOf(
      plugin('target', {}, 'disabled'),
      plugin('outcome', { dependsOn: { workflows: ['target'] } }, 'disabled'),
    );
    const { service, log } = world(registry);
    const error = await service.setEnabled('outcome', true, 'admin').catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toEqual({ dependencies: ['target'] });
    expect(log.methods).toEqual([]);
  });

  it('activates a disabled plugin, then stores the flag, and tells the other instances', async () => {
    const registry = registryOf(plugin('sighting', {}, 'disabled'));
    const { service, log } = world(registry);
    const view = await service.setEnabled('sighting', true, 'admin');
    expect(log.calls).toEqual([
      { method: 'activator.activate', args: ['sighting'] },
      { method: 'states.setEnabled', args: ['sighting', true, 'admin'] },
      { method: 'events.notify', args: [CHANNEL, 'sighting'] },
    ]);
    expect(view).toMatchObject({ id: 'sighting', state: 'enabled' });
    expect(registry.get('sighting')!.status).toBe('enabled');
  });

  it('refuses with 409 when activation fails, leaving the stored flag alone and telling no one', async () => {
    const registry = registryOf(plugin('sighting', {}, 'disabled'));
    const { service, log } = world(registry, { activates: false });
    await expect(service.setEnabled('sighting', true, 'admin')).rejects.toThrow(
      'Plugin "sighting" could not be enabled: migration 1-add-column failed: column "x" already exists',
    );
    expect(log.methods).toEqual(['activator.activate']);
    expect(registry.get('sighting')!.status).toBe('quarantined');
  });

  it('disables without activating anything, and the shell stops listing the plugin', async () => {
    const registry = registryOf(plugin('sighting'), plugin('other'));
    const { service, log } = world(registry);
    expect(service.list(['officer']).map((p) => p.id)).toEqual(['sighting', 'other']);
    await service.setEnabled('sighting', false, 'admin');
    expect(log.methods).toEqual(['states.setEnabled', 'events.notify']);
    expect(log.of('states.setEnabled')).toEqual([['sighting', false, 'admin']]);
    expect(service.list(['officer']).map((p) => p.id)).toEqual(['other']);
  });

  it("follows another instance's change: a plugin disabled there is disabled here", async () => {
    const registry = registryOf(plugin('sighting'));
    const { service, log, announce } = world(registry, { stored: { enabled: false } });
    await service.onApplicationBootstrap();
    await announce('sighting');
    expect(log.methods).toEqual(['states.find']);
    expect(registry.get('sighting')!.status).toBe('disabled');
  });

  it("follows another instance's change: a plugin enabled there is activated here", async () => {
    const registry = registryOf(plugin('sighting', {}, 'disabled'));
    const { service, log, announce } = world(registry, { stored: { enabled: true } });
    await service.onApplicationBootstrap();
    await announce('sighting');
    expect(log.methods).toEqual(['states.find', 'activator.activate']);
    expect(registry.get('sighting')!.status).toBe('enabled');
  });

  it('ignores an announcement that matches what this instance has, or names a quarantined plugin', async () => {
    const broken = plugin('broken');
    const registry = registryOf(plugin('sighting'), broken);
    registry.quarantine(broken, 'bad manifest');
    const { service, log, announce } = world(registry, { stored: { enabled: true } });
    await service.onApplicationBootstrap();
    await announce('sighting');
    await announce('broken');
    expect(log.methods).toEqual(['states.find']);
    expect(registry.get('sighting')!.status).toBe('enabled');
  });
});
